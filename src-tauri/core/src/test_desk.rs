//! A seeded desk for the printing and report tests: an office, staff, rooms, and a month of
//! intake entries, slips, return visits and complaints written straight into the intake tables
//! (migration 002), so the tests do not depend on how those records are entered.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;

use crate::base::ctx::{Actor, Ctx};
use crate::base::role::Role;
use crate::setup::first_run::{self, FirstRun};
use crate::setup::office::Office;
use crate::store::Store;

pub struct Desk {
    pub _dir: tempfile::TempDir,
    pub store: Store,
    pub boss: Actor,
    pub clerk: Actor,
    pub now: NaiveDateTime,
}

pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

impl Desk {
    pub fn ctx(&self, who: &Actor) -> Ctx {
        Ctx::as_user(self.now, who.clone())
    }
}

/// An office with a supervisor (王主管), a receptionist (李小梅), a technician (赵师傅), rooms
/// 3-2-1502 and 5-1-0802, and no records yet.
pub fn desk() -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_or_create(&dir.path().join("frontdesk.db")).unwrap();
    let now = at(2026, 11, 23, 9, 30);
    let boss = first_run::init(
        &mut store,
        now,
        FirstRun {
            office: Office {
                company_name: "阳光物业服务有限公司".into(),
                estate_name: "阳光花园".into(),
                desk_phone: "".into(),
                doc_prefix: "KF".into(),
                doc_version: "A/0".into(),
                idle_lock_minutes: 10,
            },
            supervisor_name: "王主管".into(),
            supervisor_phone: "13900000001".into(),
            login: "wang".into(),
            password: "Secret-123".into(),
        },
    )
    .unwrap();
    let c = store.conn();
    c.execute_batch(
        "INSERT INTO staff (id, name, role, department_id, phone, created_at, updated_at) VALUES
            (2, '李小梅', 'receptionist', (SELECT id FROM departments WHERE name = '客服部'), '13900000002', '2026-10-01 09:00:00', '2026-10-01 09:00:00'),
            (3, '赵师傅', 'technician', (SELECT id FROM departments WHERE name = '工程部'), '13900000003', '2026-10-01 09:00:00', '2026-10-01 09:00:00');
         INSERT INTO buildings (id, name) VALUES (1, '3'), (2, '5');
         INSERT INTO rooms (id, building_id, unit, number, code) VALUES (1, 1, '2', '1502', '3-2-1502'), (2, 2, '1', '0802', '5-1-0802');",
    )
    .unwrap();
    let clerk = Actor {
        id: 2,
        login: "li".into(),
        name: "李小梅".into(),
        role: Role::Receptionist,
    };
    Desk {
        _dir: dir,
        store,
        boss,
        clerk,
        now,
    }
}

fn cat(store: &Store, name: &str) -> (i64, i64, i64) {
    store
        .conn()
        .query_row(
            "SELECT id, department_id, time_limit_hours FROM categories WHERE name = ?1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

pub fn intake(
    store: &Store,
    at: &str,
    room: i64,
    channel: &str,
    kind: &str,
    content: &str,
    night: bool,
) -> i64 {
    store
        .conn()
        .execute(
            "INSERT INTO intake_entries (received_at, entered_at, room_id, caller_name, caller_phone, channel, kind, content, received_by, night_log)
             VALUES (?1, ?1, ?2, '王女士', '13812345678', ?3, ?4, ?5, 2, ?6)",
            params![at, room, channel, kind, content, night as i64],
        )
        .unwrap();
    store.conn().last_insert_rowid()
}

/// A slip opened at `opened`; `completed` finishes it (hours after opening).
pub fn slip(
    store: &Store,
    serial: &str,
    intake_id: Option<i64>,
    opened: NaiveDateTime,
    category: &str,
    completed_after_h: Option<i64>,
) -> i64 {
    let (cat_id, dept, limit) = cat(store, category);
    let f = |t: NaiveDateTime| t.format(crate::base::ctx::TIME_FORMAT).to_string();
    let deadline = f(opened + chrono::Duration::hours(limit));
    let accepted = f(opened + chrono::Duration::minutes(10));
    let done = completed_after_h.map(|h| f(opened + chrono::Duration::hours(h)));
    let state = if done.is_some() { "done" } else { "accepted" };
    store
        .conn()
        .execute(
            "INSERT INTO dispatch_slips (serial, intake_id, opened_at, opened_by, room_id, caller_name, caller_phone, category_id, department_id,
               content, state, assignee_id, dispatcher_id, dispatched_at, accepted_at, completed_at, deadline_at, due_at,
               work_done, fee_kind, fee_cents, resident_accepted, resident_satisfaction, technician_signed_by, technician_signed_at)
             VALUES (?1, ?2, ?3, 2, 1, '王女士', '13812345678', ?4, ?5, '卫生间天花板渗水,需检查楼上防水层', ?6, 3, 2, ?3, ?7, ?8, ?9, ?9,
               CASE WHEN ?8 IS NULL THEN '' ELSE '更换角阀一只' END, CASE WHEN ?8 IS NULL THEN NULL ELSE 'paid' END,
               CASE WHEN ?8 IS NULL THEN 0 ELSE 3500 END, CASE WHEN ?8 IS NULL THEN NULL ELSE 1 END,
               CASE WHEN ?8 IS NULL THEN NULL ELSE 'satisfied' END, CASE WHEN ?8 IS NULL THEN NULL ELSE 3 END, ?8)",
            params![serial, intake_id, f(opened), cat_id, dept, state, accepted, done, deadline],
        )
        .unwrap();
    let id = store.conn().last_insert_rowid();
    if let Some(i) = intake_id {
        store
            .conn()
            .execute(
                "UPDATE intake_entries SET slip_id = ?1, finished_at = received_at WHERE id = ?2",
                params![id, i],
            )
            .unwrap();
    }
    id
}

pub fn visit_slip(store: &Store, slip_id: i64, at: &str, satisfaction: Option<&str>) {
    store
        .conn()
        .execute(
            "INSERT INTO return_visits (slip_id, at, by_id, method, answered, result, satisfaction) VALUES (?1, ?2, 2, 'phone', ?3, ?4, ?5)",
            params![slip_id, at, satisfaction.is_some() as i64, if satisfaction.is_some() { "师傅很准时" } else { "" }, satisfaction],
        )
        .unwrap();
}

pub fn complaint(
    store: &Store,
    serial: &str,
    opened: &str,
    category: &str,
    validity: Option<&str>,
    signed_off: Option<&str>,
) -> i64 {
    let state = if signed_off.is_some() {
        "signed_off"
    } else {
        "open"
    };
    store
        .conn()
        .execute(
            "INSERT INTO complaints (serial, opened_at, opened_by, room_id, complainant_name, complainant_phone, category, department_id,
               content, validity, urgency, state, reply_deadline_at, reply, replied_at, replied_by, signed_off_at, signed_off_by)
             VALUES (?1, ?2, 2, 2, '周先生', '13987654321', ?3, (SELECT id FROM departments WHERE name = '工程部'),
               '楼上装修每天早上七点开始施工,多次反映未解决', ?4, 'normal', ?5, ?2,
               CASE WHEN ?6 IS NULL THEN '' ELSE '装修户承诺按规定时间施工' END, ?6, CASE WHEN ?6 IS NULL THEN NULL ELSE 1 END,
               ?6, CASE WHEN ?6 IS NULL THEN NULL ELSE 1 END)",
            params![serial, opened, category, validity, state, signed_off],
        )
        .unwrap();
    let id = store.conn().last_insert_rowid();
    store
        .conn()
        .execute("INSERT INTO complaint_steps (complaint_id, at, by_id, note) VALUES (?1, ?2, 1, '上门约谈装修户,责令调整施工时间')", params![id, opened])
        .unwrap();
    id
}
