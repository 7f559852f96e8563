//! No phone number leaves the building unmasked (R-ROLE-2, issue 11): numbers typed into free
//! text — content, outcome, work done, reply, notes, reasons, visit results — are masked on
//! every form and in every sheet of the report, like the phone fields; only a supervisor's
//! full-number print shows them, and that choice is audited. Every footer carries the chain head.

use calamine::{Data, Reader, Xlsx};

use crate::base::ctx::Ctx;
use crate::base::phone;
use crate::paper::print::job::{print, PrintInput};
use crate::paper::print::tests::text_of_bytes;
use crate::paper::print::FormKind;
use crate::paper::reports::{self, period::PeriodKind, ReportInput};
use crate::store::backup::tests::office;
use crate::store::Store;

const MOBILE: &str = "13912345678";
const LANDLINE: &str = "0755-26661234";

fn one(store: &Store, sql: &str) -> String {
    store
        .conn()
        .query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| match v {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            _ => String::new(),
        })
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn r_role_2_phones_typed_into_free_text_are_masked_on_every_form_and_sheet() {
    let (_dir, db, boss) = office();
    let mut store = Store::open(&db).unwrap();
    let note = format!("，业主另一号码{MOBILE}或{LANDLINE}请回电");
    // Free text everywhere a person types, as they would type it (triggers that lock signed
    // records are set aside for the edit: this is the test writing its data, not a user).
    store
        .conn()
        .execute_batch(&format!(
            "DROP TRIGGER handovers_locked; DROP TRIGGER handover_open_items_locked_update; DROP TRIGGER handover_anomalies_locked_update;
             UPDATE intake_entries SET content = content || '{note}'; UPDATE intake_entries SET outcome = outcome || '{note}' WHERE outcome <> '';
             UPDATE dispatch_slips SET content = content || '{note}', work_done = work_done || '{note}', materials = materials || '{note}';
             UPDATE complaints SET content = content || '{note}', reply = reply || '{note}', sign_off_note = sign_off_note || '{note}';
             UPDATE complaint_steps SET note = note || '{note}';
             UPDATE return_visits SET result = result || '{note}';
             UPDATE slip_events SET reason = reason || '{note}';
             UPDATE handovers SET work_notes = work_notes || '{note}';
             UPDATE handover_open_items SET note = note || '{note}';
             UPDATE handover_anomalies SET description = description || '{note}';
             UPDATE duty_requests SET reason = reason || '{note}';"
        ))
        .unwrap();
    let month = one(
        &store,
        "SELECT substr(max(received_at), 1, 7) FROM intake_entries",
    );
    let day = one(
        &store,
        "SELECT substr(max(received_at), 1, 10) FROM intake_entries",
    );
    let night = one(&store, "SELECT coalesce(substr(max(received_at), 1, 10), '') FROM intake_entries WHERE night_log = 1");
    let forms = vec![
        (FormKind::IntakeLog, String::new(), day.clone()),
        (FormKind::NightLog, String::new(), night),
        (
            FormKind::DispatchSlip,
            one(&store, "SELECT max(serial) FROM dispatch_slips"),
            String::new(),
        ),
        (
            FormKind::Complaint,
            one(&store, "SELECT max(serial) FROM complaints"),
            String::new(),
        ),
        (FormKind::ReturnVisits, String::new(), format!("{month}-01")),
        (FormKind::Roster, String::new(), month.clone()),
        (
            FormKind::ShiftRequest,
            one(&store, "SELECT max(id) FROM duty_requests"),
            String::new(),
        ),
        (
            FormKind::Handover,
            one(
                &store,
                "SELECT max(serial) FROM handovers WHERE status = 'signed'",
            ),
            String::new(),
        ),
        (FormKind::PeriodReport, String::new(), month.clone()),
    ];
    let ctx = Ctx::as_user(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 29)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap(),
        boss.clone(),
    );
    for (form, serial, from) in &forms {
        let to = if *form == FormKind::ReturnVisits {
            format!("{month}-28")
        } else {
            String::new()
        };
        let input = PrintInput {
            form: *form,
            serial: serial.clone(),
            from: from.clone(),
            to,
            paper: None,
            full_phones: false,
        };
        let printed =
            print(&mut store, &ctx, input.clone()).unwrap_or_else(|e| panic!("{form:?}: {e}"));
        let bytes = crate::base::base64::decode(&printed.pdf_base64).unwrap();
        let (text, _) = text_of_bytes(&bytes);
        assert!(
            !phone::has_unmasked_mobile(&text),
            "{form:?} shows a mobile number"
        );
        assert!(!text.contains("26661234"), "{form:?} shows the landline");
        assert!(
            text.contains("封存链"),
            "{form:?} has the chain head in its footer"
        );
        if matches!(
            form,
            FormKind::IntakeLog
                | FormKind::DispatchSlip
                | FormKind::Complaint
                | FormKind::Handover
                | FormKind::ShiftRequest
        ) {
            assert!(
                text.contains("139****5678"),
                "{form:?} prints the typed number, masked"
            );
        }
        // The archive copy is the same masked file.
        assert_eq!(std::fs::read(&printed.archive_path).unwrap(), bytes);
    }
    // Printing twice in the same second keeps both archive copies.
    let twice = PrintInput {
        form: FormKind::DispatchSlip,
        serial: forms[2].1.clone(),
        from: String::new(),
        to: String::new(),
        paper: None,
        full_phones: false,
    };
    let a = print(&mut store, &ctx, twice.clone()).unwrap();
    let b = print(&mut store, &ctx, twice).unwrap();
    assert_ne!(a.archive_path, b.archive_path);
    assert!(
        std::path::Path::new(&a.archive_path).exists()
            && std::path::Path::new(&b.archive_path).exists()
    );
    // A supervisor may choose full numbers: they print, and the choice is in the audit log.
    let full = PrintInput {
        form: FormKind::DispatchSlip,
        serial: forms[2].1.clone(),
        from: String::new(),
        to: String::new(),
        paper: None,
        full_phones: true,
    };
    let printed = print(&mut store, &ctx, full).unwrap();
    let (text, _) = text_of_bytes(&crate::base::base64::decode(&printed.pdf_base64).unwrap());
    assert!(
        text.contains(MOBILE),
        "the supervisor's full print shows the number"
    );
    let audited = one(
        &store,
        "SELECT summary FROM audit_log WHERE action = '打印表单' ORDER BY id DESC LIMIT 1",
    );
    assert!(audited.contains("完整电话号码"), "{audited}");
    // Every sheet of the month's workbook.
    let exported = reports::ops::export(
        &mut store,
        &ctx,
        ReportInput {
            kind: PeriodKind::Month,
            period: month.clone(),
        },
    )
    .unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(exported.xlsx.clone())).unwrap();
    let mut cells = 0;
    for name in wb.sheet_names().to_vec() {
        let range = wb.worksheet_range(&name).unwrap();
        for c in range.used_cells() {
            if let Data::String(s) = c.2 {
                cells += 1;
                assert!(!phone::has_unmasked_mobile(s), "sheet {name}: {s}");
                assert!(!s.contains("26661234"), "sheet {name}: {s}");
            }
        }
    }
    assert!(cells > 100);
    let footer = String::from_utf8_lossy(&exported.xlsx).contains("封存链");
    let _ = footer; // the footer lives in compressed XML; checked through the report itself:
    let report = reports::ops::report(
        &mut store,
        &ctx,
        ReportInput {
            kind: PeriodKind::Month,
            period: month,
        },
    )
    .unwrap();
    assert!(report.chain.starts_with("封存链 "), "{}", report.chain);
}
