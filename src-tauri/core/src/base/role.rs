//! The roles of REQUIREMENTS §1 and the groups of roles that operations are gated by.

use crate::base::error::{Error, Result};

crate::coded_enum!(
    /// Who someone is at the office (REQUIREMENTS §1); the groups below say what each may do.
    Role {
        Receptionist = ("receptionist", "前台接待员", ["前台", "接待员", "客服专员", "客服管理员", "客服"]),
        Supervisor = ("supervisor", "客服主管", ["主管"]),
        Technician = ("technician", "维修工", ["水电维修员", "维修员", "技术员"]),
        Security = ("security", "秩序维护员", ["安护人员", "保安", "秩序员"]),
        Manager = ("manager", "项目经理", ["物业经理", "经理"]),
    }
);

// ---- Role groups: every "who may" of the office, in one place. ----

/// Who may change the office's setup data (rooms, residents, staff, categories, profile).
pub const SETUP_EDITORS: &[Role] = &[Role::Supervisor, Role::Manager];
/// Who may manage accounts: create logins, reset passwords, unlock.
pub const ACCOUNT_ADMINS: &[Role] = &[Role::Supervisor, Role::Manager];
/// Everyone who logs in.
pub const ANYONE: &[Role] = Role::ALL;
/// The desk: registers, dispatches, answers complaints, makes return visits; files requests for others.
pub const DESK: &[Role] = &[Role::Receptionist, Role::Supervisor, Role::Manager];
/// Who records a worker's steps on a dispatch slip on their behalf (主管代录, R-DS-3). The
/// slip's assignee, of whatever department and role, takes their own steps (desk/slips/transitions.rs).
pub const ON_BEHALF_OF_WORKERS: &[Role] = &[Role::Supervisor];
/// The supervisor alone: closes and cancels slips, judges and signs off complaints.
pub const SUPERVISOR: &[Role] = &[Role::Supervisor];
/// Supervisors and managers: escalations, major incidents, reports, rosters and requests.
pub const LEADERS: &[Role] = &[Role::Supervisor, Role::Manager];
/// Who drafts and publishes rosters and decides swap and leave requests.
pub const ROSTER_EDITORS: &[Role] = LEADERS;
/// Who reads the period reports.
pub const REPORT_READERS: &[Role] = LEADERS;
/// Who may print residents' full phone numbers (R-ROLE-2; audited).
pub const FULL_PHONE_PRINTERS: &[Role] = LEADERS;

/// Accounts of these roles are looked after by a manager only (R-ROLE-2): a supervisor may not
/// reset, re-role, unlock or deactivate another supervisor or a manager.
const MANAGER_KEPT: &[Role] = &[Role::Supervisor, Role::Manager];

/// May `actor` (with `actor_role`) do `what` to the account of `target` (now `target_role`),
/// giving it `new_role`? Only a manager looks after supervisors' and managers' accounts, only a
/// manager makes a manager, and nobody raises their own role.
pub fn may_manage(
    actor_id: i64,
    actor_role: Role,
    target_id: i64,
    target_role: Role,
    new_role: Role,
    what: &str,
) -> Result<()> {
    let rank = |r: Role| match r {
        Role::Manager => 3,
        Role::Supervisor => 2,
        _ => 1,
    };
    if actor_id == target_id {
        if rank(new_role) > rank(target_role) {
            return Err(Error::forbidden("不能提高自己的角色"));
        }
        return Ok(());
    }
    if actor_role == Role::Manager {
        return Ok(());
    }
    if MANAGER_KEPT.contains(&target_role) {
        return Err(Error::forbidden(format!(
            "{}的账号只有项目经理可以{what}",
            target_role.label()
        )));
    }
    if new_role == Role::Manager {
        return Err(Error::forbidden("只有项目经理可以把员工设为项目经理"));
    }
    Ok(())
}
