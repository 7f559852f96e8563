//! Importing rooms, residents and staff from CSV and Excel files (issue 2 §5).

use frontdesk_core::setup::import::{self, ImportFile, ImportKind};
mod common;

#[allow(unused_imports)]
use common::import::*;

#[test]
fn utf8_csv_imports_rooms_residents_and_buildings() {
    let (mut store, ctx) = desk();
    let report = import::run(&mut store, &ctx, file(ImportKind::Rooms, ROOMS_CSV), false).unwrap();
    assert_eq!(report.format, "csv");
    assert_rooms_csv_imported(&mut store, &ctx, &report);
}

#[test]
fn csv_with_a_bom_imports_the_same() {
    let (mut store, ctx) = desk();
    let bytes = [b"\xEF\xBB\xBF".as_slice(), ROOMS_CSV.as_bytes()].concat();
    let report = import::run(&mut store, &ctx, file(ImportKind::Rooms, bytes), false).unwrap();
    assert_rooms_csv_imported(&mut store, &ctx, &report);
}

#[test]
fn gbk_csv_as_excel_in_china_saves_it_imports_the_same() {
    let (mut store, ctx) = desk();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(ROOMS_CSV);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the test file must really be GBK, not UTF-8"
    );
    let report = import::run(
        &mut store,
        &ctx,
        file(ImportKind::Rooms, gbk.into_owned()),
        false,
    )
    .unwrap();
    assert_rooms_csv_imported(&mut store, &ctx, &report);
}

#[test]
fn columns_in_any_order_with_spaces_and_full_width_headers() {
    let (mut store, ctx) = desk();
    let csv = " 住户姓名 ,电话（多个用逗号分隔）,房号,楼　栋,单元,住户类型,颜色\n张三,13812345678,1201,３,2,业主,红\n";
    let report = import::run(&mut store, &ctx, file(ImportKind::Rooms, csv), false).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.new_residents, 1);
    assert_eq!(
        room_names(&mut store, &ctx, "3-2-1201"),
        ["3-2-1201 张三 13812345678"]
    );
    assert!(
        report.notes.iter().any(|n| n.contains("颜色")),
        "an unknown column is mentioned: {:?}",
        report.notes
    );
}

#[test]
fn xlsx_imports_with_numbers_typed_as_numbers() {
    let (mut store, ctx) = desk();
    let bytes = xlsx(
        &[
            &[
                "楼栋",
                "单元",
                "房号",
                "面积",
                "住户类型",
                "住户姓名",
                "电话",
                "备注",
            ],
            &["3", "2", "1201", "89.5", "业主", "张三", "13812345678", ""],
            &["7", "1", "0302", "", "租户", "刘七", "13512345678", ""],
        ],
        true,
    );
    let report = import::run(
        &mut store,
        &ctx,
        ImportFile {
            kind: ImportKind::Rooms,
            file_name: "住户.xlsx".into(),
            bytes,
        },
        false,
    )
    .unwrap();
    assert_eq!(report.format, "xlsx");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        (report.new_buildings, report.new_rooms, report.new_residents),
        (2, 2, 2)
    );
    assert_eq!(
        room_names(&mut store, &ctx, "3-2-1201"),
        ["3-2-1201 张三 13812345678"]
    );
    let room = frontdesk_core::setup::directory::room_detail(&mut store, &ctx, "3-2-1201")
        .unwrap()
        .room;
    assert_eq!(room.area_m2, Some(89.5));
    // 0302 typed as a number in Excel becomes 302; the room is still found by its code.
    assert_eq!(
        room_names(&mut store, &ctx, "7-1-302"),
        ["7-1-302 刘七 13512345678"]
    );
}

#[test]
fn the_data_may_be_on_a_later_worksheet() {
    let (mut store, ctx) = desk();
    let mut book = rust_xlsxwriter::Workbook::new();
    let cover = book.add_worksheet();
    cover
        .write_string(0, 0, "阳光花园住户名册(2026年)")
        .unwrap();
    let data = book.add_worksheet();
    for (c, h) in ["楼栋", "单元", "房号", "住户姓名", "电话"]
        .iter()
        .enumerate()
    {
        data.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["3", "2", "1201", "张三", "12345"].iter().enumerate() {
        data.write_string(1, c as u16, *v).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let report = import::preview(
        &mut store,
        &ctx,
        ImportFile {
            kind: ImportKind::Rooms,
            file_name: "名册.xlsx".into(),
            bytes,
        },
    )
    .unwrap();
    assert_eq!(report.rows, 1);
    assert_eq!(
        report
            .problems
            .iter()
            .map(|p| (p.row, p.column.as_str()))
            .collect::<Vec<_>>(),
        [(2, "电话")]
    );
    assert!(
        report.notes.iter().any(|n| n.contains("第 2 张工作表")),
        "{:?}",
        report.notes
    );
}

#[test]
fn the_downloadable_templates_import_cleanly() {
    let (mut store, ctx) = desk();
    let rooms_t = import::template(ImportKind::Rooms).unwrap();
    let sheet = import::read_sheet(&rooms_t).unwrap();
    assert_eq!(
        sheet.rows[0],
        [
            "楼栋",
            "单元",
            "房号",
            "面积",
            "住户类型",
            "住户姓名",
            "电话",
            "备注"
        ]
    );
    let report = import::preview(
        &mut store,
        &ctx,
        ImportFile {
            kind: ImportKind::Rooms,
            file_name: "t.xlsx".into(),
            bytes: rooms_t,
        },
    )
    .unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        (report.rows, report.new_rooms, report.new_residents),
        (2, 1, 2)
    );

    let staff_t = import::template(ImportKind::Staff).unwrap();
    let report = import::preview(
        &mut store,
        &ctx,
        ImportFile {
            kind: ImportKind::Staff,
            file_name: "t.xlsx".into(),
            bytes: staff_t,
        },
    )
    .unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.new_staff, 2);

    let dir = tempfile::tempdir().unwrap();
    let first = import::save_template(dir.path(), ImportKind::Rooms).unwrap();
    let second = import::save_template(dir.path(), ImportKind::Rooms).unwrap();
    assert_eq!(first.file_name().unwrap(), "住户导入模板.xlsx");
    assert_eq!(second.file_name().unwrap(), "住户导入模板(2).xlsx");
    assert_eq!(
        import::save_template(dir.path(), ImportKind::Staff)
            .unwrap()
            .file_name()
            .unwrap(),
        "员工导入模板.xlsx"
    );
}
