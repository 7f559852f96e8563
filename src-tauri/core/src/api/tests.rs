//! The one list and the one policy (issue 10): every operation appears once, the role ×
//! operation table below is what the office's rules allow (a change to who may do what shows here
//! as a deliberate edit), and the gate refuses every role the table refuses, before any input is
//! read.

use serde_json::json;

use super::*;
use crate::base::ctx::Actor;

/// Who may run each operation: R 前台, S 主管, T 维修工, G 秩序维护员, M 经理; "public" needs no login.
const TABLE: &[(&str, &str)] = &[
    ("setup_status", "public"),
    ("clock_now", "public"),
    ("setup_init", "public"),
    ("db_check", "public"),
    ("data_verify", "public"),
    ("backup_status", "RSTGM"),
    ("backup_list", "RSTGM"),
    ("backup_now", "RSTGM"),
    ("backup_verify", "RSTGM"),
    ("backup_plan", "-S--M"),
    ("backup_restore", "-S--M"),
    ("backup_settings", "RSTGM"),
    ("backup_settings_update", "-S--M"),
    ("account_password", "RSTGM"),
    ("office_get", "RSTGM"),
    ("office_update", "-S--M"),
    ("department_list", "RSTGM"),
    ("department_add", "-S--M"),
    ("department_update", "-S--M"),
    ("staff_list", "RSTGM"),
    ("staff_add", "-S--M"),
    ("staff_update", "-S--M"),
    ("account_set_login", "-S--M"),
    ("account_unlock", "-S--M"),
    ("audit_list", "-S--M"),
    ("building_list", "RSTGM"),
    ("building_add", "-S--M"),
    ("building_update", "-S--M"),
    ("room_list", "RSTGM"),
    ("room_detail", "RSTGM"),
    ("room_add", "-S--M"),
    ("room_update", "-S--M"),
    ("resident_add", "-S--M"),
    ("resident_update", "-S--M"),
    ("category_list", "RSTGM"),
    ("category_add", "-S--M"),
    ("category_update", "-S--M"),
    ("import_preview", "-S--M"),
    ("import_run", "-S--M"),
    ("import_template", "public"),
    ("intake_register", "RSTGM"),
    ("intake_lookup", "RSTGM"),
    ("intake_list", "RSTGM"),
    ("intake_detail", "RSTGM"),
    ("intake_finish", "RS--M"),
    ("key_list", "RSTGM"),
    ("key_deposit", "RSTGM"),
    ("key_lend", "RSTGM"),
    ("key_return", "RSTGM"),
    ("key_withdraw", "RSTGM"),
    ("duty_check_list", "-S--M"),
    ("duty_check_record", "-S--M"),
    ("goods_list", "RSTGM"),
    ("goods_show", "RSTGM"),
    ("goods_issue", "RSTGM"),
    ("goods_release", "RSTGM"),
    ("hot_work_list", "RSTGM"),
    ("hot_work_show", "RSTGM"),
    ("hot_work_issue", "RSTGM"),
    ("hot_work_finish", "RSTGM"),
    ("pass_list", "RSTGM"),
    ("pass_show", "RSTGM"),
    ("pass_issue", "RSTGM"),
    ("pass_return", "RSTGM"),
    ("intake_callback_done", "RS--M"),
    ("intake_take_up_major", "-S--M"),
    ("intake_follow_up", "RSTGM"),
    ("intake_convert_night_log", "RS--M"),
    ("intake_open_items", "RSTGM"),
    ("intake_settings_get", "RSTGM"),
    ("intake_settings_update", "-S--M"),
    ("search", "RSTGM"),
    ("slip_open", "RS--M"),
    ("slip_detail", "RSTGM"),
    ("slip_board", "RSTGM"),
    ("slip_assignable", "RS--M"),
    ("slip_dispatch", "RS--M"),
    ("slip_transfer", "RS--M"),
    ("slip_accept", "RSTGM"), // the slip's assignee, any role (R-DS-2), or 主管代录
    ("slip_return", "RSTGM"),
    ("slip_arrive", "RSTGM"),
    ("slip_complete", "RSTGM"),
    ("slip_visit", "RS--M"),
    ("slip_pause", "RSTGM"),
    ("slip_resume", "RSTGM"),
    ("slip_cancel", "-S---"),
    ("slip_close", "-S---"),
    ("slip_reopen", "-S---"),
    ("complaint_open", "RS--M"),
    ("complaint_list", "RSTGM"),
    ("complaint_detail", "RSTGM"),
    ("complaint_alerts", "RSTGM"),
    ("complaint_take_up", "-S--M"),
    ("complaint_step", "RS--M"),
    ("complaint_validity", "-S---"),
    ("complaint_reply", "RS--M"),
    ("complaint_visit", "RS--M"),
    ("complaint_sign_off", "-S---"),
    ("shift_list", "RSTGM"),
    ("shift_add", "-S--M"),
    ("shift_update", "-S--M"),
    ("duty_settings_get", "RSTGM"),
    ("duty_settings_update", "-S--M"),
    ("roster_months", "RSTGM"),
    ("roster_get", "RSTGM"),
    ("roster_create", "-S--M"),
    ("roster_set_cells", "-S--M"),
    ("roster_fill_rotation", "-S--M"),
    ("roster_validate", "RSTGM"),
    ("roster_publish", "-S--M"),
    ("roster_special_day", "-S--M"),
    ("roster_notices", "RSTGM"),
    ("roster_notices_seen", "RSTGM"),
    ("request_list", "RSTGM"),
    ("request_file", "RSTGM"),
    ("request_approve", "-S--M"),
    ("request_reject", "RSTGM"),
    ("urge", "RSTGM"),
    ("waiting", "RS--M"),
    ("duty_now", "RSTGM"),
    ("duty_cover_start", "RSTGM"),
    ("duty_cover_end", "RSTGM"),
    ("duty_covers", "RSTGM"),
    ("handover_items", "RSTGM"),
    ("handover_item_add", "-S--M"),
    ("handover_item_update", "-S--M"),
    ("handover_plan", "RSTGM"),
    ("handover_list", "RSTGM"),
    ("handover_missing", "RSTGM"),
    ("handover_get", "RSTGM"),
    ("handover_start", "RSTGM"),
    ("handover_notes", "RSTGM"),
    ("handover_check", "RSTGM"),
    ("handover_open_item", "RSTGM"),
    ("handover_drop_item", "RSTGM"),
    ("handover_settle_item", "RSTGM"),
    ("handover_anomaly", "RSTGM"),
    ("handover_drop_anomaly", "RSTGM"),
    ("handover_arrive", "RSTGM"),
    ("handover_co_arrival", "RSTGM"),
    ("handover_sign", "RSTGM"),
    ("handover_addendum", "RSTGM"),
    ("handover_read_security", "RSTGM"),
    ("print_form", "RSTGM"),
    ("print_send", "RSTGM"),
    ("report_get", "-S--M"),
    ("report_export", "-S--M"),
];

fn role_letter(r: Role) -> char {
    match r {
        Role::Receptionist => 'R',
        Role::Supervisor => 'S',
        Role::Technician => 'T',
        Role::Security => 'G',
        Role::Manager => 'M',
    }
}

#[test]
fn every_operation_is_declared_once_with_its_own_command_line_verb() {
    let mut names: Vec<&str> = OPERATIONS.iter().map(|o| o.name).collect();
    names.sort_unstable();
    let n = names.len();
    names.dedup();
    assert_eq!(names.len(), n, "an operation name is declared twice");
    let mut verbs: Vec<(&str, &str)> = OPERATIONS.iter().map(|o| (o.area, o.verb)).collect();
    verbs.sort_unstable();
    verbs.dedup();
    assert_eq!(verbs.len(), n, "two operations share a command-line verb");
    for op in OPERATIONS {
        assert!(!op.about.is_empty(), "{} has no Chinese help", op.name);
        assert!(
            op.name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{}: snake_case",
            op.name
        );
    }
}

#[test]
fn the_role_table_is_the_policy_of_every_operation() {
    let declared: Vec<(&str, String)> = OPERATIONS
        .iter()
        .map(|op| {
            let who = match op.access {
                Access::Public => "public".to_string(),
                Access::Roles(_) => Role::ALL
                    .iter()
                    .map(|r| {
                        if op.allows(Some(*r)) {
                            role_letter(*r)
                        } else {
                            '-'
                        }
                    })
                    .collect(),
            };
            (op.name, who)
        })
        .collect();
    let table: Vec<(&str, String)> = TABLE.iter().map(|(n, w)| (*n, w.to_string())).collect();
    assert_eq!(
        declared, table,
        "the declared policy differs from the office's role table"
    );
}

#[test]
fn the_gate_refuses_every_role_the_table_refuses_before_reading_any_input() {
    let mut store = Store::open_in_memory().unwrap();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let mut checked = 0;
    for op in OPERATIONS {
        for &role in Role::ALL {
            let ctx = Ctx::as_user(
                now,
                Actor {
                    id: 1,
                    login: "x".into(),
                    name: "某人".into(),
                    role,
                },
            );
            // Garbage input: a refused role must be refused for who it is, not for the input.
            let r = call(&mut store, &ctx, op.name, json!({"nonsense": true}));
            if !op.allows(Some(role)) {
                let e = r.expect_err(op.name);
                assert_eq!(e.kind(), "forbidden", "{} as {:?}: {e}", op.name, role);
                checked += 1;
            } else if let Err(e) = r {
                assert_ne!(
                    e.kind(),
                    "forbidden",
                    "{} as {:?} is allowed by the table: {e}",
                    op.name,
                    role
                );
            }
        }
        if let Access::Roles(_) = op.access {
            let e = call(&mut store, &Ctx::new(now, None), op.name, json!({})).expect_err(op.name);
            assert_eq!(e.kind(), "not_logged_in", "{} without a login", op.name);
        }
    }
    assert!(checked > 100, "refusals checked: {checked}");
}

#[test]
fn an_unknown_operation_is_named_in_chinese() {
    let mut store = Store::open_in_memory().unwrap();
    let e = call(
        &mut store,
        &Ctx::new(chrono::NaiveDateTime::default(), None),
        "no_such_thing",
        json!({}),
    )
    .unwrap_err();
    assert_eq!(e.kind(), "not_found");
    assert!(e.to_string().contains("no_such_thing"));
}
