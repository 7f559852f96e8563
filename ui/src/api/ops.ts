// 由核心的操作清单（frontdesk-core api::OPERATIONS）在 cargo test 时生成，请勿手改。
// Generated from the core's one list of operations by `cargo test`; do not edit.
import { call } from './invoke'
import type { Actor } from '../bindings/Actor'
import type { AddendumInput } from '../bindings/AddendumInput'
import type { Alerts } from '../bindings/Alerts'
import type { AnomalyInput } from '../bindings/AnomalyInput'
import type { ArrivalInput } from '../bindings/ArrivalInput'
import type { AssignInput } from '../bindings/AssignInput'
import type { AtInput } from '../bindings/AtInput'
import type { AuditEntry } from '../bindings/AuditEntry'
import type { AuditQuery } from '../bindings/AuditQuery'
import type { BackupFileInput } from '../bindings/BackupFileInput'
import type { BackupList } from '../bindings/BackupList'
import type { BackupSettings } from '../bindings/BackupSettings'
import type { BackupStatus } from '../bindings/BackupStatus'
import type { BoardInput } from '../bindings/BoardInput'
import type { Building } from '../bindings/Building'
import type { BuildingInput } from '../bindings/BuildingInput'
import type { Category } from '../bindings/Category'
import type { CategoryInput } from '../bindings/CategoryInput'
import type { CellsInput } from '../bindings/CellsInput'
import type { ChainReport } from '../bindings/ChainReport'
import type { CheckInput } from '../bindings/CheckInput'
import type { CheckReport } from '../bindings/CheckReport'
import type { CoArrivalInput } from '../bindings/CoArrivalInput'
import type { Complaint } from '../bindings/Complaint'
import type { ComplaintNoteInput } from '../bindings/ComplaintNoteInput'
import type { ComplaintPage } from '../bindings/ComplaintPage'
import type { ComplaintQuery } from '../bindings/ComplaintQuery'
import type { ComplaintVisitInput } from '../bindings/ComplaintVisitInput'
import type { CompleteInput } from '../bindings/CompleteInput'
import type { Cover } from '../bindings/Cover'
import type { CoverEndInput } from '../bindings/CoverEndInput'
import type { CoverInput } from '../bindings/CoverInput'
import type { DaysInput } from '../bindings/DaysInput'
import type { DecisionInput } from '../bindings/DecisionInput'
import type { Department } from '../bindings/Department'
import type { DepartmentInput } from '../bindings/DepartmentInput'
import type { DeskClock } from '../bindings/DeskClock'
import type { DeskItem } from '../bindings/DeskItem'
import type { DeskItemInput } from '../bindings/DeskItemInput'
import type { DutyCheck } from '../bindings/DutyCheck'
import type { DutyCheckInput } from '../bindings/DutyCheckInput'
import type { DutyCheckQuery } from '../bindings/DutyCheckQuery'
import type { DutyRequest } from '../bindings/DutyRequest'
import type { DutySettings } from '../bindings/DutySettings'
import type { EntryPass } from '../bindings/EntryPass'
import type { EntryPassInput } from '../bindings/EntryPassInput'
import type { ExportedReport } from '../bindings/ExportedReport'
import type { FirstRun } from '../bindings/FirstRun'
import type { GoodsPass } from '../bindings/GoodsPass'
import type { GoodsPassInput } from '../bindings/GoodsPassInput'
import type { Handover } from '../bindings/Handover'
import type { HandoverPlan } from '../bindings/HandoverPlan'
import type { HandoverStart } from '../bindings/HandoverStart'
import type { HandoverSummary } from '../bindings/HandoverSummary'
import type { HotWorkInput } from '../bindings/HotWorkInput'
import type { HotWorkPermit } from '../bindings/HotWorkPermit'
import type { IdInput } from '../bindings/IdInput'
import type { ImportFile } from '../bindings/ImportFile'
import type { ImportKindInput } from '../bindings/ImportKindInput'
import type { ImportReport } from '../bindings/ImportReport'
import type { ImportRunInput } from '../bindings/ImportRunInput'
import type { IntakeEntry } from '../bindings/IntakeEntry'
import type { IntakeInput } from '../bindings/IntakeInput'
import type { IntakePage } from '../bindings/IntakePage'
import type { IntakeQuery } from '../bindings/IntakeQuery'
import type { IntakeSettings } from '../bindings/IntakeSettings'
import type { KeyBackInput } from '../bindings/KeyBackInput'
import type { KeyDepositInput } from '../bindings/KeyDepositInput'
import type { KeyLendInput } from '../bindings/KeyLendInput'
import type { KeyQuery } from '../bindings/KeyQuery'
import type { Lookup } from '../bindings/Lookup'
import type { LookupInput } from '../bindings/LookupInput'
import type { MissingHandover } from '../bindings/MissingHandover'
import type { MissingInput } from '../bindings/MissingInput'
import type { MonthInput } from '../bindings/MonthInput'
import type { NewLogin } from '../bindings/NewLogin'
import type { NightLogDecision } from '../bindings/NightLogDecision'
import type { NoteInput } from '../bindings/NoteInput'
import type { NotesInput } from '../bindings/NotesInput'
import type { NoticesSeenInput } from '../bindings/NoticesSeenInput'
import type { Office } from '../bindings/Office'
import type { OnDuty } from '../bindings/OnDuty'
import type { OpenComplaintInput } from '../bindings/OpenComplaintInput'
import type { OpenItemInput } from '../bindings/OpenItemInput'
import type { OpenItems } from '../bindings/OpenItems'
import type { OpenSlipInput } from '../bindings/OpenSlipInput'
import type { PasswordChange } from '../bindings/PasswordChange'
import type { PrintInput } from '../bindings/PrintInput'
import type { PrintedForm } from '../bindings/PrintedForm'
import type { Published } from '../bindings/Published'
import type { RegisterCloseInput } from '../bindings/RegisterCloseInput'
import type { RegisterQuery } from '../bindings/RegisterQuery'
import type { Registered } from '../bindings/Registered'
import type { RemoveInput } from '../bindings/RemoveInput'
import type { ReplyInput } from '../bindings/ReplyInput'
import type { Report } from '../bindings/Report'
import type { ReportInput } from '../bindings/ReportInput'
import type { RequestInput } from '../bindings/RequestInput'
import type { RequestQuery } from '../bindings/RequestQuery'
import type { Resident } from '../bindings/Resident'
import type { ResidentInput } from '../bindings/ResidentInput'
import type { ResidentKey } from '../bindings/ResidentKey'
import type { RestorePlan } from '../bindings/RestorePlan'
import type { Restored } from '../bindings/Restored'
import type { Room } from '../bindings/Room'
import type { RoomDetail } from '../bindings/RoomDetail'
import type { RoomInput } from '../bindings/RoomInput'
import type { RoomList } from '../bindings/RoomList'
import type { RoomQuery } from '../bindings/RoomQuery'
import type { RoomRef } from '../bindings/RoomRef'
import type { RosterNotice } from '../bindings/RosterNotice'
import type { RosterView } from '../bindings/RosterView'
import type { RotationInput } from '../bindings/RotationInput'
import type { SearchPage } from '../bindings/SearchPage'
import type { SearchQuery } from '../bindings/SearchQuery'
import type { SecurityReadInput } from '../bindings/SecurityReadInput'
import type { SendInput } from '../bindings/SendInput'
import type { SettleInput } from '../bindings/SettleInput'
import type { SetupStatus } from '../bindings/SetupStatus'
import type { Shift } from '../bindings/Shift'
import type { ShiftInput } from '../bindings/ShiftInput'
import type { SignInput } from '../bindings/SignInput'
import type { Slip } from '../bindings/Slip'
import type { SlipIdInput } from '../bindings/SlipIdInput'
import type { SlipPage } from '../bindings/SlipPage'
import type { SlipRef } from '../bindings/SlipRef'
import type { SlipVisitInput } from '../bindings/SlipVisitInput'
import type { SpecialDayInput } from '../bindings/SpecialDayInput'
import type { Staff } from '../bindings/Staff'
import type { StaffIdInput } from '../bindings/StaffIdInput'
import type { StaffInput } from '../bindings/StaffInput'
import type { StaffListInput } from '../bindings/StaffListInput'
import type { StepInput } from '../bindings/StepInput'
import type { Taken } from '../bindings/Taken'
import type { Update } from '../bindings/Update'
import type { UrgeInput } from '../bindings/UrgeInput'
import type { Urged } from '../bindings/Urged'
import type { Validation } from '../bindings/Validation'
import type { ValidityInput } from '../bindings/ValidityInput'
import type { Verified } from '../bindings/Verified'
import type { Waiting } from '../bindings/Waiting'

/** 是否已完成首次设置 */
export const setupStatus = () => call<SetupStatus>('setup_status', {})
/** 办公室的当前时间（北京时间），窗口的“今天”“本月”以此为准 */
export const clockNow = () => call<DeskClock>('clock_now', {})
/** 首次设置：创建办公室与第一位客服主管 */
export const setupInit = (input: FirstRun) => call<Actor>('setup_init', input)
/** 检查数据库完整性与外键，显示数据库版本（有问题时退出码为 1） */
export const dbCheck = () => call<CheckReport>('db_check', {})
/** 验证数据：重算封存链，找出被绕过本程序改动或删除的记录（有问题时退出码为 1） */
export const dataVerify = () => call<ChainReport>('data_verify', {})
/** 最近一次备份的情况（状态栏） */
export const backupStatus = () => call<BackupStatus>('backup_status', {})
/** 列出全部备份：时间、大小、记录数、是否校验通过 */
export const backupList = () => call<BackupList>('backup_list', {})
/** 立即备份 */
export const backupNow = () => call<Taken>('backup_now', {})
/** 重新校验一份备份（不给 --file 时校验最新一份） */
export const backupVerify = (input: BackupFileInput) => call<Verified>('backup_verify', input)
/** 恢复前查看：该备份之后的记录会丢失多少 */
export const backupPlan = (input: BackupFileInput) => call<RestorePlan>('backup_plan', input)
/** 从备份恢复（当前数据库文件改名保留；先显示会丢失什么，加 --yes 才执行） */
export const backupRestore = (input: BackupFileInput) => call<Restored>('backup_restore', input)
/** 查看备份设置 */
export const backupSettings = () => call<BackupSettings>('backup_settings', {})
/** 修改备份设置：第二备份位置、保留份数、自动备份间隔 */
export const backupSettingsUpdate = (input: BackupSettings) => call<BackupSettings>('backup_settings_update', input)
/** 修改自己的密码 */
export const accountPassword = (input: PasswordChange) => call<void>('account_password', input)
/** 查看办公室资料 */
export const officeGet = () => call<Office>('office_get', {})
/** 修改办公室资料 */
export const officeUpdate = (input: Office) => call<Office>('office_update', input)
/** 部门列表 */
export const departmentList = () => call<Array<Department>>('department_list', {})
/** 新增部门 */
export const departmentAdd = (input: DepartmentInput) => call<Department>('department_add', input)
/** 修改部门 */
export const departmentUpdate = (input: Update<DepartmentInput>) => call<Department>('department_update', input)
/** 员工列表 */
export const staffList = (input: StaffListInput) => call<Array<Staff>>('staff_list', input)
/** 新增员工 */
export const staffAdd = (input: StaffInput) => call<Staff>('staff_add', input)
/** 修改员工 */
export const staffUpdate = (input: Update<StaffInput>) => call<Staff>('staff_update', input)
/** 为员工设置登录名和密码 */
export const accountSetLogin = (input: NewLogin) => call<Staff>('account_set_login', input)
/** 解锁因密码错误被锁定的账号 */
export const accountUnlock = (input: StaffIdInput) => call<Staff>('account_unlock', input)
/** 操作日志（最新在前），可按操作人、记录类型、日期筛选 */
export const auditList = (input: AuditQuery) => call<Array<AuditEntry>>('audit_list', input)
/** 楼栋列表 */
export const buildingList = () => call<Array<Building>>('building_list', {})
/** 新增楼栋 */
export const buildingAdd = (input: BuildingInput) => call<Building>('building_add', input)
/** 修改楼栋 */
export const buildingUpdate = (input: Update<BuildingInput>) => call<Building>('building_update', input)
/** 房间列表（可按楼栋、房号、姓名、电话或尾号筛选） */
export const roomList = (input: RoomQuery) => call<RoomList>('room_list', input)
/** 查看房间及住户 */
export const roomDetail = (input: RoomRef) => call<RoomDetail>('room_detail', input)
/** 新增房间 */
export const roomAdd = (input: RoomInput) => call<Room>('room_add', input)
/** 修改房间 */
export const roomUpdate = (input: Update<RoomInput>) => call<Room>('room_update', input)
/** 登记住户 */
export const residentAdd = (input: ResidentInput) => call<Resident>('resident_add', input)
/** 修改住户 */
export const residentUpdate = (input: Update<ResidentInput>) => call<Resident>('resident_update', input)
/** 服务类别及处理时限 */
export const categoryList = () => call<Array<Category>>('category_list', {})
/** 新增服务类别 */
export const categoryAdd = (input: CategoryInput) => call<Category>('category_add', input)
/** 修改服务类别 */
export const categoryUpdate = (input: Update<CategoryInput>) => call<Category>('category_update', input)
/** 预览导入：逐行检查文件，报告将新增什么、哪些行有问题（不写入） */
export const importPreview = (input: ImportFile) => call<ImportReport>('import_preview', input)
/** 导入住户与房间或员工；有问题的行存在时不写入（退出码 1），除非 --only-valid true */
export const importRun = (input: ImportRunInput) => call<ImportReport>('import_run', input)
/** 生成导入模板（.xlsx），返回保存的位置（命令行用 --out 另存） */
export const importTemplate = (input: ImportKindInput) => call<string>('import_template', input)
/** 登记来电来访（留空受理时间为现在；补录请填受理时间） */
export const intakeRegister = (input: IntakeInput) => call<Registered>('intake_register', input)
/** 按房号、电话或尾号查住户及房间历史（含重复报修提醒） */
export const intakeLookup = (input: LookupInput) => call<Lookup>('intake_lookup', input)
/** 来电来访列表（今天/本班/时间段，可按类型、来源、受理人、状态筛选） */
export const intakeList = (input: IntakeQuery) => call<Array<IntakeEntry>>('intake_list', input)
/** 查看一条登记及其跟进记录 */
export const intakeDetail = (input: IdInput) => call<IntakePage>('intake_detail', input)
/** 填写处理结果并办结登记 */
export const intakeFinish = (input: NoteInput) => call<IntakeEntry>('intake_finish', input)
/** 客户钥匙登记：借出未还的在前，其次在柜的，业主已取回的在后 */
export const keyList = (input: KeyQuery) => call<Array<ResidentKey>>('key_list', input)
/** 业主寄存钥匙 */
export const keyDeposit = (input: KeyDepositInput) => call<ResidentKey>('key_deposit', input)
/** 借出钥匙（借出未还的钥匙会移交到每一次交接班） */
export const keyLend = (input: KeyLendInput) => call<ResidentKey>('key_lend', input)
/** 登记借出的钥匙已归还 */
export const keyReturn = (input: KeyBackInput) => call<ResidentKey>('key_return', input)
/** 业主取回寄存的钥匙 */
export const keyWithdraw = (input: KeyBackInput) => call<ResidentKey>('key_withdraw', input)
/** 查岗记录：主任巡查、夜间查岗和值班纪律（按月） */
export const dutyCheckList = (input: DutyCheckQuery) => call<Array<DutyCheck>>('duty_check_list', input)
/** 登记主任巡查、夜间查岗或值班纪律（脱岗、早退） */
export const dutyCheckRecord = (input: DutyCheckInput) => call<DutyCheck>('duty_check_record', input)
/** 物品出入放行单：待放行的在前 */
export const goodsList = (input: RegisterQuery) => call<Array<GoodsPass>>('goods_list', input)
/** 查看一张物品放行单 */
export const goodsShow = (input: IdInput) => call<GoodsPass>('goods_show', input)
/** 开具物品出入放行单（放行前每次交接班都会移交） */
export const goodsIssue = (input: GoodsPassInput) => call<GoodsPass>('goods_issue', input)
/** 门岗核对物品后登记放行（或作废放行单） */
export const goodsRelease = (input: RegisterCloseInput) => call<GoodsPass>('goods_release', input)
/** 动用明火审批表：未结束的在前 */
export const hotWorkList = (input: RegisterQuery) => call<Array<HotWorkPermit>>('hot_work_list', input)
/** 查看一张动火审批 */
export const hotWorkShow = (input: IdInput) => call<HotWorkPermit>('hot_work_show', input)
/** 登记主管或经理批准的动用明火审批（结束前每次交接班都会移交） */
export const hotWorkIssue = (input: HotWorkInput) => call<HotWorkPermit>('hot_work_issue', input)
/** 动火结束、现场检查无火种后关闭审批（或作废） */
export const hotWorkFinish = (input: RegisterCloseInput) => call<HotWorkPermit>('hot_work_finish', input)
/** 出入证登记：未收回的在前 */
export const passList = (input: RegisterQuery) => call<Array<EntryPass>>('pass_list', input)
/** 查看一张出入证 */
export const passShow = (input: IdInput) => call<EntryPass>('pass_show', input)
/** 办理临时出入证（证件号码只保存隐去中间的部分） */
export const passIssue = (input: EntryPassInput) => call<EntryPass>('pass_issue', input)
/** 收回出入证（或作废） */
export const passReturn = (input: RegisterCloseInput) => call<EntryPass>('pass_return', input)
/** 登记已回电 */
export const intakeCallbackDone = (input: NoteInput) => call<IntakeEntry>('intake_callback_done', input)
/** 主管/经理接手突发事件 */
export const intakeTakeUpMajor = (input: NoteInput) => call<IntakeEntry>('intake_take_up_major', input)
/** 添加跟进记录 */
export const intakeFollowUp = (input: NoteInput) => call<IntakePage>('intake_follow_up', input)
/** 批量转换夜间值班记录（转派工单/转投诉/已处理） */
export const intakeConvertNightLog = (input: Array<NightLogDecision>) => call<Array<IntakeEntry>>('intake_convert_night_log', input)
/** 未完成事项（未完工派工单、待回访、超时、待答复投诉、待回电、未转换夜间记录） */
export const intakeOpenItems = () => call<OpenItems>('intake_open_items', {})
/** 查看受理设置（重复报修天数、夜间时段、即将超时提醒、投诉答复时限） */
export const intakeSettingsGet = () => call<IntakeSettings>('intake_settings_get', {})
/** 修改受理设置 */
export const intakeSettingsUpdate = (input: IntakeSettings) => call<IntakeSettings>('intake_settings_update', input)
/** 统一搜索来电来访、派工单、投诉（房号、姓名、电话或尾号、单号、内容中的词），最新的在前 */
export const search = (input: SearchQuery) => call<SearchPage>('search', input)
/** 由登记开派工单 */
export const slipOpen = (input: OpenSlipInput) => call<Slip>('slip_open', input)
/** 查看派工单及其过程记录 */
export const slipDetail = (input: SlipRef) => call<SlipPage>('slip_detail', input)
/** 派工单看板 */
export const slipBoard = (input: BoardInput) => call<Array<Slip>>('slip_board', input)
/** 可派工的人员（本单处理部门） */
export const slipAssignable = (input: SlipIdInput) => call<Array<Staff>>('slip_assignable', input)
/** 派工 */
export const slipDispatch = (input: AssignInput) => call<Slip>('slip_dispatch', input)
/** 转派（需原因） */
export const slipTransfer = (input: AssignInput) => call<Slip>('slip_transfer', input)
/** 接单（本单处理人本人，或主管代录） */
export const slipAccept = (input: StepInput) => call<Slip>('slip_accept', input)
/** 退单（需原因） */
export const slipReturn = (input: StepInput) => call<Slip>('slip_return', input)
/** 到场 */
export const slipArrive = (input: StepInput) => call<Slip>('slip_arrive', input)
/** 完工（完成情况、材料、有偿/无偿及金额、住户验收与满意度） */
export const slipComplete = (input: CompleteInput) => call<Slip>('slip_complete', input)
/** 回访（未接通记为一次尝试） */
export const slipVisit = (input: SlipVisitInput) => call<Slip>('slip_visit', input)
/** 暂停（需原因，暂停时间不计入时限） */
export const slipPause = (input: StepInput) => call<Slip>('slip_pause', input)
/** 恢复 */
export const slipResume = (input: StepInput) => call<Slip>('slip_resume', input)
/** 作废（主管，需原因） */
export const slipCancel = (input: StepInput) => call<Slip>('slip_cancel', input)
/** 关闭（主管） */
export const slipClose = (input: StepInput) => call<Slip>('slip_close', input)
/** 重新派工（主管，需原因） */
export const slipReopen = (input: StepInput) => call<Slip>('slip_reopen', input)
/** 由登记建立投诉记录（紧急/重大投诉立即上报经理） */
export const complaintOpen = (input: OpenComplaintInput) => call<Complaint>('complaint_open', input)
/** 投诉列表 */
export const complaintList = (input: ComplaintQuery) => call<Array<Complaint>>('complaint_list', input)
/** 查看投诉及处理过程、回访 */
export const complaintDetail = (input: IdInput) => call<ComplaintPage>('complaint_detail', input)
/** 经理/主管待接手的紧急投诉与突发事件 */
export const complaintAlerts = () => call<Alerts>('complaint_alerts', {})
/** 接手紧急/重大投诉（经理、主管） */
export const complaintTakeUp = (input: ComplaintNoteInput) => call<ComplaintPage>('complaint_take_up', input)
/** 记录处理过程 */
export const complaintStep = (input: ComplaintNoteInput) => call<ComplaintPage>('complaint_step', input)
/** 认定有效/无效（主管） */
export const complaintValidity = (input: ValidityInput) => call<ComplaintPage>('complaint_validity', input)
/** 答复投诉人 */
export const complaintReply = (input: ReplyInput) => call<ComplaintPage>('complaint_reply', input)
/** 投诉回访 */
export const complaintVisit = (input: ComplaintVisitInput) => call<ComplaintPage>('complaint_visit', input)
/** 主管签字办结 */
export const complaintSignOff = (input: ComplaintNoteInput) => call<ComplaintPage>('complaint_sign_off', input)
/** 班次模板列表 */
export const shiftList = () => call<Array<Shift>>('shift_list', {})
/** 新增班次 */
export const shiftAdd = (input: ShiftInput) => call<Shift>('shift_add', input)
/** 修改班次 */
export const shiftUpdate = (input: Update<ShiftInput>) => call<Shift>('shift_update', input)
/** 查看值班设置（最少休息、提前到岗、提前发布） */
export const dutySettingsGet = () => call<DutySettings>('duty_settings_get', {})
/** 修改值班设置 */
export const dutySettingsUpdate = (input: DutySettings) => call<DutySettings>('duty_settings_update', input)
/** 已有值班表的月份 */
export const rosterMonths = () => call<Array<string>>('roster_months', {})
/** 查看某月值班表（含检查结果） */
export const rosterGet = (input: MonthInput) => call<RosterView>('roster_get', input)
/** 新建某月值班表草稿 */
export const rosterCreate = (input: MonthInput) => call<RosterView>('roster_create', input)
/** 设置值班表格子（一次多个；命令行的 roster set 设一个） */
export const rosterSetCells = (input: CellsInput) => call<RosterView>('roster_set_cells', input)
/** 按轮班顺序填充 */
export const rosterFillRotation = (input: RotationInput) => call<RosterView>('roster_fill_rotation', input)
/** 检查覆盖空档、岗位、重叠与休息 */
export const rosterValidate = (input: MonthInput) => call<Validation>('roster_validate', input)
/** 发布值班表（有空档时拒绝） */
export const rosterPublish = (input: MonthInput) => call<Published>('roster_publish', input)
/** 标记特殊日（节假日、台风预警、重大施工等，须有主管或经理值班）；事由留空即取消 */
export const rosterSpecialDay = (input: SpecialDayInput) => call<RosterView>('roster_special_day', input)
/** 本人未读的值班安排变动通知（已发布的值班表经批准调整后发给受影响的人） */
export const rosterNotices = () => call<Array<RosterNotice>>('roster_notices', {})
/** 标记本人的变动通知为已读 */
export const rosterNoticesSeen = (input: NoticesSeenInput) => call<Array<RosterNotice>>('roster_notices_seen', input)
/** 调班/请假申请（最新在前） */
export const requestList = (input: RequestQuery) => call<Array<DutyRequest>>('request_list', input)
/** 提交调班/请假申请 */
export const requestFile = (input: RequestInput) => call<DutyRequest>('request_file', input)
/** 批准申请（请假由审批人指定顶班） */
export const requestApprove = (input: DecisionInput) => call<DutyRequest>('request_approve', input)
/** 驳回申请（本人提交则为撤回） */
export const requestReject = (input: DecisionInput) => call<DutyRequest>('request_reject', input)
/** 催办：住户再次来电催促未办结的派工单或投诉，一步登记在该单上（单上、时间线、看板显示次数，报表计入） */
export const urge = (input: UrgeInput) => call<Urged>('urge', input)
/** 今日待办：超时、待回访、待回电、夜间记录、未交接、待答复投诉、待批申请各有几件（状态栏与“今日”页） */
export const waiting = () => call<Waiting>('waiting', {})
/** 此刻（或 --at 时刻）谁在值班 */
export const dutyNow = (input: AtInput) => call<OnDuty>('duty_now', input)
/** 登记代值（秩序维护员代前台值守）或离岗替值（值班人经主管或经理批准离岗，任何岗位的人替值） */
export const dutyCoverStart = (input: CoverInput) => call<Cover>('duty_cover_start', input)
/** 结束代值或离岗替值（离岗人回岗） */
export const dutyCoverEnd = (input: CoverEndInput) => call<Cover>('duty_cover_end', input)
/** 近期代值与离岗替值记录 */
export const dutyCovers = (input: DaysInput) => call<Array<Cover>>('duty_covers', input)
/** 交接物品清单 */
export const handoverItems = () => call<Array<DeskItem>>('handover_items', {})
/** 新增交接物品 */
export const handoverItemAdd = (input: DeskItemInput) => call<DeskItem>('handover_item_add', input)
/** 修改交接物品 */
export const handoverItemUpdate = (input: Update<DeskItemInput>) => call<DeskItem>('handover_item_update', input)
/** 最近一次交接班时间及值班表上的交接双方 */
export const handoverPlan = (input: AtInput) => call<HandoverPlan>('handover_plan', input)
/** 近期交接班记录 */
export const handoverList = (input: DaysInput) => call<Array<HandoverSummary>>('handover_list', input)
/** 未交接：班次交接后超过设定时间仍未双方签字的交接（默认看最近 7 天） */
export const handoverMissing = (input: MissingInput) => call<Array<MissingHandover>>('handover_missing', input)
/** 查看交接班记录 */
export const handoverGet = (input: IdInput) => call<Handover>('handover_get', input)
/** 开始交接班（按值班表预填双方） */
export const handoverStart = (input: HandoverStart) => call<Handover>('handover_start', input)
/** 填写交班说明 */
export const handoverNotes = (input: NotesInput) => call<Handover>('handover_notes', input)
/** 清点物品 */
export const handoverCheck = (input: CheckInput) => call<Handover>('handover_check', input)
/** 移交未完成事项 */
export const handoverOpenItem = (input: OpenItemInput) => call<Handover>('handover_open_item', input)
/** 删除本班误填的未完成事项（带入的事项只能标为已办结） */
export const handoverDropItem = (input: RemoveInput) => call<Handover>('handover_drop_item', input)
/** 未完成事项标为已办结（写明办理情况） */
export const handoverSettleItem = (input: SettleInput) => call<Handover>('handover_settle_item', input)
/** 登记区域异常 */
export const handoverAnomaly = (input: AnomalyInput) => call<Handover>('handover_anomaly', input)
/** 删除区域异常 */
export const handoverDropAnomaly = (input: RemoveInput) => call<Handover>('handover_drop_anomaly', input)
/** 登记接班人到岗时间 */
export const handoverArrive = (input: ArrivalInput) => call<Handover>('handover_arrive', input)
/** 登记同一时刻接班的其他值班人员的到岗时间（晚于交接时间减提前到岗分钟数即为迟到；签字后也可登记） */
export const handoverCoArrival = (input: CoArrivalInput) => call<Handover>('handover_co_arrival', input)
/** 交接班签字（签字人输入自己的密码：环境变量 FRONTDESK_SIGN_PASSWORD，否则从标准输入读一行） */
export const handoverSign = (input: SignInput) => call<Handover>('handover_sign', input)
/** 为已签字的记录追加补充说明 */
export const handoverAddendum = (input: AddendumInput) => call<Handover>('handover_addendum', input)
/** 确认已阅秩序维护岗夜间记录 */
export const handoverReadSecurity = (input: SecurityReadInput) => call<Handover>('handover_read_security', input)
/** 打印表单（命令行也可写 print <表单> …，如 print intake-log） */
export const printForm = (input: PrintInput) => call<PrintedForm>('print_form', input)
/** 把已归档的文件送打印机或系统查看器 */
export const printSend = (input: SendInput) => call<void>('print_send', input)
/** 月报、季报、年报的统计数字（命令行也可写 report month 2026-11） */
export const reportGet = (input: ReportInput) => call<Report>('report_get', input)
/** 导出报表 Excel 并归档（命令行：report month 2026-11 --out 月报.xlsx） */
export const reportExport = (input: ReportInput) => call<ExportedReport>('report_export', input)
