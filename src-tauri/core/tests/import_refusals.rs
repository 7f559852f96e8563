//! Imports that must be refused or reported: odd files, missing columns, bad rows — clear
//! Chinese problems naming the row and column, and nothing half-written.

use frontdesk_core::base::role::Role;
use frontdesk_core::setup::import::{self, ImportFile, ImportKind};
use frontdesk_core::setup::staff::{self, StaffInput};
use frontdesk_core::{Actor, Ctx, Store};
mod common;

#[allow(unused_imports)]
use common::import::*;

#[test]
fn files_that_are_not_spreadsheets_are_refused_clearly_and_change_nothing() {
    let (mut store, ctx) = desk();
    let before = counts(&store);
    let mut zip = Vec::new();
    {
        // A real zip archive that is not a workbook.
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet();
        let xlsx = book.save_to_buffer().unwrap();
        // Corrupt the inside but keep the zip signature.
        zip.extend_from_slice(&xlsx[..4]);
        zip.extend(std::iter::repeat_n(0x42u8, 300));
    }
    let random: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "空"),
        ("blank", b"  \r\n ".to_vec(), "空"),
        (
            "pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj".to_vec(),
            "PDF",
        ),
        ("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "图片"),
        ("zip", zip, "Excel"),
        ("random", random, "无法识别"),
        (
            "text without header",
            "hello world\nthis is not a table\n".as_bytes().to_vec(),
            "表头",
        ),
    ];
    for (what, bytes, says) in cases {
        for only_valid in [false, true] {
            let e = import::run(
                &mut store,
                &ctx,
                file(ImportKind::Rooms, bytes.clone()),
                only_valid,
            )
            .unwrap_err();
            assert_eq!(e.kind(), "bad_file", "{what}");
            assert!(e.to_string().contains(says), "{what}: {e}");
        }
        let e = import::preview(&mut store, &ctx, file(ImportKind::Rooms, bytes)).unwrap_err();
        assert_eq!(e.kind(), "bad_file", "{what}");
    }
    assert_eq!(counts(&store), before);
}

#[test]
fn a_header_missing_a_required_column_is_named() {
    let (mut store, ctx) = desk();
    let e = import::preview(
        &mut store,
        &ctx,
        file(ImportKind::Rooms, "楼栋,单元,住户姓名\n3,2,张三\n"),
    )
    .unwrap_err();
    assert_eq!(e.kind(), "bad_file");
    assert!(e.to_string().contains("房号"), "{e}");
}

const BAD_ROOMS_CSV: &str = "楼栋,单元,房号,面积,住户类型,住户姓名,电话
3,2,1201,89.5,业主,张三,13812345678
3,2,,89.5,业主,李四,13912345678
3,2,1203,很大,业主,王五,13712345678
3,2,1204,,房东,赵六,12345
3,2,1205,,,,13612345678
3,2,1206,,业主,钱七,13512345678
";

#[test]
fn problems_name_the_spreadsheet_row_and_column() {
    let (mut store, ctx) = desk();
    let before = counts(&store);
    let report = import::preview(&mut store, &ctx, file(ImportKind::Rooms, BAD_ROOMS_CSV)).unwrap();
    assert!(!report.written);
    let got: Vec<(u32, &str)> = report
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (3, "房号"),
            (4, "面积"),
            (5, "住户类型"),
            (5, "电话"),
            (6, "住户姓名")
        ]
    );
    assert!(report
        .problems
        .iter()
        .all(|p| !p.message.is_empty() && !p.message.is_ascii()));
    assert_eq!(report.invalid_rows, 4);
    assert_eq!(report.rows, 6);
    // What the valid rows would add.
    assert_eq!(
        (report.new_buildings, report.new_rooms, report.new_residents),
        (1, 2, 2)
    );
    assert_eq!(counts(&store), before, "a preview writes nothing");
}

#[test]
fn one_wrong_row_means_nothing_is_written() {
    let (mut store, ctx) = desk();
    let before = counts(&store);
    let report = import::run(
        &mut store,
        &ctx,
        file(ImportKind::Rooms, BAD_ROOMS_CSV),
        false,
    )
    .unwrap();
    assert!(!report.written);
    assert_eq!(report.problems.len(), 5);
    assert_eq!(counts(&store), before);
}

#[test]
fn only_valid_rows_are_written_when_asked() {
    let (mut store, ctx) = desk();
    let report = import::run(
        &mut store,
        &ctx,
        file(ImportKind::Rooms, BAD_ROOMS_CSV),
        true,
    )
    .unwrap();
    assert!(report.written);
    assert_eq!(report.invalid_rows, 4);
    assert_eq!((report.new_rooms, report.new_residents), (2, 2));
    assert_eq!(count(&store, "rooms"), 2);
    assert_eq!(count(&store, "residents"), 2);
    assert_eq!(
        room_names(&mut store, &ctx, "3-2-1206"),
        ["3-2-1206 钱七 13512345678"]
    );
    let logged: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = '导入住户' AND actor_name = '陈主管'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(logged, 1);
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let (mut store, ctx) = desk();
    import::run(&mut store, &ctx, file(ImportKind::Rooms, ROOMS_CSV), false).unwrap();
    let tables = |s: &Store| {
        counts(s)
            .into_iter()
            .filter(|(t, _)| t != "audit_log")
            .collect::<Vec<_>>()
    };
    let before = tables(&store);
    let again = import::run(&mut store, &ctx, file(ImportKind::Rooms, ROOMS_CSV), false).unwrap();
    assert!(again.written);
    assert_eq!(again.duplicates, 4);
    assert_eq!(
        (
            again.new_buildings,
            again.new_rooms,
            again.new_residents,
            again.added_phones
        ),
        (0, 0, 0, 0)
    );
    assert_eq!(tables(&store), before);
}

#[test]
fn a_known_resident_gets_only_their_new_numbers() {
    let (mut store, ctx) = desk();
    import::run(&mut store, &ctx, file(ImportKind::Rooms, ROOMS_CSV), false).unwrap();
    let csv = "楼栋,单元,房号,住户姓名,电话\n3,2,1201,张三,\"13812345678,13312345678\"\n";
    let report = import::run(&mut store, &ctx, file(ImportKind::Rooms, csv), false).unwrap();
    assert_eq!(
        (report.added_phones, report.new_residents, report.duplicates),
        (1, 0, 0)
    );
    assert!(
        report.notes.iter().any(|n| n.contains("13312345678")),
        "{:?}",
        report.notes
    );
    assert_eq!(
        room_names(&mut store, &ctx, "3-2-1201")[0],
        "3-2-1201 张三 13812345678/0755-12345678/13312345678"
    );
}

const STAFF_CSV: &str = "姓名,角色,部门,电话,在职
王师傅,维修工,工程部,13712345678,是
李保安,保安,秩序维护部,13612345678,
孙前台,前台接待员,客服部,,否
";

#[test]
fn staff_import_and_reimport() {
    let (mut store, ctx) = desk();
    let report = import::run(&mut store, &ctx, file(ImportKind::Staff, STAFF_CSV), false).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.new_staff, 3);
    let all = staff::list(&mut store, &ctx, true).unwrap();
    let wang = all.iter().find(|s| s.name == "王师傅").unwrap();
    assert_eq!(
        (wang.role, wang.department.as_str(), wang.active),
        (Role::Technician, "工程部", true)
    );
    let sun = all.iter().find(|s| s.name == "孙前台").unwrap();
    assert!(!sun.active);
    assert_eq!(
        all.iter().find(|s| s.name == "李保安").unwrap().role,
        Role::Security
    );

    let before = count(&store, "staff");
    let again = import::run(&mut store, &ctx, file(ImportKind::Staff, STAFF_CSV), false).unwrap();
    assert_eq!((again.new_staff, again.duplicates), (0, 3));
    assert_eq!(count(&store, "staff"), before);
}

#[test]
fn staff_problems_name_row_and_column() {
    let (mut store, ctx) = desk();
    let csv = "姓名,角色,部门,电话,在职\n,维修工,工程部,,\n周某,厨师,工程部,,\n吴某,维修工,财务部,,\n郑某,维修工,工程部,123,\n冯某,维修工,工程部,,也许\n";
    let before = counts(&store);
    let report = import::run(&mut store, &ctx, file(ImportKind::Staff, csv), false).unwrap();
    let got: Vec<(u32, &str)> = report
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (2, "姓名"),
            (3, "角色"),
            (4, "部门"),
            (5, "电话"),
            (6, "在职")
        ]
    );
    assert!(!report.written);
    assert_eq!(counts(&store), before);
}

#[test]
fn a_receptionist_may_not_import() {
    let (mut store, boss) = desk();
    let s = staff::add(
        &mut store,
        &boss,
        StaffInput {
            name: "小林".into(),
            role: Role::Receptionist,
            department: "客服部".into(),
            phone: String::new(),
            active: true,
        },
    )
    .unwrap();
    let ctx = Ctx::as_user(
        boss.now,
        Actor {
            id: s.id,
            login: "lin".into(),
            name: s.name,
            role: Role::Receptionist,
        },
    );
    let before = counts(&store);
    for e in [
        import::preview(&mut store, &ctx, file(ImportKind::Rooms, ROOMS_CSV)).unwrap_err(),
        import::run(&mut store, &ctx, file(ImportKind::Rooms, ROOMS_CSV), true).unwrap_err(),
    ] {
        assert_eq!(e.kind(), "forbidden");
    }
    assert_eq!(counts(&store), before);
}

/// An old-format Excel 97–2003 workbook, as many offices still keep their rolls. The fixture is
/// ROOMS_CSV saved by LibreOffice Calc as "Excel 97" (numbers typed as numbers, BIFF8 strings):
/// `soffice --headless --infilter="CSV:44,34,76,1" --convert-to xls:"MS Excel 97" rooms.csv`.
#[test]
fn xls_from_excel_97_imports_the_same() {
    let (mut store, ctx) = desk();
    let bytes = include_bytes!("fixtures/rooms-excel97.xls").to_vec();
    let report = import::run(
        &mut store,
        &ctx,
        ImportFile {
            kind: ImportKind::Rooms,
            // The name says .xlsx on purpose: the format is sniffed from the content.
            file_name: "住户.xlsx".into(),
            bytes,
        },
        false,
    )
    .unwrap();
    assert_eq!(report.format, "xls");
    assert_rooms_csv_imported(&mut store, &ctx, &report);
}
