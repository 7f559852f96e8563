//! Set-up and administration: first run, checks, the office, departments, staff and accounts,
//! buildings, rooms, residents, categories, the audit log.

use frontdesk_core::{
    setup::accounts, setup::categories, setup::departments, setup::first_run, setup::office,
    setup::residents, setup::rooms, setup::staff,
};

use super::{out, Op, Outcome};
use crate::Session;

pub const OPS: &[Op] = &[
    Op { area: "init", verb: "", about: "首次设置:创建办公室与第一位客服主管",
         args: "--company-name --estate-name [--desk-phone] --supervisor-name [--supervisor-phone] --login --password [--doc-prefix KF] [--doc-version A/0]",
         run: init },
    Op { area: "check", verb: "", about: "检查数据库完整性与外键,显示数据库版本", args: "", run: |s| out(s.store.check()?) },
    Op { area: "setup", verb: "status", about: "是否已完成首次设置", args: "", run: |s| out(first_run::status(&mut s.store)?) },
    Op { area: "office", verb: "show", about: "查看办公室资料", args: "", run: |s| out(office::get(&mut s.store)?) },
    Op { area: "office", verb: "update", about: "修改办公室资料",
         args: "--company-name --estate-name --desk-phone --doc-prefix --doc-version --idle-lock-minutes",
         run: |s| { let i = s.cli.input()?; out(office::update(&mut s.store, &s.ctx, i)?) } },
    Op { area: "department", verb: "list", about: "部门列表", args: "", run: |s| out(departments::list(&mut s.store)?) },
    Op { area: "department", verb: "add", about: "新增部门", args: "--name [--active true]",
         run: |s| { let i = s.cli.input()?; out(departments::add(&mut s.store, &s.ctx, i)?) } },
    Op { area: "department", verb: "update", about: "修改部门", args: "--id --name [--active]",
         run: |s| { let id = s.cli.field("id")?; let i = s.cli.input()?; out(departments::update(&mut s.store, &s.ctx, id, i)?) } },
    Op { area: "staff", verb: "list", about: "员工列表", args: "[--all true 含已停用]",
         run: |s| { let all = s.cli.field_or("all", false)?; out(staff::list(&mut s.store, &s.ctx, all)?) } },
    Op { area: "staff", verb: "add", about: "新增员工",
         args: "--name --role receptionist|supervisor|technician|security|manager --department [--phone] [--active]",
         run: |s| { let i = s.cli.input()?; out(staff::add(&mut s.store, &s.ctx, i)?) } },
    Op { area: "staff", verb: "update", about: "修改员工", args: "--id --name --role --department [--phone] [--active]",
         run: |s| { let id = s.cli.field("id")?; let i = s.cli.input()?; out(staff::update(&mut s.store, &s.ctx, id, i)?) } },
    Op { area: "account", verb: "set-login", about: "为员工设置登录名和密码", args: "--staff-id --login --password",
         run: |s| { let i = s.cli.input()?; out(accounts::set_login(&mut s.store, &s.ctx, i)?) } },
    Op { area: "account", verb: "unlock", about: "解锁因密码错误被锁定的账号", args: "--staff-id",
         run: |s| { let id = s.cli.field("staff_id")?; out(accounts::unlock(&mut s.store, &s.ctx, id)?) } },
    Op { area: "account", verb: "password", about: "修改自己的密码", args: "--old-password --new-password",
         run: |s| { let i = s.cli.input()?; out(accounts::change_own_password(&mut s.store, &s.ctx, i)?) } },
    Op { area: "building", verb: "list", about: "楼栋列表", args: "", run: |s| out(rooms::list_buildings(&mut s.store)?) },
    Op { area: "building", verb: "add", about: "新增楼栋", args: "--name [--note]",
         run: |s| { let i = s.cli.input()?; out(rooms::add_building(&mut s.store, &s.ctx, i)?) } },
    Op { area: "building", verb: "update", about: "修改楼栋", args: "--id --name [--note]",
         run: |s| { let id = s.cli.field("id")?; let i = s.cli.input()?; out(rooms::update_building(&mut s.store, &s.ctx, id, i)?) } },
    Op { area: "room", verb: "list", about: "房间列表(可按楼栋、房号、姓名、电话或尾号筛选)", args: "[--building] [--text] [--limit]",
         run: |s| { let q = s.cli.input()?; out(frontdesk_core::setup::directory::list_rooms(&mut s.store, &s.ctx, q)?) } },
    Op { area: "room", verb: "show", about: "查看房间及住户", args: "--room 3-2-1201",
         run: |s| { let r: String = s.cli.field("room")?; out(frontdesk_core::setup::directory::room_detail(&mut s.store, &s.ctx, &r)?) } },
    Op { area: "room", verb: "add", about: "新增房间", args: "--building --unit --number [--area-m2] [--note]",
         run: |s| { let i = s.cli.input()?; out(rooms::add_room(&mut s.store, &s.ctx, i)?) } },
    Op { area: "room", verb: "update", about: "修改房间", args: "--id --building --unit --number [--area-m2] [--note]",
         run: |s| { let id = s.cli.field("id")?; let i = s.cli.input()?; out(rooms::update_room(&mut s.store, &s.ctx, id, i)?) } },
    Op { area: "resident", verb: "add", about: "登记住户", args: "--room --kind owner|tenant --name [--phones a,b] [--note]",
         run: |s| { let i = s.cli.input()?; out(residents::add(&mut s.store, &s.ctx, i)?) } },
    Op { area: "resident", verb: "update", about: "修改住户", args: "--id --room --kind --name [--phones] [--note] [--active]",
         run: |s| { let id = s.cli.field("id")?; let i = s.cli.input()?; out(residents::update(&mut s.store, &s.ctx, id, i)?) } },
    Op { area: "category", verb: "list", about: "服务类别及处理时限", args: "", run: |s| out(categories::list(&mut s.store)?) },
    Op { area: "category", verb: "add", about: "新增服务类别", args: "--name --department --time-limit-hours [--is-repair] [--sort]",
         run: |s| { let i = s.cli.input()?; out(categories::add(&mut s.store, &s.ctx, i)?) } },
    Op { area: "category", verb: "update", about: "修改服务类别", args: "--id --name --department --time-limit-hours [--is-repair] [--active] [--sort]",
         run: |s| { let id = s.cli.field("id")?; let i = s.cli.input()?; out(categories::update(&mut s.store, &s.ctx, id, i)?) } },
    Op { area: "audit", verb: "list", about: "操作日志(最新在前)", args: "[--limit 100]",
         run: |s| { let n = s.cli.field_or("limit", 100)?; out(frontdesk_core::setup::audit_log::list(&mut s.store, &s.ctx, n)?) } },
];

fn init(s: &mut Session) -> Outcome {
    let f = &s.cli.fields;
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    let input = first_run::FirstRun {
        office: office::Office {
            company_name: get("company_name"),
            estate_name: get("estate_name"),
            desk_phone: get("desk_phone"),
            doc_prefix: f.get("doc_prefix").cloned().unwrap_or_else(|| "KF".into()),
            doc_version: f
                .get("doc_version")
                .cloned()
                .unwrap_or_else(|| "A/0".into()),
            idle_lock_minutes: s.cli.field_or("idle_lock_minutes", 10)?,
        },
        supervisor_name: get("supervisor_name"),
        supervisor_phone: get("supervisor_phone"),
        login: get("login"),
        password: get("password"),
    };
    let actor = first_run::init(&mut s.store, s.ctx.now, input)?;
    out(actor)
}
