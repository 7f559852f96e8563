import { call } from './invoke'
import type { AuditEntry } from '../bindings/AuditEntry'
import type { Building } from '../bindings/Building'
import type { BuildingInput } from '../bindings/BuildingInput'
import type { Category } from '../bindings/Category'
import type { CategoryInput } from '../bindings/CategoryInput'
import type { CheckReport } from '../bindings/CheckReport'
import type { Department } from '../bindings/Department'
import type { DepartmentInput } from '../bindings/DepartmentInput'
import type { NewLogin } from '../bindings/NewLogin'
import type { Office } from '../bindings/Office'
import type { Resident } from '../bindings/Resident'
import type { ResidentInput } from '../bindings/ResidentInput'
import type { Room } from '../bindings/Room'
import type { RoomDetail } from '../bindings/RoomDetail'
import type { RoomInput } from '../bindings/RoomInput'
import type { RoomQuery } from '../bindings/RoomQuery'
import type { Staff } from '../bindings/Staff'
import type { StaffInput } from '../bindings/StaffInput'

export const officeGet = () => call<Office>('office_get')
export const officeUpdate = (input: Office) => call<Office>('office_update', { input })
export const departmentList = () => call<Department[]>('department_list')
export const departmentAdd = (input: DepartmentInput) => call<Department>('department_add', { input })
export const departmentUpdate = (id: number, input: DepartmentInput) => call<Department>('department_update', { id, input })
export const staffList = (includeInactive = false) => call<Staff[]>('staff_list', { includeInactive })
export const staffAdd = (input: StaffInput) => call<Staff>('staff_add', { input })
export const staffUpdate = (id: number, input: StaffInput) => call<Staff>('staff_update', { id, input })
export const accountSetLogin = (input: NewLogin) => call<Staff>('account_set_login', { input })
export const accountUnlock = (staffId: number) => call<Staff>('account_unlock', { staffId })
export const buildingList = () => call<Building[]>('building_list')
export const buildingAdd = (input: BuildingInput) => call<Building>('building_add', { input })
export const buildingUpdate = (id: number, input: BuildingInput) => call<Building>('building_update', { id, input })
export const roomList = (query: RoomQuery) => call<RoomDetail[]>('room_list', { query })
export const roomDetail = (room: string) => call<RoomDetail>('room_detail', { room })
export const roomAdd = (input: RoomInput) => call<Room>('room_add', { input })
export const roomUpdate = (id: number, input: RoomInput) => call<Room>('room_update', { id, input })
export const residentAdd = (input: ResidentInput) => call<Resident>('resident_add', { input })
export const residentUpdate = (id: number, input: ResidentInput) => call<Resident>('resident_update', { id, input })
export const categoryList = () => call<Category[]>('category_list')
export const categoryAdd = (input: CategoryInput) => call<Category>('category_add', { input })
export const categoryUpdate = (id: number, input: CategoryInput) => call<Category>('category_update', { id, input })
export const auditList = (limit = 200) => call<AuditEntry[]>('audit_list', { limit })
export const dbCheck = () => call<CheckReport>('db_check')
