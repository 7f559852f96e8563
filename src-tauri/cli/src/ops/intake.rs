//! 来电来访: register, look up, list, finish, call back, major incidents, night-log conversion.

use frontdesk_core::{desk::intake, desk::open_items};

use super::{out, Op};

pub const OPS: &[Op] = &[
    Op { area: "intake", verb: "register", about: "登记来电来访",
         args: "--channel call|visit|written|staff_found --kind repair|complaint|inquiry|suggestion|help|errand|other --content [--room 3-2-1201] [--location] [--caller-name] [--caller-phone] [--category 给排水] [--received-at \"YYYY-MM-DD HH:MM\" 补录] [--callback-phone] [--major-incident true] [--outcome 当场答复]",
         run: |s| { let i = s.cli.input()?; out(intake::register(&mut s.store, &s.ctx, i)?) } },
    Op { area: "intake", verb: "lookup", about: "按房号、电话或尾号查住户及房间历史(含重复报修提醒)", args: "--text [--category]",
         run: |s| { let i = s.cli.input()?; out(frontdesk_core::desk::lookup::lookup(&mut s.store, &s.ctx, i)?) } },
    Op { area: "intake", verb: "list", about: "来电来访列表(今天/本班/时间段,可按类型、来源、受理人、状态筛选)",
         args: "[--period today|shift|range] [--from YYYY-MM-DD] [--to] [--kind] [--channel] [--received-by 员工编号] [--state open|finished|night_log|callback_pending|major] [--limit]",
         run: |s| { let q = s.cli.input()?; out(intake::list(&mut s.store, &s.ctx, q)?) } },
    Op { area: "intake", verb: "show", about: "查看一条登记及其跟进记录", args: "--id",
         run: |s| { let id = s.cli.field("id")?; out(intake::detail(&mut s.store, &s.ctx, id)?) } },
    Op { area: "intake", verb: "finish", about: "填写处理结果并办结登记", args: "--intake-id --note",
         run: |s| { let i = s.cli.input()?; out(intake::finish(&mut s.store, &s.ctx, i)?) } },
    Op { area: "intake", verb: "callback-done", about: "登记已回电", args: "--intake-id --note",
         run: |s| { let i = s.cli.input()?; out(intake::callback_done(&mut s.store, &s.ctx, i)?) } },
    Op { area: "intake", verb: "take-up-major", about: "主管/经理接手突发事件", args: "--intake-id --note",
         run: |s| { let i = s.cli.input()?; out(intake::take_up_major(&mut s.store, &s.ctx, i)?) } },
    Op { area: "intake", verb: "follow-up", about: "添加跟进记录", args: "--intake-id --note",
         run: |s| { let i = s.cli.input()?; out(intake::add_followup(&mut s.store, &s.ctx, i)?) } },
    Op { area: "intake", verb: "convert-night", about: "批量转换夜间值班记录(转派工单/转投诉/已处理)",
         args: "--input '[{\"intake_id\":1,\"action\":\"slip\"},{\"intake_id\":2,\"action\":\"settled\",\"outcome\":\"已答复\"}]'",
         run: |s| { let items = s.cli.input()?; out(frontdesk_core::desk::night_log::convert_night_log(&mut s.store, &s.ctx, items)?) } },
    Op { area: "intake", verb: "open-items", about: "未完成事项(未完工派工单、待回访、超时、待答复投诉、待回电、未转换夜间记录)", args: "",
         run: |s| out(open_items::show(&mut s.store, &s.ctx)?) },
    Op { area: "intake", verb: "settings", about: "查看受理设置(重复报修天数、夜间时段、即将超时提醒、投诉答复时限)", args: "",
         run: |s| out(intake::settings::get(&mut s.store, &s.ctx)?) },
    Op { area: "intake", verb: "settings-update", about: "修改受理设置",
         args: "--repeat-repair-days 30 --night-start 17:30 --night-end 09:00 --due-soon-minutes 120 --complaint-reply-hours 24",
         run: |s| { let i = s.cli.input()?; out(intake::settings::update(&mut s.store, &s.ctx, i)?) } },
];
