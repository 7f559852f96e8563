//! Duty: shift templates, monthly rosters, swap/leave requests, who is on duty and security
//! cover, and handovers.

use frontdesk_core::{
    duty::handover, duty::on_duty, duty::requests, duty::roster, duty::settings as duty_settings,
    duty::shifts,
};

use super::{out, Op, Outcome};
use crate::{Failure, Session};

pub const OPS: &[Op] = &[
    Op { area: "shift", verb: "list", about: "班次模板列表", args: "", run: |s| out(shifts::list(&mut s.store, &s.ctx)?) },
    Op { area: "shift", verb: "add", about: "新增班次",
         args: "--name --code --start-time 08:30 --end-time 17:30 [--required-roles technician] --min-people --max-people --place desk|on_call --covers-desk true [--color #67c23a] [--sort]",
         run: |s| { let i = s.cli.input()?; out(shifts::add(&mut s.store, &s.ctx, i)?) } },
    Op { area: "shift", verb: "update", about: "修改班次", args: "--id 以及 shift add 的全部参数",
         run: |s| { let id = s.cli.field("id")?; let i = s.cli.input()?; out(shifts::update(&mut s.store, &s.ctx, id, i)?) } },
    Op { area: "shift", verb: "settings", about: "查看值班设置(最少休息、提前到岗、提前发布)", args: "",
         run: |s| out(duty_settings::get(&mut s.store, &s.ctx)?) },
    Op { area: "shift", verb: "set-settings", about: "修改值班设置", args: "--min-rest-minutes 480 --arrival-lead-minutes 15 --publish-lead-days 7",
         run: |s| { let i = s.cli.input()?; out(duty_settings::update(&mut s.store, &s.ctx, i)?) } },
    Op { area: "roster", verb: "months", about: "已有值班表的月份", args: "", run: |s| out(roster::months(&mut s.store, &s.ctx)?) },
    Op { area: "roster", verb: "show", about: "查看某月值班表(含检查结果)", args: "--month 2026-12",
         run: |s| { let m: String = s.cli.field("month")?; out(roster::get(&mut s.store, &s.ctx, &m)?) } },
    Op { area: "roster", verb: "create", about: "新建某月值班表草稿", args: "--month 2026-12",
         run: |s| { let m: String = s.cli.field("month")?; out(roster::create(&mut s.store, &s.ctx, &m)?) } },
    Op { area: "roster", verb: "set", about: "设置值班表格子(班次代码,空为休息)", args: "--month 2026-12 --staff-id 3 --date 2026-12-05 --code 白",
         run: set_cell },
    Op { area: "roster", verb: "rotate", about: "按轮班顺序填充", args: "--month 2026-12 --staff-ids 3,4,5 --pattern 白,白,休",
         run: |s| { let i = s.cli.input()?; out(roster::fill_rotation(&mut s.store, &s.ctx, i)?) } },
    Op { area: "roster", verb: "check", about: "检查覆盖空档、岗位、重叠与休息", args: "--month 2026-12",
         run: |s| { let m: String = s.cli.field("month")?; out(roster::validate(&mut s.store, &s.ctx, &m)?) } },
    Op { area: "roster", verb: "publish", about: "发布值班表(有空档时拒绝)", args: "--month 2026-12",
         run: |s| { let m: String = s.cli.field("month")?; out(roster::publish(&mut s.store, &s.ctx, &m)?) } },
    Op { area: "request", verb: "list", about: "调班/请假申请(最新在前)", args: "[--pending-only true] [--limit 200]",
         run: |s| { let q = s.cli.input()?; out(requests::list(&mut s.store, &s.ctx, q)?) } },
    Op { area: "request", verb: "file", about: "提交调班/请假申请",
         args: "--kind swap|leave --staff-id --from-day [--to-day] [--other-staff-id] [--other-day] --reason",
         run: |s| { let i = s.cli.input()?; out(requests::file(&mut s.store, &s.ctx, i)?) } },
    Op { area: "request", verb: "approve", about: "批准申请(请假由审批人指定顶班)", args: "--id [--substitute-id] [--note]",
         run: |s| { let i = s.cli.input()?; out(requests::approve(&mut s.store, &s.ctx, i)?) } },
    Op { area: "request", verb: "reject", about: "驳回申请(本人提交则为撤回)", args: "--id [--note]",
         run: |s| { let i = s.cli.input()?; out(requests::reject(&mut s.store, &s.ctx, i)?) } },
    Op { area: "duty", verb: "now", about: "此刻谁在值班(含秩序维护员代值)", args: "[--at \"2026-12-10 03:00\"]",
         run: |s| { let at = s.cli.fields.get("at").cloned(); out(on_duty::on_duty(&mut s.store, &s.ctx, at)?) } },
    Op { area: "duty", verb: "cover", about: "登记秩序维护员代值", args: "--cover-staff-id [--for-staff-id] [--start-at] [--end-at] --reason",
         run: |s| { let i = s.cli.input()?; out(on_duty::cover_start(&mut s.store, &s.ctx, i)?) } },
    Op { area: "duty", verb: "cover-end", about: "结束代值", args: "--id [--end-at]",
         run: |s| { let i = s.cli.input()?; out(on_duty::cover_end(&mut s.store, &s.ctx, i)?) } },
    Op { area: "duty", verb: "covers", about: "近期代值记录", args: "[--days 30]",
         run: |s| { let n = s.cli.field_or("days", 30)?; out(on_duty::covers(&mut s.store, &s.ctx, n)?) } },
    Op { area: "handover", verb: "items", about: "交接物品清单", args: "", run: |s| out(handover::item_list(&mut s.store, &s.ctx)?) },
    Op { area: "handover", verb: "item-add", about: "新增交接物品", args: "--name --expected-qty [--sort]",
         run: |s| { let i = s.cli.input()?; out(handover::item_add(&mut s.store, &s.ctx, i)?) } },
    Op { area: "handover", verb: "item-update", about: "修改交接物品", args: "--id --name --expected-qty [--active] [--sort]",
         run: |s| { let id = s.cli.field("id")?; let i = s.cli.input()?; out(handover::item_update(&mut s.store, &s.ctx, id, i)?) } },
    Op { area: "handover", verb: "plan", about: "最近一次交接班时间及值班表上的交接双方", args: "[--at]",
         run: |s| { let at = s.cli.fields.get("at").cloned(); out(handover::plan_for(&mut s.store, &s.ctx, at)?) } },
    Op { area: "handover", verb: "list", about: "近期交接班记录", args: "[--days 7]",
         run: |s| { let n = s.cli.field_or("days", 7)?; out(handover::list(&mut s.store, &s.ctx, n)?) } },
    Op { area: "handover", verb: "show", about: "查看交接班记录", args: "--id",
         run: |s| { let id = s.cli.field("id")?; out(handover::get(&mut s.store, &s.ctx, id)?) } },
    Op { area: "handover", verb: "start", about: "开始交接班(按值班表预填双方)", args: "--kind desk|security [--change-at] [--outgoing-id] [--incoming-id]",
         run: |s| { let i = s.cli.input()?; out(handover::start(&mut s.store, &s.ctx, i)?) } },
    Op { area: "handover", verb: "notes", about: "填写交班说明", args: "--id --work-notes",
         run: |s| { let i = s.cli.input()?; out(handover::set_notes(&mut s.store, &s.ctx, i)?) } },
    Op { area: "handover", verb: "check", about: "清点物品", args: "--id --item-id --actual-qty --state ok|damaged|missing [--note] [--explanation]",
         run: |s| { let i = s.cli.input()?; out(handover::set_check(&mut s.store, &s.ctx, i)?) } },
    Op { area: "handover", verb: "open-item", about: "移交未完成事项", args: "--id --summary [--note]",
         run: |s| { let i = s.cli.input()?; out(handover::add_open_item(&mut s.store, &s.ctx, i)?) } },
    Op { area: "handover", verb: "drop-item", about: "未完成事项已办结(移出)", args: "--id --row-id",
         run: |s| { let i = s.cli.input()?; out(handover::remove_open_item(&mut s.store, &s.ctx, i)?) } },
    Op { area: "handover", verb: "anomaly", about: "登记区域异常", args: "--id --area --description --explanation",
         run: |s| { let i = s.cli.input()?; out(handover::add_anomaly(&mut s.store, &s.ctx, i)?) } },
    Op { area: "handover", verb: "drop-anomaly", about: "删除区域异常", args: "--id --row-id",
         run: |s| { let i = s.cli.input()?; out(handover::remove_anomaly(&mut s.store, &s.ctx, i)?) } },
    Op { area: "handover", verb: "arrive", about: "登记接班人到岗时间", args: "--id [--arrived-at]",
         run: |s| { let i = s.cli.input()?; out(handover::record_arrival(&mut s.store, &s.ctx, i)?) } },
    Op { area: "handover", verb: "sign", about: "交接班签字(签字人输入自己的密码:环境变量 FRONTDESK_SIGN_PASSWORD,否则从标准输入读一行)",
         args: "--id --party outgoing|incoming", run: sign },
    Op { area: "handover", verb: "addendum", about: "为已签字的记录追加补充说明", args: "--id --text",
         run: |s| { let i = s.cli.input()?; out(handover::add_addendum(&mut s.store, &s.ctx, i)?) } },
    Op { area: "handover", verb: "read-security", about: "确认已阅秩序维护岗夜间记录", args: "--id [--note]",
         run: |s| { let i = s.cli.input()?; out(handover::read_security_record(&mut s.store, &s.ctx, i)?) } },
];

fn set_cell(s: &mut Session) -> Outcome {
    let cell = roster::CellInput {
        staff_id: s.cli.field("staff_id")?,
        date: s.cli.field("date")?,
        code: s.cli.fields.get("code").cloned().unwrap_or_default(),
    };
    let month: String = s.cli.field("month")?;
    out(roster::set_cells(
        &mut s.store,
        &s.ctx,
        roster::CellsInput {
            month,
            cells: vec![cell],
        },
    )?)
}

/// Signing needs the signer's own password. It is never taken from the command line, where the
/// process list and the shell history would keep it: FRONTDESK_SIGN_PASSWORD, else one line
/// read from standard input (typed at a prompt, or piped).
fn sign(s: &mut Session) -> Outcome {
    if s.cli.fields.contains_key("password")
        || s.cli
            .fields
            .get("input")
            .is_some_and(|j| j.contains("\"password\""))
    {
        return Err(Failure::Usage(
            "不接受在命令行上写密码(会留在命令历史和进程列表里):请用环境变量 FRONTDESK_SIGN_PASSWORD,或运行后按提示输入".into(),
        ));
    }
    let password = match std::env::var("FRONTDESK_SIGN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprint!("请签字人输入本人密码:");
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| Failure::Usage(format!("无法读取密码:{e}")))?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    let mut cli = s.cli.clone();
    cli.fields.insert("password".into(), password);
    let input = cli.input()?;
    out(handover::sign(&mut s.store, &s.ctx, input)?)
}
