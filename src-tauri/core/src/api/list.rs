//! Every operation of the office, declared once (issue 10): name, `<area> <verb>`, who may run
//! it, input ⇒ output, the core function, one line of Chinese help and the command line's flags.
//! Who may: the role groups of `base::role`, the same the core functions check.

use super::inputs::*;
use super::Access::{Public, Roles};
use crate::base::ctx::Actor;
use crate::base::ctx::Ctx;
use crate::base::error::Result;
use crate::base::role::{
    ACCOUNT_ADMINS, ANYONE, DESK, LEADERS, REPORT_READERS, ROSTER_EDITORS, SETUP_EDITORS,
    SUPERVISOR,
};
use crate::base::when::DeskClock;
use crate::desk::complaints::{self, *};
use crate::desk::intake::{self, settings::IntakeSettings, *};
use crate::desk::keys::{self, *};
use crate::desk::lookup::{self, Lookup, LookupInput};
use crate::desk::night_log::{self, NightLogDecision};
use crate::desk::open_items::{self, OpenItems};
use crate::desk::registers::entry_passes::{self, EntryPass, EntryPassInput};
use crate::desk::registers::goods_passes::{self, GoodsPass, GoodsPassInput};
use crate::desk::registers::hot_work::{self, HotWorkInput, HotWorkPermit};
use crate::desk::registers::{RegisterCloseInput, RegisterQuery};
use crate::desk::search::{self, SearchPage, SearchQuery};
use crate::desk::slips::{self, *};
use crate::desk::urging::{self, UrgeInput, Urged};
use crate::duty::checks::{self, DutyCheck, DutyCheckInput, DutyCheckQuery};
use crate::duty::handover::arrivals::CoArrivalInput;
use crate::duty::handover::{self, *};
use crate::duty::on_duty::{self, Cover, CoverEndInput, CoverInput, OnDuty};
use crate::duty::requests::{self, *};
use crate::duty::roster::notices::{NoticesSeenInput, RosterNotice};
use crate::duty::roster::special_days::SpecialDayInput;
use crate::duty::roster::{
    self, check::Validation, CellsInput, Published, RosterView, RotationInput,
};
use crate::duty::settings::{self as duty_settings, DutySettings};
use crate::duty::shifts::{self, Shift, ShiftInput};
use crate::duty::waiting::{self, Waiting};
use crate::paper::print::deliver::{self, SendInput};
use crate::paper::print::job::{self, PrintInput, PrintedForm};
use crate::paper::reports::{self, ExportedReport, Report, ReportInput};
use crate::setup::accounts::{self, NewLogin, PasswordChange};
use crate::setup::audit_log::{self, AuditEntry, AuditQuery};
use crate::setup::categories::{self, Category, CategoryInput};
use crate::setup::departments::{self, Department, DepartmentInput};
use crate::setup::directory::{self, RoomDetail, RoomList, RoomQuery};
use crate::setup::first_run::{self, FirstRun, SetupStatus};
use crate::setup::import::{self, ImportFile, ImportReport};
use crate::setup::office::{self, Office};
use crate::setup::residents::{self, Resident, ResidentInput};
use crate::setup::rooms::{self, Building, BuildingInput, Room, RoomInput};
use crate::setup::staff::{self, Staff, StaffInput};
use crate::store::backup::{
    self, desk::BackupFileInput, BackupList, BackupSettings, BackupStatus, RestorePlan, Restored,
    Taken, Verified,
};
use crate::store::seal_check::{self, ChainReport};
use crate::store::{CheckReport, Store};

super::operations! {
    // ---- 首次设置、数据库 ----
    setup_status: "setup" "status", Public, NoInput => SetupStatus, |s, _, _| first_run::status(s);
        "是否已完成首次设置", "";
    clock_now: "clock" "now", Public, NoInput => DeskClock, |_, c, _| Ok(DeskClock::at(c.now));
        "办公室的当前时间（北京时间），窗口的“今天”“本月”以此为准", "";
    setup_init: "init" "", Public, FirstRun => Actor, |s, c, i| first_run::init(s, c.now, i);
        "首次设置：创建办公室与第一位客服主管",
        "--company-name --estate-name [--desk-phone] --supervisor-name [--supervisor-phone] --login [--doc-prefix KF]（密码取自环境变量 FRONTDESK_NEW_PASSWORD，或按提示输入） [--doc-version A/0] [--idle-lock-minutes 10]";
    db_check: "check" "", Public, NoInput => CheckReport, |s, c, _| s.check(c);
        "检查数据库完整性与外键，显示数据库版本（有问题时退出码为 1）", "";
    data_verify: "verify" "", Public, NoInput => ChainReport, |s, _, _| seal_check::check(s);
        "验证数据：重算封存链，找出被绕过本程序改动或删除的记录（有问题时退出码为 1）", "";

    // ---- 数据安全：备份与恢复 ----
    backup_status: "backup" "status", Roles(ANYONE), NoInput => BackupStatus, |s, c, _| backup::desk::status_now(s, c);
        "最近一次备份的情况（状态栏）", "";
    backup_list: "backup" "list", Roles(ANYONE), NoInput => BackupList, |s, c, _| backup::desk::list_now(s, c);
        "列出全部备份：时间、大小、记录数、是否校验通过", "";
    backup_now: "backup" "now", Roles(ANYONE), NoInput => Taken, |s, c, _| backup::desk::take_now(s, c);
        "立即备份", "";
    backup_verify: "backup" "verify", Roles(ANYONE), BackupFileInput => Verified, |s, c, i| backup::desk::verify_one(s, c, i);
        "重新校验一份备份（不给 --file 时校验最新一份）", "[--file 备份文件]";
    backup_plan: "backup" "plan", Roles(LEADERS), BackupFileInput => RestorePlan, |s, c, i| backup::desk::plan_one(s, c, i);
        "恢复前查看：该备份之后的记录会丢失多少", "--file 备份文件";
    backup_restore: "backup" "restore", Roles(LEADERS), BackupFileInput => Restored, |s, c, i| backup::desk::restore_here(s, c, i);
        "从备份恢复（当前数据库文件改名保留；先显示会丢失什么，加 --yes 才执行）", "[--file 备份文件] [--yes]";
    backup_settings: "backup" "settings", Roles(ANYONE), NoInput => BackupSettings, |s, _, _| backup::settings(s);
        "查看备份设置", "";
    backup_settings_update: "backup" "set", Roles(LEADERS), BackupSettings => BackupSettings, |s, c, i| backup::update_settings(s, c, i);
        "修改备份设置：第二备份位置、保留份数、自动备份间隔", "--input JSON";
    account_password: "account" "password", Roles(ANYONE), PasswordChange => (), |s, c, i| accounts::change_own_password(s, c, i);
        "修改自己的密码", "（旧密码即 FRONTDESK_PASSWORD，新密码取自 FRONTDESK_NEW_PASSWORD 或按提示输入）";

    // ---- 设置：办公室、部门、员工、账号 ----
    office_get: "office" "show", Roles(ANYONE), NoInput => Office, |s, _, _| office::get(s);
        "查看办公室资料", "";
    office_update: "office" "update", Roles(SETUP_EDITORS), Office => Office, |s, c, i| office::update(s, c, i);
        "修改办公室资料", "--company-name --estate-name --desk-phone --doc-prefix --doc-version --idle-lock-minutes";
    department_list: "department" "list", Roles(ANYONE), NoInput => Vec<Department>, |s, _, _| departments::list(s);
        "部门列表", "";
    department_add: "department" "add", Roles(SETUP_EDITORS), DepartmentInput => Department, |s, c, i| departments::add(s, c, i);
        "新增部门", "--name [--active true]";
    department_update: "department" "update", Roles(SETUP_EDITORS), Update<DepartmentInput> => Department,
        |s, c, u| departments::update(s, c, u.id, u.input), text = super::text::update;
        "修改部门", "--id --name [--active]";
    staff_list: "staff" "list", Roles(ANYONE), StaffListInput => Vec<Staff>, |s, c, i| staff::list(s, c, i.all);
        "员工列表", "[--all true 含已停用]";
    staff_add: "staff" "add", Roles(SETUP_EDITORS), StaffInput => Staff, |s, c, i| staff::add(s, c, i);
        "新增员工", "--name --role receptionist|supervisor|technician|security|manager --department [--phone] [--active]";
    staff_update: "staff" "update", Roles(SETUP_EDITORS), Update<StaffInput> => Staff,
        |s, c, u| staff::update(s, c, u.id, u.input), text = super::text::update;
        "修改员工", "--id --name --role --department [--phone] [--active]";
    account_set_login: "account" "set-login", Roles(ACCOUNT_ADMINS), NewLogin => Staff, |s, c, i| accounts::set_login(s, c, i);
        "为员工设置登录名和密码", "--staff-id --login（密码取自 FRONTDESK_NEW_PASSWORD 或按提示输入）";
    account_unlock: "account" "unlock", Roles(LEADERS), StaffIdInput => Staff, |s, c, i| accounts::unlock(s, c, i.staff_id);
        "解锁因密码错误被锁定的账号", "--staff-id";
    audit_list: "audit" "list", Roles(ACCOUNT_ADMINS), AuditQuery => Vec<AuditEntry>,
        |s, c, i| audit_log::list(s, c, i);
        "操作日志（最新在前），可按操作人、记录类型、日期筛选", "[--actor-id 员工编号] [--entity dispatch_slips|complaints|handovers|staff…] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--offset 0] [--limit 100]";

    // ---- 设置：楼栋、房间、住户、服务类别 ----
    building_list: "building" "list", Roles(ANYONE), NoInput => Vec<Building>, |s, _, _| rooms::list_buildings(s);
        "楼栋列表", "";
    building_add: "building" "add", Roles(SETUP_EDITORS), BuildingInput => Building, |s, c, i| rooms::add_building(s, c, i);
        "新增楼栋", "--name [--note]";
    building_update: "building" "update", Roles(SETUP_EDITORS), Update<BuildingInput> => Building,
        |s, c, u| rooms::update_building(s, c, u.id, u.input), text = super::text::update;
        "修改楼栋", "--id --name [--note]";
    room_list: "room" "list", Roles(ANYONE), RoomQuery => RoomList, |s, c, i| directory::list_rooms(s, c, i);
        "房间列表（可按楼栋、房号、姓名、电话或尾号筛选）", "[--building] [--text] [--limit]";
    room_detail: "room" "show", Roles(ANYONE), RoomRef => RoomDetail, |s, c, i| directory::room_detail(s, c, &i.room);
        "查看房间及住户", "--room 3-2-1201";
    room_add: "room" "add", Roles(SETUP_EDITORS), RoomInput => Room, |s, c, i| rooms::add_room(s, c, i);
        "新增房间", "--building --unit --number [--area-m2] [--note]";
    room_update: "room" "update", Roles(SETUP_EDITORS), Update<RoomInput> => Room,
        |s, c, u| rooms::update_room(s, c, u.id, u.input), text = super::text::update;
        "修改房间", "--id --building --unit --number [--area-m2] [--note]";
    resident_add: "resident" "add", Roles(SETUP_EDITORS), ResidentInput => Resident, |s, c, i| residents::add(s, c, i);
        "登记住户", "--room --kind owner|tenant --name [--phones a,b] [--note]";
    resident_update: "resident" "update", Roles(SETUP_EDITORS), Update<ResidentInput> => Resident,
        |s, c, u| residents::update(s, c, u.id, u.input), text = super::text::update;
        "修改住户", "--id --room --kind --name [--phones] [--note] [--active]";
    category_list: "category" "list", Roles(ANYONE), NoInput => Vec<Category>, |s, _, _| categories::list(s);
        "服务类别及处理时限", "";
    category_add: "category" "add", Roles(SETUP_EDITORS), CategoryInput => Category, |s, c, i| categories::add(s, c, i);
        "新增服务类别", "--name --department --time-limit-hours [--is-repair] [--sort]";
    category_update: "category" "update", Roles(SETUP_EDITORS), Update<CategoryInput> => Category,
        |s, c, u| categories::update(s, c, u.id, u.input), text = super::text::update;
        "修改服务类别", "--id --name --department --time-limit-hours [--is-repair] [--active] [--sort]";

    // ---- 导入 ----
    import_preview: "import" "preview", Roles(SETUP_EDITORS), ImportFile => ImportReport, |s, c, i| import::preview(s, c, i);
        "预览导入：逐行检查文件，报告将新增什么、哪些行有问题（不写入）", "--kind rooms|staff --file PATH";
    import_run: "import" "run", Roles(SETUP_EDITORS), ImportRunInput => ImportReport,
        |s, c, i| import::run(s, c, ImportFile { kind: i.kind, file_name: i.file_name, bytes: i.bytes }, i.only_valid);
        "导入住户与房间或员工；有问题的行存在时不写入（退出码 1），除非 --only-valid true",
        "--kind rooms|staff --file PATH [--only-valid true]";
    import_template: "import" "template", Public, ImportKindInput => String,
        |_, _, i| import::save_template(&import::default_template_dir(), i.kind).map(|p| p.display().to_string());
        "生成导入模板（.xlsx），返回保存的位置（命令行用 --out 另存）", "--kind rooms|staff [--out PATH]";

    // ---- 来电来访 ----
    intake_register: "intake" "register", Roles(ANYONE), IntakeInput => Registered, |s, c, i| intake::register(s, c, i);
        "登记来电来访（留空受理时间为现在；补录请填受理时间）",
        "--channel call|visit|written|staff_found|wechat|email --kind repair|complaint|inquiry|suggestion|help|errand|other --content [--room] [--location] [--caller-name] [--caller-phone] [--category] [--received-at] [--callback-phone] [--major-incident true] [--outcome]";
    intake_lookup: "intake" "lookup", Roles(ANYONE), LookupInput => Lookup, |s, c, i| lookup::lookup(s, c, i);
        "按房号、电话或尾号查住户及房间历史（含重复报修提醒）", "--text [--category]";
    intake_list: "intake" "list", Roles(ANYONE), IntakeQuery => Vec<IntakeEntry>, |s, c, i| intake::list(s, c, i);
        "来电来访列表（今天/本班/时间段，可按类型、来源、受理人、状态筛选）",
        "[--period today|shift|range] [--from YYYY-MM-DD] [--to] [--kind] [--channel] [--received-by 员工编号] [--state open|finished|night_log|callback_pending|major] [--limit]";
    intake_detail: "intake" "show", Roles(ANYONE), IdInput => IntakePage, |s, c, i| intake::detail(s, c, i.id);
        "查看一条登记及其跟进记录", "--id";
    intake_finish: "intake" "finish", Roles(DESK), NoteInput => IntakeEntry, |s, c, i| intake::finish(s, c, i);
        "填写处理结果并办结登记", "--intake-id --note";
    key_list: "key" "list", Roles(ANYONE), KeyQuery => Vec<ResidentKey>, |s, c, i| keys::list(s, c, i);
        "客户钥匙登记：借出未还的在前，其次在柜的，业主已取回的在后", "[--state kept|lent|withdrawn]";
    key_deposit: "key" "deposit", Roles(ANYONE), KeyDepositInput => ResidentKey, |s, c, i| keys::deposit(s, c, i);
        "业主寄存钥匙", "--room --label --owner-name [--owner-phone] [--note]";
    key_lend: "key" "lend", Roles(ANYONE), KeyLendInput => ResidentKey, |s, c, i| keys::lend(s, c, i);
        "借出钥匙（借出未还的钥匙会移交到每一次交接班）", "--key-id --lent-to [--lent-phone] [--purpose]";
    key_return: "key" "return", Roles(ANYONE), KeyBackInput => ResidentKey, |s, c, i| keys::give_back(s, c, i);
        "登记借出的钥匙已归还", "--key-id [--note]";
    key_withdraw: "key" "withdraw", Roles(ANYONE), KeyBackInput => ResidentKey, |s, c, i| keys::withdraw(s, c, i);
        "业主取回寄存的钥匙", "--key-id [--note]";
    duty_check_list: "check" "list", Roles(LEADERS), DutyCheckQuery => Vec<DutyCheck>, |s, c, i| checks::list(s, c, i);
        "查岗记录：主任巡查、夜间查岗和值班纪律（按月）", "--month YYYY-MM";
    duty_check_record: "check" "add", Roles(LEADERS), DutyCheckInput => DutyCheck, |s, c, i| checks::record(s, c, i);
        "登记主任巡查、夜间查岗或值班纪律（脱岗、早退）", "--kind visit|night_check|discipline --finding ok|absent|early_leave|other [--person-id] [--post] [--checked-at] [--note]";
    goods_list: "goods" "list", Roles(ANYONE), RegisterQuery => Vec<GoodsPass>, |s, c, i| goods_passes::list(s, c, i);
        "物品出入放行单：待放行的在前", "[--open-only true]";
    goods_show: "goods" "show", Roles(ANYONE), IdInput => GoodsPass, |s, c, i| goods_passes::show(s, c, i.id);
        "查看一张物品放行单", "--id";
    goods_issue: "goods" "new", Roles(ANYONE), GoodsPassInput => GoodsPass, |s, c, i| goods_passes::issue(s, c, i);
        "开具物品出入放行单（放行前每次交接班都会移交）", "--room --resident-name --carrier-name --items [--resident-phone] [--carrier-phone] [--note]";
    goods_release: "goods" "release", Roles(ANYONE), RegisterCloseInput => GoodsPass, |s, c, i| goods_passes::release(s, c, i);
        "门岗核对物品后登记放行（或作废放行单）", "--id [--void true --note 原因]";
    hot_work_list: "hotwork" "list", Roles(ANYONE), RegisterQuery => Vec<HotWorkPermit>, |s, c, i| hot_work::list(s, c, i);
        "动用明火审批表：未结束的在前", "[--open-only true]";
    hot_work_show: "hotwork" "show", Roles(ANYONE), IdInput => HotWorkPermit, |s, c, i| hot_work::show(s, c, i.id);
        "查看一张动火审批", "--id";
    hot_work_issue: "hotwork" "new", Roles(ANYONE), HotWorkInput => HotWorkPermit, |s, c, i| hot_work::issue(s, c, i);
        "登记主管或经理批准的动用明火审批（结束前每次交接班都会移交）", "--place --applicant --work --starts-at --ends-at --fire-measures --guardian [--approver-id] [--room] [--applicant-phone]";
    hot_work_finish: "hotwork" "finish", Roles(ANYONE), RegisterCloseInput => HotWorkPermit, |s, c, i| hot_work::finish(s, c, i);
        "动火结束、现场检查无火种后关闭审批（或作废）", "--id [--note] [--void true]";
    pass_list: "pass" "list", Roles(ANYONE), RegisterQuery => Vec<EntryPass>, |s, c, i| entry_passes::list(s, c, i);
        "出入证登记：未收回的在前", "[--open-only true]";
    pass_show: "pass" "show", Roles(ANYONE), IdInput => EntryPass, |s, c, i| entry_passes::show(s, c, i.id);
        "查看一张出入证", "--id";
    pass_issue: "pass" "new", Roles(ANYONE), EntryPassInput => EntryPass, |s, c, i| entry_passes::issue(s, c, i);
        "办理临时出入证（证件号码只保存隐去中间的部分）", "--holder-name --id-kind --id-number --purpose --valid-to [--valid-from] [--company] [--room] [--holder-phone]";
    pass_return: "pass" "return", Roles(ANYONE), RegisterCloseInput => EntryPass, |s, c, i| entry_passes::take_back(s, c, i);
        "收回出入证（或作废）", "--id [--note] [--void true]";
    intake_callback_done: "intake" "callback-done", Roles(DESK), NoteInput => IntakeEntry, |s, c, i| intake::callback_done(s, c, i);
        "登记已回电", "--intake-id --note";
    intake_take_up_major: "intake" "take-up-major", Roles(LEADERS), NoteInput => IntakeEntry, |s, c, i| intake::take_up_major(s, c, i);
        "主管/经理接手突发事件", "--intake-id --note";
    intake_follow_up: "intake" "follow-up", Roles(ANYONE), NoteInput => IntakePage, |s, c, i| intake::add_followup(s, c, i);
        "添加跟进记录", "--intake-id --note";
    intake_convert_night_log: "intake" "convert-night", Roles(DESK), Vec<NightLogDecision> => Vec<IntakeEntry>,
        |s, c, i| night_log::convert_night_log(s, c, i);
        "批量转换夜间值班记录（转派工单/转投诉/已处理）",
        "--input '[{\"intake_id\":1,\"action\":\"slip\"},{\"intake_id\":2,\"action\":\"settled\",\"outcome\":\"已答复\"}]'";
    intake_open_items: "intake" "open-items", Roles(ANYONE), NoInput => OpenItems, |s, c, _| open_items::show(s, c);
        "未完成事项（未完工派工单、待回访、超时、待答复投诉、待回电、未转换夜间记录）", "";
    intake_settings_get: "intake" "settings", Roles(ANYONE), NoInput => IntakeSettings, |s, c, _| intake::settings::get(s, c);
        "查看受理设置（重复报修天数、夜间时段、即将超时提醒、投诉答复时限）", "";
    intake_settings_update: "intake" "settings-update", Roles(SETUP_EDITORS), IntakeSettings => IntakeSettings,
        |s, c, i| intake::settings::update(s, c, i);
        "修改受理设置", "--repeat-repair-days 30 --night-start 17:30 --night-end 09:00 --due-soon-minutes 120 --complaint-reply-hours 24";
    search: "search" "", Roles(ANYONE), SearchQuery => SearchPage, |s, c, i| search::search(s, c, i);
        "统一搜索来电来访、派工单、投诉（房号、姓名、电话或尾号、单号、内容中的词），最新的在前",
        "--text 漏水 [--limit 20] [--offset 0]";

    // ---- 维修派工单 ----
    slip_open: "slip" "open", Roles(DESK), OpenSlipInput => Slip, |s, c, i| slips::open(s, c, i);
        "由登记开派工单", "--intake-id [--category] [--content] [--appointment-at]";
    slip_detail: "slip" "show", Roles(ANYONE), SlipRef => SlipPage,
        |s, c, i| match i.serial.filter(|x| !x.trim().is_empty()) {
            Some(serial) => slips::detail_by_serial(s, c, &serial),
            None => slips::detail(s, c, i.id.ok_or_else(|| crate::Error::invalid("id", "请给出派工单编号 --id 或单号 --serial"))?),
        };
        "查看派工单及其过程记录", "--id 或 --serial PG-202611-0001";
    slip_board: "slip" "board", Roles(ANYONE), BoardInput => Vec<Slip>, |s, c, i| slips::board(s, c, i.board);
        "派工单看板", "--board mine|my_department|all_open|overdue|awaiting_visit|awaiting_close|done_today|supervisor_review";
    slip_assignable: "slip" "assignable", Roles(DESK), SlipIdInput => Vec<Staff>, |s, c, i| slips::assignable(s, c, i.slip_id);
        "可派工的人员（本单处理部门）", "--slip-id";
    slip_dispatch: "slip" "dispatch", Roles(DESK), AssignInput => Slip, |s, c, i| slips::dispatch(s, c, i);
        "派工", "--slip-id --assignee-id [--appointment-at] [--at]";
    slip_transfer: "slip" "transfer", Roles(DESK), AssignInput => Slip, |s, c, i| slips::transfer(s, c, i);
        "转派（需原因）", "--slip-id --assignee-id --reason [--at]";
    slip_accept: "slip" "accept", Roles(ANYONE), StepInput => Slip, |s, c, i| slips::accept(s, c, i);
        "接单（本单处理人本人，或主管代录）", "--slip-id [--at]";
    slip_return: "slip" "return", Roles(ANYONE), StepInput => Slip, |s, c, i| slips::return_slip(s, c, i);
        "退单（需原因）", "--slip-id --reason [--at]";
    slip_arrive: "slip" "arrive", Roles(ANYONE), StepInput => Slip, |s, c, i| slips::arrive(s, c, i);
        "到场", "--slip-id [--at]";
    slip_complete: "slip" "complete", Roles(ANYONE), CompleteInput => Slip, |s, c, i| slips::complete(s, c, i);
        "完工（完成情况、材料、有偿/无偿及金额、住户验收与满意度）",
        "--slip-id --work-done --fee-kind free|paid [--fee 35.50] [--materials] --resident-accepted true|false --resident-satisfaction satisfied|basic|unsatisfied [--at]";
    slip_visit: "slip" "visit", Roles(DESK), SlipVisitInput => Slip, |s, c, i| slips::visit_slip(s, c, i);
        "回访（未接通记为一次尝试）",
        "--slip-id --method phone|visit|written --answered true|false [--result] [--satisfaction satisfied|basic|unsatisfied] [--follow-up reopened|to_supervisor] [--at]";
    slip_pause: "slip" "pause", Roles(ANYONE), StepInput => Slip, |s, c, i| slips::pause(s, c, i);
        "暂停（需原因，暂停时间不计入时限）", "--slip-id --reason [--at]";
    slip_resume: "slip" "resume", Roles(ANYONE), StepInput => Slip, |s, c, i| slips::resume(s, c, i);
        "恢复", "--slip-id [--at]";
    slip_cancel: "slip" "cancel", Roles(SUPERVISOR), StepInput => Slip, |s, c, i| slips::cancel(s, c, i);
        "作废（主管，需原因）", "--slip-id --reason";
    slip_close: "slip" "close", Roles(SUPERVISOR), StepInput => Slip, |s, c, i| slips::close(s, c, i);
        "关闭（主管）", "--slip-id";
    slip_reopen: "slip" "reopen", Roles(SUPERVISOR), StepInput => Slip, |s, c, i| slips::reopen(s, c, i);
        "重新派工（主管，需原因）", "--slip-id --reason";

    // ---- 投诉 ----
    complaint_open: "complaint" "open", Roles(DESK), OpenComplaintInput => Complaint, |s, c, i| complaints::open(s, c, i);
        "由登记建立投诉记录（紧急/重大投诉立即上报经理）",
        "--intake-id --category service_attitude|repair_quality|sanitation|order_security|fees|neighbour|other --urgency normal|urgent|major [--department] [--content]";
    complaint_list: "complaint" "list", Roles(ANYONE), ComplaintQuery => Vec<Complaint>,
        |s, c, i| complaints::list(s, c, i.filter.unwrap_or(ComplaintFilter::Unfinished));
        "投诉列表", "[--filter unfinished|awaiting_reply|escalated|all]";
    complaint_detail: "complaint" "show", Roles(ANYONE), IdInput => ComplaintPage, |s, c, i| complaints::detail(s, c, i.id);
        "查看投诉及处理过程、回访", "--id";
    complaint_alerts: "complaint" "alerts", Roles(ANYONE), NoInput => Alerts, |s, c, _| complaints::alerts(s, c);
        "经理/主管待接手的紧急投诉与突发事件", "";
    complaint_take_up: "complaint" "take-up", Roles(LEADERS), ComplaintNoteInput => ComplaintPage, |s, c, i| complaints::take_up(s, c, i);
        "接手紧急/重大投诉（经理、主管）", "--complaint-id [--note]";
    complaint_step: "complaint" "step", Roles(DESK), ComplaintNoteInput => ComplaintPage, |s, c, i| complaints::add_step(s, c, i);
        "记录处理过程", "--complaint-id --note";
    complaint_validity: "complaint" "validity", Roles(SUPERVISOR), ValidityInput => ComplaintPage, |s, c, i| complaints::set_validity(s, c, i);
        "认定有效/无效（主管）", "--complaint-id --validity valid|invalid";
    complaint_reply: "complaint" "reply", Roles(DESK), ReplyInput => ComplaintPage, |s, c, i| complaints::reply(s, c, i);
        "答复投诉人", "--complaint-id --reply [--at]";
    complaint_visit: "complaint" "visit", Roles(DESK), ComplaintVisitInput => ComplaintPage, |s, c, i| complaints::visit(s, c, i);
        "投诉回访",
        "--complaint-id --method phone|visit|written --answered true|false [--result] [--satisfaction satisfied|basic|unsatisfied] [--follow-up reopened|to_supervisor（不满意时必填）] [--at]";
    complaint_sign_off: "complaint" "sign-off", Roles(SUPERVISOR), ComplaintNoteInput => ComplaintPage, |s, c, i| complaints::sign_off(s, c, i);
        "主管签字办结", "--complaint-id [--note]";

    // ---- 班次、值班表、调班/请假、值班 ----
    shift_list: "shift" "list", Roles(ANYONE), NoInput => Vec<Shift>, |s, c, _| shifts::list(s, c);
        "班次模板列表", "";
    shift_add: "shift" "add", Roles(SETUP_EDITORS), ShiftInput => Shift, |s, c, i| shifts::add(s, c, i);
        "新增班次",
        "--name --code --start-time 08:30 --end-time 17:30 [--required-roles technician] --min-people --max-people --place desk|on_call --covers-desk true [--color #67c23a] [--sort]";
    shift_update: "shift" "update", Roles(SETUP_EDITORS), Update<ShiftInput> => Shift,
        |s, c, u| shifts::update(s, c, u.id, u.input), text = super::text::update;
        "修改班次", "--id 以及 shift add 的全部参数";
    duty_settings_get: "shift" "settings", Roles(ANYONE), NoInput => DutySettings, |s, c, _| duty_settings::get(s, c);
        "查看值班设置（最少休息、提前到岗、提前发布）", "";
    duty_settings_update: "shift" "set-settings", Roles(SETUP_EDITORS), DutySettings => DutySettings, |s, c, i| duty_settings::update(s, c, i);
        "修改值班设置", "--min-rest-minutes 480 --arrival-lead-minutes 15 --publish-lead-days 7";
    roster_months: "roster" "months", Roles(ANYONE), NoInput => Vec<String>, |s, c, _| roster::months(s, c);
        "已有值班表的月份", "";
    roster_get: "roster" "show", Roles(ANYONE), MonthInput => RosterView, |s, c, i| roster::get(s, c, &i.month);
        "查看某月值班表（含检查结果）", "--month 2026-12";
    roster_create: "roster" "create", Roles(ROSTER_EDITORS), MonthInput => RosterView, |s, c, i| roster::create(s, c, &i.month);
        "新建某月值班表草稿", "--month 2026-12";
    roster_set_cells: "roster" "set-cells", Roles(ROSTER_EDITORS), CellsInput => RosterView, |s, c, i| roster::set_cells(s, c, i);
        "设置值班表格子（一次多个；命令行的 roster set 设一个）",
        "--input '{\"month\":\"2026-12\",\"cells\":[{\"staff_id\":3,\"date\":\"2026-12-05\",\"code\":\"白\"}]}'";
    roster_fill_rotation: "roster" "rotate", Roles(ROSTER_EDITORS), RotationInput => RosterView, |s, c, i| roster::fill_rotation(s, c, i);
        "按轮班顺序填充", "--month 2026-12 --staff-ids 3,4,5 --pattern 白，白，休";
    roster_validate: "roster" "check", Roles(ANYONE), MonthInput => Validation, |s, c, i| roster::validate(s, c, &i.month);
        "检查覆盖空档、岗位、重叠与休息", "--month 2026-12";
    roster_publish: "roster" "publish", Roles(ROSTER_EDITORS), MonthInput => Published, |s, c, i| roster::publish(s, c, &i.month);
        "发布值班表（有空档时拒绝）", "--month 2026-12";
    roster_special_day: "roster" "special", Roles(ROSTER_EDITORS), SpecialDayInput => RosterView, |s, c, i| roster::special_days::set(s, c, i);
        "标记特殊日（节假日、台风预警、重大施工等，须有主管或经理值班）；事由留空即取消", "--date 2026-12-31 [--reason 元旦前夜]";
    roster_notices: "roster" "notices", Roles(ANYONE), NoInput => Vec<RosterNotice>, |s, c, _| roster::notices::mine(s, c);
        "本人未读的值班安排变动通知（已发布的值班表经批准调整后发给受影响的人）", "";
    roster_notices_seen: "roster" "notices-seen", Roles(ANYONE), NoticesSeenInput => Vec<RosterNotice>, |s, c, i| roster::notices::seen(s, c, i);
        "标记本人的变动通知为已读", "--ids 3,4";
    request_list: "request" "list", Roles(ANYONE), RequestQuery => Vec<DutyRequest>, |s, c, i| requests::list(s, c, i);
        "调班/请假申请（最新在前）", "[--pending-only true] [--limit 200]";
    request_file: "request" "file", Roles(ANYONE), RequestInput => DutyRequest, |s, c, i| requests::file(s, c, i);
        "提交调班/请假申请", "--kind swap|leave --staff-id --from-day [--to-day] [--other-staff-id] [--other-day] --reason";
    request_approve: "request" "approve", Roles(ROSTER_EDITORS), DecisionInput => DutyRequest, |s, c, i| requests::approve(s, c, i);
        "批准申请（请假由审批人指定顶班）", "--id [--substitute-id] [--note]";
    request_reject: "request" "reject", Roles(ANYONE), DecisionInput => DutyRequest, |s, c, i| requests::reject(s, c, i);
        "驳回申请（本人提交则为撤回）", "--id [--note]";
    urge: "urge" "", Roles(ANYONE), UrgeInput => Urged, |s, c, i| urging::urge(s, c, i);
        "催办：住户再次来电催促未办结的派工单或投诉，一步登记在该单上（单上、时间线、看板显示次数，报表计入）", "--slip-id 12 | --complaint-id 3 [--note]";
    waiting: "waiting" "", Roles(DESK), NoInput => Waiting, |s, c, _| waiting::waiting(s, c);
        "今日待办：超时、待回访、待回电、夜间记录、未交接、待答复投诉、待批申请各有几件（状态栏与“今日”页）", "";
    duty_now: "duty" "now", Roles(ANYONE), AtInput => OnDuty, |s, c, i| on_duty::on_duty(s, c, i.at);
        "此刻（或 --at 时刻）谁在值班", "[--at \"2026-11-23 23:00\"]";
    duty_cover_start: "duty" "cover", Roles(ANYONE), CoverInput => Cover, |s, c, i| on_duty::cover_start(s, c, i);
        "登记代值（秩序维护员代前台值守）或离岗替值（值班人经主管或经理批准离岗，任何岗位的人替值）", "[--kind desk|leave] --cover-staff-id [--for-staff-id] [--approved-by] [--start-at] [--end-at] --reason";
    duty_cover_end: "duty" "cover-end", Roles(ANYONE), CoverEndInput => Cover, |s, c, i| on_duty::cover_end(s, c, i);
        "结束代值或离岗替值（离岗人回岗）", "--id [--end-at]";
    duty_covers: "duty" "covers", Roles(ANYONE), DaysInput => Vec<Cover>, |s, c, i| on_duty::covers(s, c, i.days.unwrap_or(30));
        "近期代值与离岗替值记录", "[--days 30]";

    // ---- 交接班 ----
    handover_items: "handover" "items", Roles(ANYONE), NoInput => Vec<DeskItem>, |s, c, _| handover::item_list(s, c);
        "交接物品清单", "";
    handover_item_add: "handover" "item-add", Roles(SETUP_EDITORS), DeskItemInput => DeskItem, |s, c, i| handover::item_add(s, c, i);
        "新增交接物品", "--name --expected-qty [--sort]";
    handover_item_update: "handover" "item-update", Roles(SETUP_EDITORS), Update<DeskItemInput> => DeskItem,
        |s, c, u| handover::item_update(s, c, u.id, u.input), text = super::text::update;
        "修改交接物品", "--id --name --expected-qty [--active] [--sort]";
    handover_plan: "handover" "plan", Roles(ANYONE), AtInput => HandoverPlan, |s, c, i| handover::plan_for(s, c, i.at);
        "最近一次交接班时间及值班表上的交接双方", "[--at]";
    handover_list: "handover" "list", Roles(ANYONE), DaysInput => Vec<HandoverSummary>, |s, c, i| handover::list(s, c, i.days.unwrap_or(7));
        "近期交接班记录", "[--days 7]";
    handover_missing: "handover" "missing", Roles(ANYONE), MissingInput => Vec<MissingHandover>, |s, c, i| handover::missing::missing(s, c, i);
        "未交接：班次交接后超过设定时间仍未双方签字的交接（默认看最近 7 天）", "[--days 7]";
    handover_get: "handover" "show", Roles(ANYONE), IdInput => Handover, |s, c, i| handover::get(s, c, i.id);
        "查看交接班记录", "--id";
    handover_start: "handover" "start", Roles(ANYONE), HandoverStart => Handover, |s, c, i| handover::start(s, c, i);
        "开始交接班（按值班表预填双方）", "--kind desk|security [--change-at] [--outgoing-id] [--incoming-id]";
    handover_notes: "handover" "notes", Roles(ANYONE), NotesInput => Handover, |s, c, i| handover::set_notes(s, c, i);
        "填写交班说明", "--id --work-notes";
    handover_check: "handover" "check", Roles(ANYONE), CheckInput => Handover, |s, c, i| handover::set_check(s, c, i);
        "清点物品", "--id --item-id --actual-qty --state ok|damaged|missing [--note] [--explanation]";
    handover_open_item: "handover" "open-item", Roles(ANYONE), OpenItemInput => Handover, |s, c, i| handover::add_open_item(s, c, i);
        "移交未完成事项", "--id --summary [--note]";
    handover_drop_item: "handover" "drop-item", Roles(ANYONE), RemoveInput => Handover, |s, c, i| handover::remove_open_item(s, c, i);
        "删除本班误填的未完成事项（带入的事项只能标为已办结）", "--id --row-id";
    handover_settle_item: "handover" "settle-item", Roles(ANYONE), SettleInput => Handover, |s, c, i| handover::settle_open_item(s, c, i);
        "未完成事项标为已办结（写明办理情况）", "--id --row-id --note";
    handover_anomaly: "handover" "anomaly", Roles(ANYONE), AnomalyInput => Handover, |s, c, i| handover::add_anomaly(s, c, i);
        "登记区域异常", "--id --area --description --explanation";
    handover_drop_anomaly: "handover" "drop-anomaly", Roles(ANYONE), RemoveInput => Handover, |s, c, i| handover::remove_anomaly(s, c, i);
        "删除区域异常", "--id --row-id";
    handover_arrive: "handover" "arrive", Roles(ANYONE), ArrivalInput => Handover, |s, c, i| handover::record_arrival(s, c, i);
        "登记接班人到岗时间", "--id [--arrived-at]";
    handover_co_arrival: "handover" "co-arrival", Roles(ANYONE), CoArrivalInput => Handover, |s, c, i| handover::arrivals::record(s, c, i);
        "登记同一时刻接班的其他值班人员的到岗时间（晚于交接时间减提前到岗分钟数即为迟到；签字后也可登记）", "--id --staff-id [--arrived-at]";
    handover_sign: "handover" "sign", Roles(ANYONE), SignInput => Handover, |s, c, i| handover::sign(s, c, i);
        "交接班签字（签字人输入自己的密码：环境变量 FRONTDESK_SIGN_PASSWORD，否则从标准输入读一行）",
        "--id --party outgoing|incoming [--read-log true（接班人须确认已阅值班日志）] [--follow-up 需跟进事项]";
    handover_addendum: "handover" "addendum", Roles(ANYONE), AddendumInput => Handover, |s, c, i| handover::add_addendum(s, c, i);
        "为已签字的记录追加补充说明", "--id --text";
    handover_read_security: "handover" "read-security", Roles(ANYONE), SecurityReadInput => Handover,
        |s, c, i| handover::read_security_record(s, c, i);
        "确认已阅秩序维护岗夜间记录", "--id [--note]";

    // ---- 表单与报表 ----
    print_form: "print" "form", Roles(ANYONE), PrintInput => PrintedForm, |s, c, i| job::print(s, c, i);
        "打印表单（命令行也可写 print <表单> …，如 print intake-log）",
        "--form intake_log|night_log|dispatch_slip|complaint|return_visits|roster|shift_request|handover|period_report [--from] [--to] [--serial] [--paper a4|a5] [--full-phones true（仅主管）] [--send printer|viewer] --out FILE.pdf";
    print_send: "print" "send", Roles(ANYONE), SendInput => (), |s, c, i| deliver::send(s, c, i);
        "把已归档的文件送打印机或系统查看器", "--archive-path --to printer|viewer";
    report_get: "report" "show", Roles(REPORT_READERS), ReportInput => Report, |s, c, i| reports::report(s, c, i);
        "月报、季报、年报的统计数字（命令行也可写 report month 2026-11）", "--kind month|quarter|year --period 2026-11|2026-Q4|2026";
    report_export: "report" "export", Roles(REPORT_READERS), ReportInput => ExportedReport, |s, c, i| reports::export(s, c, i);
        "导出报表 Excel 并归档（命令行：report month 2026-11 --out 月报.xlsx）", "--kind --period [--out FILE.xlsx]";
}
