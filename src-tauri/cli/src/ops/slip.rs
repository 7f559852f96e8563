//! 维修派工单: open from an entry, every step of the state machine, boards, return visits.

use frontdesk_core::desk::slips;

use super::{out, Op, Outcome};
use crate::{Failure, Session};

pub const OPS: &[Op] = &[
    Op { area: "slip", verb: "open", about: "由登记开派工单", args: "--intake-id [--category] [--content] [--appointment-at]",
         run: |s| { let i = s.cli.input()?; out(slips::open(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "show", about: "查看派工单及其过程记录", args: "--id 或 --serial PG-202611-0001", run: show },
    Op { area: "slip", verb: "board", about: "派工单看板",
         args: "--board mine|my_department|all_open|overdue|awaiting_visit|awaiting_close|done_today|supervisor_review", run: board },
    Op { area: "slip", verb: "assignable", about: "可派工的人员(本单处理部门)", args: "--slip-id",
         run: |s| { let id = s.cli.field("slip_id")?; out(slips::assignable(&mut s.store, &s.ctx, id)?) } },
    Op { area: "slip", verb: "dispatch", about: "派工", args: "--slip-id --assignee-id [--appointment-at] [--at]",
         run: |s| { let i = s.cli.input()?; out(slips::dispatch(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "transfer", about: "转派(需原因)", args: "--slip-id --assignee-id --reason [--at]",
         run: |s| { let i = s.cli.input()?; out(slips::transfer(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "accept", about: "接单(维修工本人)", args: "--slip-id [--at]",
         run: |s| { let i = s.cli.input()?; out(slips::accept(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "return", about: "退单(需原因)", args: "--slip-id --reason [--at]",
         run: |s| { let i = s.cli.input()?; out(slips::return_slip(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "arrive", about: "到场", args: "--slip-id [--at]",
         run: |s| { let i = s.cli.input()?; out(slips::arrive(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "complete", about: "完工(完成情况、材料、有偿/无偿及金额、住户验收)",
         args: "--slip-id --work-done --fee-kind free|paid [--fee 35.50] [--materials] [--resident-accepted true] [--resident-satisfaction satisfied|basic|unsatisfied] [--at]",
         run: |s| { let i = s.cli.input()?; out(slips::complete(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "visit", about: "回访(未接通记为一次尝试)",
         args: "--slip-id --method phone|visit|written --answered true|false [--result] [--satisfaction satisfied|basic|unsatisfied] [--follow-up reopened|to_supervisor] [--at]",
         run: |s| { let i = s.cli.input()?; out(slips::visit_slip(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "pause", about: "暂停(需原因,暂停时间不计入时限)", args: "--slip-id --reason [--at]",
         run: |s| { let i = s.cli.input()?; out(slips::pause(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "resume", about: "恢复", args: "--slip-id [--at]",
         run: |s| { let i = s.cli.input()?; out(slips::resume(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "cancel", about: "作废(主管,需原因)", args: "--slip-id --reason",
         run: |s| { let i = s.cli.input()?; out(slips::cancel(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "close", about: "关闭(主管)", args: "--slip-id",
         run: |s| { let i = s.cli.input()?; out(slips::close(&mut s.store, &s.ctx, i)?) } },
    Op { area: "slip", verb: "reopen", about: "重新派工(主管,需原因)", args: "--slip-id --reason",
         run: |s| { let i = s.cli.input()?; out(slips::reopen(&mut s.store, &s.ctx, i)?) } },
];

fn show(s: &mut Session) -> Outcome {
    if let Some(serial) = s.cli.fields.get("serial").cloned() {
        return out(slips::detail_by_serial(&mut s.store, &s.ctx, &serial)?);
    }
    let id = s.cli.field("id")?;
    out(slips::detail(&mut s.store, &s.ctx, id)?)
}

fn board(s: &mut Session) -> Outcome {
    let name: String = s.cli.field("board")?;
    let b = slips::Board::from_text(&name)
        .ok_or_else(|| Failure::Usage(format!("未知的看板“{name}”")))?;
    out(slips::board(&mut s.store, &s.ctx, b)?)
}
