//! The UI's typed client and role policy, written from the one list of operations (issue 10):
//! `ui/src/api/ops.ts` has one function per operation with its input and output types (from
//! ts-rs), `ui/src/api/policy.ts` the role table the UI hides pages and buttons by. `cargo test`
//! writes them like ts-rs writes `ui/src/bindings`, and test-all fails if they differ from what is
//! committed — so an operation without its TypeScript function cannot reach the UI.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ts_rs::Config;

use super::{Access, OPERATIONS};
use crate::base::role::Role;

fn ui_api() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/api")
}

/// slip_dispatch → slipDispatch
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in name.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}

pub(crate) fn ops_ts() -> String {
    let cfg = Config::from_env();
    let mut imports: BTreeMap<String, String> = BTreeMap::new();
    let mut body = String::new();
    for op in OPERATIONS {
        let t = (op.ts)(&cfg);
        // Import the types the signature names (every type is exported to bindings/<Name>.ts).
        let signature = format!("{} {}", t.input, t.output);
        for word in signature.split(|c: char| !c.is_ascii_alphanumeric() && c != '_') {
            let bindings = ui_api().join("../bindings");
            if !word.is_empty() && bindings.join(format!("{word}.ts")).exists() {
                imports.insert(word.to_string(), word.to_string());
            }
        }
        let output = if t.output == "null" {
            "void".to_string()
        } else {
            t.output.clone()
        };
        body.push_str(&format!("/** {} */\n", op.about));
        if t.input == "NoInput" {
            body.push_str(&format!(
                "export const {} = () => call<{output}>('{}', {{}})\n",
                camel(op.name),
                op.name
            ));
        } else {
            body.push_str(&format!(
                "export const {} = (input: {}) => call<{output}>('{}', input)\n",
                camel(op.name),
                t.input,
                op.name
            ));
        }
    }
    imports.remove("NoInput");
    let mut out = String::from(
        "// 由核心的操作清单（frontdesk-core api::OPERATIONS）在 cargo test 时生成，请勿手改。\n\
         // Generated from the core's one list of operations by `cargo test`; do not edit.\n\
         import { call } from './invoke'\n",
    );
    for (name, file) in &imports {
        out.push_str(&format!(
            "import type {{ {name} }} from '../bindings/{file}'\n"
        ));
    }
    out.push('\n');
    out.push_str(&body);
    out
}

pub(crate) fn policy_ts() -> String {
    let mut out = String::from(
        "// 由核心的操作清单（frontdesk-core api::OPERATIONS）在 cargo test 时生成，请勿手改。\n\
         // Who may run each operation: the same table the core's gate uses. The UI hides what a\n\
         // role may not do by asking `may`, never by a copy of its own.\n\
         import type { Role } from '../bindings/Role'\n\n\
         export const ALLOWED = {\n",
    );
    for op in OPERATIONS {
        let who = match op.access {
            Access::Public => "'public'".to_string(),
            Access::Roles(_) => {
                let roles: Vec<String> = Role::ALL
                    .iter()
                    .filter(|r| op.allows(Some(**r)))
                    .map(|r| format!("'{}'", r.code()))
                    .collect();
                format!("[{}]", roles.join(", "))
            }
        };
        out.push_str(&format!("  {}: {who},\n", op.name));
    }
    let roles = |group: &[Role]| {
        group
            .iter()
            .map(|r| format!("'{}'", r.code()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!(
        "}} as const satisfies Record<string, 'public' | readonly Role[]>\n\n\
         /** Who may print residents' full phone numbers (R-ROLE-2; base::role::FULL_PHONE_PRINTERS). */\n\
         export const FULL_PHONE_PRINTERS: readonly Role[] = [{}]\n\n",
        roles(crate::base::role::FULL_PHONE_PRINTERS)
    ));
    out.push_str(
        "\
         export type OpName = keyof typeof ALLOWED\n\n\
         /** May a user of `role` (none: nobody logged in) run `op`? */\n\
         export function may(role: Role | null | undefined, op: OpName): boolean {\n\
         \x20 const who: 'public' | readonly Role[] = ALLOWED[op]\n\
         \x20 return who === 'public' || (!!role && who.includes(role))\n\
         }\n",
    );
    out
}

/// `Record<Code, label>` for one enum: the words screens, paper and reports share.
macro_rules! labels {
    ($out:ident, $($ty:path => $name:literal),* $(,)?) => {$(
        $out.push_str(&format!("export const {}: Record<{}, string> = {{\n", $name, stringify!($ty).rsplit("::").next().unwrap_or("")));
        for v in <$ty>::ALL.iter() {
            $out.push_str(&format!("  {}: '{}',\n", v.code(), v.label()));
        }
        $out.push_str("}\n\n");
    )*};
}

/// The Chinese words of every coded state, kind and choice, from the enums themselves.
pub(crate) fn labels_ts() -> String {
    use crate::desk::{complaints, deadlines, intake, search, slips, visits};
    use crate::duty::{handover, requests, roster, shifts};
    let mut out = String::from(
        "// 由核心的枚举在 cargo test 时生成，请勿手改：界面、纸面与报表说同一个词。\n\
         // Generated from the core's enums by `cargo test`; do not edit.\n",
    );
    let mut types: Vec<&str> = vec![
        "Role",
        "Channel",
        "IntakeKind",
        "CallbackState",
        "NightDecision",
        "EntryState",
        "IntakePeriod",
        "SlipState",
        "SlipAction",
        "Board",
        "FeeKind",
        "Satisfaction",
        "VisitMethod",
        "VisitFollowUp",
        "ComplaintCategory",
        "Validity",
        "Urgency",
        "ComplaintState",
        "ComplaintFilter",
        "DeadlineState",
        "HitKind",
        "ShiftPlace",
        "RosterStatus",
        "ProblemKind",
        "RequestKind",
        "RequestStatus",
        "HandoverKind",
        "ItemState",
        "Party",
        "PeriodKind",
        "BackupReason",
        "ResidentKind",
        "KeyState",
        "GoodsPassState",
        "HotWorkState",
        "EntryPassState",
        "IdKind",
        "RegisterKind",
        "CheckKind",
        "Finding",
        "CoverKind",
    ];
    types.sort_unstable();
    for t in types {
        out.push_str(&format!("import type {{ {t} }} from '../bindings/{t}'\n"));
    }
    out.push('\n');
    labels!(out,
        crate::base::role::Role => "ROLE_LABELS",
        crate::setup::residents::ResidentKind => "RESIDENT_KIND_LABELS",
        intake::Channel => "CHANNEL_LABELS",
        intake::IntakeKind => "INTAKE_KIND_LABELS",
        intake::CallbackState => "CALLBACK_STATE_LABELS",
        intake::NightDecision => "NIGHT_DECISION_LABELS",
        intake::EntryState => "ENTRY_STATE_LABELS",
        intake::IntakePeriod => "INTAKE_PERIOD_LABELS",
        slips::SlipState => "SLIP_STATE_LABELS",
        slips::SlipAction => "SLIP_ACTION_LABELS",
        slips::Board => "BOARD_LABELS",
        slips::FeeKind => "FEE_KIND_LABELS",
        visits::Satisfaction => "SATISFACTION_LABELS",
        visits::VisitMethod => "VISIT_METHOD_LABELS",
        visits::VisitFollowUp => "VISIT_FOLLOW_UP_LABELS",
        complaints::ComplaintCategory => "COMPLAINT_CATEGORY_LABELS",
        complaints::Validity => "VALIDITY_LABELS",
        complaints::Urgency => "URGENCY_LABELS",
        complaints::ComplaintState => "COMPLAINT_STATE_LABELS",
        complaints::ComplaintFilter => "COMPLAINT_FILTER_LABELS",
        deadlines::DeadlineState => "DEADLINE_STATE_LABELS",
        search::HitKind => "HIT_KIND_LABELS",
        shifts::ShiftPlace => "SHIFT_PLACE_LABELS",
        roster::RosterStatus => "ROSTER_STATUS_LABELS",
        roster::check::ProblemKind => "PROBLEM_KIND_LABELS",
        requests::RequestKind => "REQUEST_KIND_LABELS",
        requests::RequestStatus => "REQUEST_STATUS_LABELS",
        handover::HandoverKind => "HANDOVER_KIND_LABELS",
        handover::ItemState => "ITEM_STATE_LABELS",
        handover::Party => "PARTY_LABELS",
        crate::paper::reports::PeriodKind => "PERIOD_KIND_LABELS",
        crate::store::backup::BackupReason => "BACKUP_REASON_LABELS",
        crate::desk::keys::KeyState => "KEY_STATE_LABELS",
        crate::desk::registers::goods_passes::GoodsPassState => "GOODS_PASS_STATE_LABELS",
        crate::desk::registers::hot_work::HotWorkState => "HOT_WORK_STATE_LABELS",
        crate::desk::registers::entry_passes::EntryPassState => "ENTRY_PASS_STATE_LABELS",
        crate::desk::registers::entry_passes::IdKind => "ID_KIND_LABELS",
        crate::desk::search::registers::RegisterKind => "REGISTER_KIND_LABELS",
        crate::duty::checks::CheckKind => "CHECK_KIND_LABELS",
        crate::duty::checks::Finding => "FINDING_LABELS",
        crate::duty::on_duty::CoverKind => "COVER_KIND_LABELS",
    );
    out.push_str(&format!("/** What a complaint's validity reads before the supervisor judges it. */\nexport const UNJUDGED = '{}'\n", complaints::UNJUDGED));
    out
}

#[test]
fn the_typescript_client_and_policy_are_written_for_every_operation() {
    let ops = ops_ts();
    let policy = policy_ts();
    for op in OPERATIONS {
        assert!(
            ops.contains(&format!("export const {} =", camel(op.name))),
            "no TS function for {}",
            op.name
        );
        assert!(
            ops.contains(&format!("('{}',", op.name)),
            "the TS function of {} calls another name",
            op.name
        );
        assert!(
            policy.contains(&format!("  {}: ", op.name)),
            "no policy row for {}",
            op.name
        );
    }
    write_if_changed(&ui_api().join("ops.ts"), &ops);
    write_if_changed(&ui_api().join("labels.ts"), &labels_ts());
    write_if_changed(&ui_api().join("policy.ts"), &policy);
}
