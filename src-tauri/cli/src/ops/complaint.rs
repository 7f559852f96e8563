//! 投诉: open from an entry, escalation, handling steps, validity, reply, return visit, sign-off.

use frontdesk_core::desk::complaints;

use super::{out, Op, Outcome};
use crate::{Failure, Session};

pub const OPS: &[Op] = &[
    Op { area: "complaint", verb: "open", about: "由登记建立投诉记录(紧急/重大投诉立即上报经理)",
         args: "--intake-id --category service_attitude|repair_quality|sanitation|order_security|fees|neighbour|other --urgency normal|urgent|major [--department] [--content]",
         run: |s| { let i = s.cli.input()?; out(complaints::open(&mut s.store, &s.ctx, i)?) } },
    Op { area: "complaint", verb: "list", about: "投诉列表", args: "[--filter unfinished|awaiting_reply|escalated|all]", run: list },
    Op { area: "complaint", verb: "show", about: "查看投诉及处理过程、回访", args: "--id",
         run: |s| { let id = s.cli.field("id")?; out(complaints::detail(&mut s.store, &s.ctx, id)?) } },
    Op { area: "complaint", verb: "alerts", about: "经理/主管待接手的紧急投诉与突发事件", args: "",
         run: |s| out(complaints::alerts(&mut s.store, &s.ctx)?) },
    Op { area: "complaint", verb: "take-up", about: "接手紧急/重大投诉(经理、主管)", args: "--complaint-id [--note]",
         run: |s| { let i = s.cli.input()?; out(complaints::take_up(&mut s.store, &s.ctx, i)?) } },
    Op { area: "complaint", verb: "step", about: "记录处理过程", args: "--complaint-id --note",
         run: |s| { let i = s.cli.input()?; out(complaints::add_step(&mut s.store, &s.ctx, i)?) } },
    Op { area: "complaint", verb: "validity", about: "认定有效/无效(主管)", args: "--complaint-id --validity valid|invalid",
         run: |s| { let i = s.cli.input()?; out(complaints::set_validity(&mut s.store, &s.ctx, i)?) } },
    Op { area: "complaint", verb: "reply", about: "答复投诉人", args: "--complaint-id --reply [--at]",
         run: |s| { let i = s.cli.input()?; out(complaints::reply(&mut s.store, &s.ctx, i)?) } },
    Op { area: "complaint", verb: "visit", about: "投诉回访", args: "--complaint-id --method phone|visit|written --answered true|false [--result] [--satisfaction satisfied|basic|unsatisfied] [--follow-up reopened|to_supervisor(不满意时必填)] [--at]",
         run: |s| { let i = s.cli.input()?; out(complaints::visit(&mut s.store, &s.ctx, i)?) } },
    Op { area: "complaint", verb: "sign-off", about: "主管签字办结", args: "--complaint-id [--note]",
         run: |s| { let i = s.cli.input()?; out(complaints::sign_off(&mut s.store, &s.ctx, i)?) } },
];

fn list(s: &mut Session) -> Outcome {
    let name: String = s.cli.field_or("filter", "unfinished".to_string())?;
    let f = complaints::ComplaintFilter::from_text(&name)
        .ok_or_else(|| Failure::Usage(format!("未知的筛选“{name}”")))?;
    out(complaints::list(&mut s.store, &s.ctx, f)?)
}
