//! History written straight into the desk's tables for the printing and report tests (the
//! columns of migration 002): intake entries, slips, return visits and complaints exactly as
//! the test wants them, whatever the operations that normally make them would check.
//! Room 1 is 3-2-1502 and room 2 is 5-1-0802; the desk's 李小梅 receives and 赵师傅 repairs.

use chrono::{Duration, NaiveDateTime};
use rusqlite::params;

use crate::base::ctx::TIME_FORMAT;
use crate::store::Store;

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
             VALUES (?1, ?1, ?2, '王女士', '13812345678', ?3, ?4, ?5, (SELECT id FROM staff WHERE name = '李小梅'), ?6)",
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
    let f = |t: NaiveDateTime| t.format(TIME_FORMAT).to_string();
    let deadline = f(opened + Duration::hours(limit));
    let accepted = f(opened + Duration::minutes(10));
    let done = completed_after_h.map(|h| f(opened + Duration::hours(h)));
    let state = if done.is_some() { "done" } else { "accepted" };
    store
        .conn()
        .execute(
            "INSERT INTO dispatch_slips (serial, intake_id, opened_at, opened_by, room_id, caller_name, caller_phone, category_id, department_id,
               content, state, assignee_id, dispatcher_id, dispatched_at, accepted_at, completed_at, deadline_at, due_at,
               work_done, fee_kind, fee_cents, resident_accepted, resident_satisfaction, technician_signed_by, technician_signed_at)
             VALUES (?1, ?2, ?3, (SELECT id FROM staff WHERE name = '李小梅'), 1, '王女士', '13812345678', ?4, ?5, '卫生间天花板渗水,需检查楼上防水层', ?6,
               (SELECT id FROM staff WHERE name = '赵师傅'), (SELECT id FROM staff WHERE name = '李小梅'), ?3, ?7, ?8, ?9, ?9,
               CASE WHEN ?8 IS NULL THEN '' ELSE '更换角阀一只' END, CASE WHEN ?8 IS NULL THEN NULL ELSE 'paid' END,
               CASE WHEN ?8 IS NULL THEN 0 ELSE 3500 END, CASE WHEN ?8 IS NULL THEN NULL ELSE 1 END,
               CASE WHEN ?8 IS NULL THEN NULL ELSE 'satisfied' END, CASE WHEN ?8 IS NULL THEN NULL ELSE (SELECT id FROM staff WHERE name = '赵师傅') END, ?8)",
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
            "INSERT INTO return_visits (slip_id, at, by_id, method, answered, result, satisfaction) VALUES (?1, ?2, (SELECT id FROM staff WHERE name = '李小梅'), 'phone', ?3, ?4, ?5)",
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
             VALUES (?1, ?2, (SELECT id FROM staff WHERE name = '李小梅'), 2, '周先生', '13987654321', ?3, (SELECT id FROM departments WHERE name = '工程部'),
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
