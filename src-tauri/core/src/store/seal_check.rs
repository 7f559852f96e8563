//! 验证数据 (R-DATA-4): recomputes the whole tamper-evident chain (`base::seal`) and says
//! what it found — how many seals and records were checked, the head, the first broken link
//! (table, record, serial, expected and stored hash), and whether the head agrees with the
//! newest backup's manifest, the copy of the head kept outside the database.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::Result;
use crate::base::seal::{self, Head, Sealable, AUDIT, GENESIS, RECORDS};
use crate::store::backup::{self, manifest};
use crate::store::Store;

/// Breaks listed at most; the first is what matters, the count says how bad it is.
const MAX_LISTED: usize = 20;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Break {
    pub table: String,
    /// 操作日志 / 派工单 / 投诉 / 交接班记录 / 封存链.
    pub label: String,
    pub record_id: i64,
    pub serial: String,
    /// What is wrong, in Chinese.
    pub problem: String,
    pub expected: String,
    pub stored: String,
}

/// The head compared with the newest backup's manifest.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OutsideHead {
    pub file: String,
    pub created_at: String,
    pub seals: i64,
    pub hash: String,
    pub matches: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ChainReport {
    pub ok: bool,
    /// Seals whose links were recomputed.
    pub seals_checked: i64,
    /// Records and audit rows whose content was recomputed.
    pub records_checked: i64,
    pub head: Head,
    /// The short form printed on forms: 封存链 N · xxxxxxxx.
    pub head_short: String,
    pub breaks_total: i64,
    /// The first breaks found, in chain order.
    pub breaks: Vec<Break>,
    pub outside: Option<OutsideHead>,
    /// One sentence for the screen and the CLI.
    pub summary: String,
    pub millis: u64,
}

struct Found {
    breaks: Vec<Break>,
    total: i64,
}

impl Found {
    fn add(&mut self, b: Break) {
        self.total += 1;
        if self.breaks.len() < MAX_LISTED {
            self.breaks.push(b);
        }
    }
}

fn serial_of(tx: &Transaction, what: &Sealable, id: i64) -> String {
    tx.query_row(
        &format!(
            "SELECT CAST({} AS TEXT) FROM {} WHERE id = ?1",
            what.serial, what.table
        ),
        [id],
        |r| r.get::<_, String>(0),
    )
    .optional()
    .ok()
    .flatten()
    .unwrap_or_default()
}

/// Walks the chain of the open database (any logged-in user may; it only reads).
pub fn verify(store: &mut Store, ctx: &Ctx) -> Result<ChainReport> {
    ctx.actor()?;
    check(store)
}

/// The walk itself, for the CLI's `verify` and tests.
pub fn check(store: &mut Store) -> Result<ChainReport> {
    let started = Instant::now();
    let db = store.path().map(Path::to_path_buf);
    let mut found = Found {
        breaks: Vec::new(),
        total: 0,
    };
    let (seals_checked, records_checked, head) = store.read(|tx| {
        // 1. Every link, in order, without gaps.
        let mut latest: HashMap<(String, i64), (i64, String)> = HashMap::new();
        let mut prev = GENESIS.to_string();
        let mut expected_id = 1;
        let mut n = 0i64;
        {
            let mut stmt = tx.prepare("SELECT id, entity, record_id, content_hash, hash FROM seals ORDER BY id")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (id, entity, record, content, hash): (i64, String, i64, String, String) =
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
                n += 1;
                if id != expected_id {
                    found.add(Break {
                        table: "seals".into(),
                        label: "封存链".into(),
                        record_id: expected_id,
                        serial: String::new(),
                        problem: format!("封存记录 {expected_id} 到 {} 缺失（被删除）", id - 1),
                        expected: format!("第 {expected_id} 条"),
                        stored: format!("第 {id} 条"),
                    });
                }
                let should = seal::link(&prev, &entity, record, &content);
                if should != hash {
                    let what = seal::sealable(&entity).unwrap_or(&AUDIT);
                    found.add(Break {
                        table: entity.clone(),
                        label: what.label.into(),
                        record_id: record,
                        serial: serial_of(tx, what, record),
                        problem: format!("封存记录 {id} 的链接值不对（封存记录被改动）"),
                        expected: should,
                        stored: hash.clone(),
                    });
                }
                latest.insert((entity, record), (id, content));
                prev = hash;
                expected_id = id + 1;
            }
        }
        // 2. Every audit row sealed and unchanged; every sealed audit row still there.
        let mut records = 0i64;
        let audit_ids: Vec<i64> = tx
            .prepare("SELECT id FROM audit_log ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in &audit_ids {
            records += 1;
            let now = seal::content_hash(tx, &AUDIT, *id)?.unwrap_or_default();
            match latest.get(&("audit_log".to_string(), *id)) {
                None => found.add(Break {
                    table: "audit_log".into(),
                    label: AUDIT.label.into(),
                    record_id: *id,
                    serial: id.to_string(),
                    problem: "操作日志没有封存（可能是绕过本程序直接写入的）".into(),
                    expected: "（应有封存）".into(),
                    stored: now,
                }),
                Some((_, sealed)) if *sealed != now => found.add(Break {
                    table: "audit_log".into(),
                    label: AUDIT.label.into(),
                    record_id: *id,
                    serial: id.to_string(),
                    problem: "操作日志的内容被改动".into(),
                    expected: sealed.clone(),
                    stored: now,
                }),
                _ => {}
            }
        }
        // 3. Every sealed record as sealed last, still there; every record due a seal sealed.
        let mut keys: Vec<(&(String, i64), &(i64, String))> =
            latest.iter().filter(|((e, _), _)| e != "audit_log").collect();
        keys.sort_by_key(|(_, (seal_id, _))| *seal_id);
        let audit_set: std::collections::HashSet<i64> = audit_ids.iter().copied().collect();
        for ((entity, id), (_, sealed)) in latest.iter().filter(|((e, _), _)| e == "audit_log") {
            let _ = entity;
            if !audit_set.contains(id) {
                found.add(Break {
                    table: "audit_log".into(),
                    label: AUDIT.label.into(),
                    record_id: *id,
                    serial: id.to_string(),
                    problem: "已封存的操作日志被删除".into(),
                    expected: sealed.clone(),
                    stored: "（不存在）".into(),
                });
            }
        }
        for ((entity, id), (_, sealed)) in keys {
            let Some(what) = RECORDS.iter().find(|s| s.table == entity) else {
                continue;
            };
            records += 1;
            match seal::content_hash(tx, what, *id)? {
                None => found.add(Break {
                    table: entity.clone(),
                    label: what.label.into(),
                    record_id: *id,
                    serial: String::new(),
                    problem: format!("已封存的{}被删除", what.label),
                    expected: sealed.clone(),
                    stored: "（不存在）".into(),
                }),
                Some(now) if now != *sealed => found.add(Break {
                    table: entity.clone(),
                    label: what.label.into(),
                    record_id: *id,
                    serial: serial_of(tx, what, *id),
                    problem: format!("已封存的{}内容被改动", what.label),
                    expected: sealed.clone(),
                    stored: now,
                }),
                _ => {}
            }
        }
        for what in RECORDS {
            let unsealed: Vec<i64> = tx
                .prepare(&format!(
                    "SELECT r.id FROM {t} r WHERE ({w}) AND NOT EXISTS (SELECT 1 FROM seals s WHERE s.entity = '{t}' AND s.record_id = r.id) ORDER BY r.id",
                    t = what.table,
                    w = what.sealed_when
                ))?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in unsealed {
                found.add(Break {
                    table: what.table.into(),
                    label: what.label.into(),
                    record_id: id,
                    serial: serial_of(tx, what, id),
                    problem: format!("{}已办结却没有封存（可能是绕过本程序直接改成办结的）", what.label),
                    expected: "（应有封存）".into(),
                    stored: String::new(),
                });
            }
        }
        Ok((n, records, seal::head(tx)?))
    })?;
    // 4. The head against the newest backup taken since the last restore.
    let outside = match &db {
        Some(db) => outside_head(store, db, &head, &mut found)?,
        None => None,
    };
    let ok = found.total == 0;
    let summary = if ok {
        format!(
            "数据完好：核对了 {seals_checked} 条封存、{records_checked} 条记录，没有发现改动{}",
            match &outside {
                Some(o) => format!("；与 {} 的备份一致", o.created_at),
                None =>
                    "（还没有可以对照链头的备份：恢复之前的备份不算；下次备份后再验证即可）".into(),
            }
        )
    } else {
        let first = &found.breaks[0];
        format!(
            "发现 {} 处问题。第一处：{} {}（第 {} 号{}）：{}",
            found.total,
            first.label,
            if first.serial.is_empty() {
                String::new()
            } else {
                first.serial.clone()
            },
            first.record_id,
            if first.table == "seals" {
                "封存"
            } else {
                "记录"
            },
            first.problem
        )
    };
    Ok(ChainReport {
        ok,
        seals_checked,
        records_checked,
        head_short: head.short(),
        head,
        breaks_total: found.total,
        breaks: found.breaks,
        outside,
        summary,
        millis: started.elapsed().as_millis() as u64,
    })
}

fn outside_head(
    store: &mut Store,
    db: &Path,
    head: &Head,
    found: &mut Found,
) -> Result<Option<OutsideHead>> {
    // Backups before the last restore belong to a history the office chose to leave.
    let (restored_at, settings): (Option<String>, _) = store.read(|tx| {
        let at = tx
            .query_row(
                "SELECT at FROM backup_runs WHERE reason = 'restore' ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok((at, backup::settings_of(tx)?))
    })?;
    let list = backup::list(db, &settings);
    let newest = list.backups.iter().find_map(|b| {
        let m = b.manifest.as_ref()?;
        let after_restore = restored_at
            .as_deref()
            .is_none_or(|r| m.created_at.as_str() > r);
        after_restore.then(|| (b.file.clone(), m.clone()))
    });
    let Some((file, m)) = newest else {
        return Ok(None);
    };
    let _ = manifest::FORMAT;
    let stored: Option<String> = store.read(|tx| {
        Ok(tx
            .query_row(
                "SELECT hash FROM seals WHERE id = ?1",
                [m.seals.seals],
                |r| r.get(0),
            )
            .optional()?)
    })?;
    let matches = m.seals.seals == 0 || stored.as_deref() == Some(m.seals.hash.as_str());
    if !matches {
        let problem = if m.seals.seals > head.seals {
            format!(
                "数据库的封存链只有 {} 条，比 {} 的备份（{} 条）还短：最新的记录被删除了",
                head.seals, m.created_at, m.seals.seals
            )
        } else {
            format!("封存链与 {} 的备份记下的链头不一致", m.created_at)
        };
        found.add(Break {
            table: "seals".into(),
            label: "封存链".into(),
            record_id: m.seals.seals,
            serial: String::new(),
            problem,
            expected: m.seals.hash.clone(),
            stored: stored.unwrap_or_else(|| "（不存在）".into()),
        });
    }
    Ok(Some(OutsideHead {
        file,
        created_at: m.created_at,
        seals: m.seals.seals,
        hash: m.seals.hash,
        matches,
    }))
}
