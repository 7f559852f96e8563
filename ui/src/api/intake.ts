import { call } from './invoke'
import type { Alerts } from '../bindings/Alerts'
import type { AssignInput } from '../bindings/AssignInput'
import type { Board } from '../bindings/Board'
import type { CompleteInput } from '../bindings/CompleteInput'
import type { Complaint } from '../bindings/Complaint'
import type { ComplaintFilter } from '../bindings/ComplaintFilter'
import type { ComplaintNoteInput } from '../bindings/ComplaintNoteInput'
import type { ComplaintPage } from '../bindings/ComplaintPage'
import type { ComplaintVisitInput } from '../bindings/ComplaintVisitInput'
import type { IntakeEntry } from '../bindings/IntakeEntry'
import type { IntakeInput } from '../bindings/IntakeInput'
import type { IntakePage } from '../bindings/IntakePage'
import type { IntakeQuery } from '../bindings/IntakeQuery'
import type { IntakeSettings } from '../bindings/IntakeSettings'
import type { Lookup } from '../bindings/Lookup'
import type { LookupInput } from '../bindings/LookupInput'
import type { NightLogDecision } from '../bindings/NightLogDecision'
import type { NoteInput } from '../bindings/NoteInput'
import type { OpenComplaintInput } from '../bindings/OpenComplaintInput'
import type { OpenItems } from '../bindings/OpenItems'
import type { OpenSlipInput } from '../bindings/OpenSlipInput'
import type { Registered } from '../bindings/Registered'
import type { ReplyInput } from '../bindings/ReplyInput'
import type { Slip } from '../bindings/Slip'
import type { SlipPage } from '../bindings/SlipPage'
import type { SlipVisitInput } from '../bindings/SlipVisitInput'
import type { Staff } from '../bindings/Staff'
import type { StepInput } from '../bindings/StepInput'
import type { ValidityInput } from '../bindings/ValidityInput'

// 来电来访
export const intakeRegister = (input: IntakeInput) => call<Registered>('intake_register', { input })
export const intakeLookup = (input: LookupInput) => call<Lookup>('intake_lookup', { input })
export const intakeList = (input: IntakeQuery) => call<IntakeEntry[]>('intake_list', { input })
export const intakeDetail = (id: number) => call<IntakePage>('intake_detail', { id })
export const intakeFinish = (input: NoteInput) => call<IntakeEntry>('intake_finish', { input })
export const intakeCallbackDone = (input: NoteInput) => call<IntakeEntry>('intake_callback_done', { input })
export const intakeTakeUpMajor = (input: NoteInput) => call<IntakeEntry>('intake_take_up_major', { input })
export const intakeFollowUp = (input: NoteInput) => call<IntakePage>('intake_follow_up', { input })
export const intakeConvertNightLog = (items: NightLogDecision[]) => call<IntakeEntry[]>('intake_convert_night_log', { items })
export const intakeOpenItems = () => call<OpenItems>('intake_open_items')
export const intakeSettingsGet = () => call<IntakeSettings>('intake_settings_get')
export const intakeSettingsUpdate = (input: IntakeSettings) => call<IntakeSettings>('intake_settings_update', { input })

// 派工单
export const slipOpen = (input: OpenSlipInput) => call<Slip>('slip_open', { input })
export const slipDetail = (id: number) => call<SlipPage>('slip_detail', { id })
export const slipBoard = (board: Board) => call<Slip[]>('slip_board', { board })
export const slipAssignable = (slipId: number) => call<Staff[]>('slip_assignable', { slipId })
export const slipDispatch = (input: AssignInput) => call<Slip>('slip_dispatch', { input })
export const slipTransfer = (input: AssignInput) => call<Slip>('slip_transfer', { input })
export const slipAccept = (input: StepInput) => call<Slip>('slip_accept', { input })
export const slipReturn = (input: StepInput) => call<Slip>('slip_return', { input })
export const slipArrive = (input: StepInput) => call<Slip>('slip_arrive', { input })
export const slipComplete = (input: CompleteInput) => call<Slip>('slip_complete', { input })
export const slipVisit = (input: SlipVisitInput) => call<Slip>('slip_visit', { input })
export const slipPause = (input: StepInput) => call<Slip>('slip_pause', { input })
export const slipResume = (input: StepInput) => call<Slip>('slip_resume', { input })
export const slipCancel = (input: StepInput) => call<Slip>('slip_cancel', { input })
export const slipClose = (input: StepInput) => call<Slip>('slip_close', { input })
export const slipReopen = (input: StepInput) => call<Slip>('slip_reopen', { input })

// 投诉
export const complaintOpen = (input: OpenComplaintInput) => call<Complaint>('complaint_open', { input })
export const complaintList = (filter: ComplaintFilter) => call<Complaint[]>('complaint_list', { filter })
export const complaintDetail = (id: number) => call<ComplaintPage>('complaint_detail', { id })
export const complaintAlerts = () => call<Alerts>('complaint_alerts')
export const complaintTakeUp = (input: ComplaintNoteInput) => call<ComplaintPage>('complaint_take_up', { input })
export const complaintStep = (input: ComplaintNoteInput) => call<ComplaintPage>('complaint_step', { input })
export const complaintValidity = (input: ValidityInput) => call<ComplaintPage>('complaint_validity', { input })
export const complaintReply = (input: ReplyInput) => call<ComplaintPage>('complaint_reply', { input })
export const complaintVisit = (input: ComplaintVisitInput) => call<ComplaintPage>('complaint_visit', { input })
export const complaintSignOff = (input: ComplaintNoteInput) => call<ComplaintPage>('complaint_sign_off', { input })
