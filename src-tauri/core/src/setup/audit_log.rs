//! 操作日志: the audit log as supervisors and managers read it in 设置 (who did what, when, to
//! which record). Writing it is `base::audit::record`, inside every change's own transaction.

use serde::Serialize;
use ts_rs::TS;

use crate::base::ctx::Ctx;
use crate::base::error::Result;
use crate::base::role::ACCOUNT_ADMINS;
use crate::store::Store;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor_name: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub summary: String,
}

/// The newest entries first; supervisors and managers only.
pub fn list(store: &mut Store, ctx: &Ctx, limit: i64) -> Result<Vec<AuditEntry>> {
    ctx.require(ACCOUNT_ADMINS, "查看操作日志")?;
    store.read(|tx| {
        let mut st = tx.prepare(
            "SELECT id, at, actor_name, action, entity, entity_id, summary FROM audit_log ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = st
            .query_map([limit.clamp(1, 1000)], |r| {
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    actor_name: r.get(2)?,
                    action: r.get(3)?,
                    entity: r.get(4)?,
                    entity_id: r.get(5)?,
                    summary: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    })
}
