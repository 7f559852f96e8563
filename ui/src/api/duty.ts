import { call } from './invoke'
import type { AddendumInput } from '../bindings/AddendumInput'
import type { AnomalyInput } from '../bindings/AnomalyInput'
import type { ArrivalInput } from '../bindings/ArrivalInput'
import type { CellsInput } from '../bindings/CellsInput'
import type { CheckInput } from '../bindings/CheckInput'
import type { Cover } from '../bindings/Cover'
import type { CoverEndInput } from '../bindings/CoverEndInput'
import type { CoverInput } from '../bindings/CoverInput'
import type { DecisionInput } from '../bindings/DecisionInput'
import type { DeskItem } from '../bindings/DeskItem'
import type { DeskItemInput } from '../bindings/DeskItemInput'
import type { DutyRequest } from '../bindings/DutyRequest'
import type { DutySettings } from '../bindings/DutySettings'
import type { Handover } from '../bindings/Handover'
import type { HandoverPlan } from '../bindings/HandoverPlan'
import type { HandoverStart } from '../bindings/HandoverStart'
import type { HandoverSummary } from '../bindings/HandoverSummary'
import type { NotesInput } from '../bindings/NotesInput'
import type { OnDuty } from '../bindings/OnDuty'
import type { OpenItemInput } from '../bindings/OpenItemInput'
import type { Published } from '../bindings/Published'
import type { RemoveInput } from '../bindings/RemoveInput'
import type { RequestInput } from '../bindings/RequestInput'
import type { RequestQuery } from '../bindings/RequestQuery'
import type { RosterView } from '../bindings/RosterView'
import type { RotationInput } from '../bindings/RotationInput'
import type { SecurityReadInput } from '../bindings/SecurityReadInput'
import type { Shift } from '../bindings/Shift'
import type { ShiftInput } from '../bindings/ShiftInput'
import type { SignInput } from '../bindings/SignInput'
import type { Validation } from '../bindings/Validation'

export const shiftList = () => call<Shift[]>('shift_list')
export const shiftAdd = (input: ShiftInput) => call<Shift>('shift_add', { input })
export const shiftUpdate = (id: number, input: ShiftInput) => call<Shift>('shift_update', { id, input })
export const dutySettingsGet = () => call<DutySettings>('duty_settings_get')
export const dutySettingsUpdate = (input: DutySettings) => call<DutySettings>('duty_settings_update', { input })

export const rosterMonths = () => call<string[]>('roster_months')
export const rosterGet = (month: string) => call<RosterView>('roster_get', { month })
export const rosterCreate = (month: string) => call<RosterView>('roster_create', { month })
export const rosterSetCells = (input: CellsInput) => call<RosterView>('roster_set_cells', { input })
export const rosterFillRotation = (input: RotationInput) => call<RosterView>('roster_fill_rotation', { input })
export const rosterValidate = (month: string) => call<Validation>('roster_validate', { month })
export const rosterPublish = (month: string) => call<Published>('roster_publish', { month })

export const requestList = (query: RequestQuery) => call<DutyRequest[]>('request_list', { query })
export const requestFile = (input: RequestInput) => call<DutyRequest>('request_file', { input })
export const requestApprove = (input: DecisionInput) => call<DutyRequest>('request_approve', { input })
export const requestReject = (input: DecisionInput) => call<DutyRequest>('request_reject', { input })

export const dutyNow = (at: string | null = null) => call<OnDuty>('duty_now', { at })
export const coverStart = (input: CoverInput) => call<Cover>('duty_cover_start', { input })
export const coverEnd = (input: CoverEndInput) => call<Cover>('duty_cover_end', { input })
export const coverList = (days = 30) => call<Cover[]>('duty_covers', { days })

export const deskItems = () => call<DeskItem[]>('handover_items')
export const deskItemAdd = (input: DeskItemInput) => call<DeskItem>('handover_item_add', { input })
export const deskItemUpdate = (id: number, input: DeskItemInput) => call<DeskItem>('handover_item_update', { id, input })
export const handoverPlan = (at: string | null = null) => call<HandoverPlan>('handover_plan', { at })
export const handoverList = (days = 7) => call<HandoverSummary[]>('handover_list', { days })
export const handoverGet = (id: number) => call<Handover>('handover_get', { id })
export const handoverStart = (input: HandoverStart) => call<Handover>('handover_start', { input })
export const handoverNotes = (input: NotesInput) => call<Handover>('handover_notes', { input })
export const handoverCheck = (input: CheckInput) => call<Handover>('handover_check', { input })
export const handoverOpenItem = (input: OpenItemInput) => call<Handover>('handover_open_item', { input })
export const handoverDropItem = (input: RemoveInput) => call<Handover>('handover_drop_item', { input })
export const handoverAnomaly = (input: AnomalyInput) => call<Handover>('handover_anomaly', { input })
export const handoverDropAnomaly = (input: RemoveInput) => call<Handover>('handover_drop_anomaly', { input })
export const handoverArrive = (input: ArrivalInput) => call<Handover>('handover_arrive', { input })
export const handoverSign = (input: SignInput) => call<Handover>('handover_sign', { input })
export const handoverAddendum = (input: AddendumInput) => call<Handover>('handover_addendum', { input })
export const handoverReadSecurity = (input: SecurityReadInput) => call<Handover>('handover_read_security', { input })
