//! The office profile: names and the document-control fields printed on every form.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::base::ctx::{Ctx, TIME_FORMAT};
use crate::base::error::{Error, FieldErrors, Result};
use crate::base::role::SETUP_EDITORS;
use crate::store::Store;
use crate::{base::audit, base::phone, base::validate};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Office {
    /// 公司名称, e.g. 某某物业服务有限公司.
    pub company_name: String,
    /// 小区名称, e.g. 阳光花园.
    pub estate_name: String,
    /// 客服中心电话.
    pub desk_phone: String,
    /// 文件编号 prefix printed on forms, e.g. KF.
    pub doc_prefix: String,
    /// 版本/修改, e.g. A/0.
    pub doc_version: String,
    /// The screen locks after this many idle minutes.
    pub idle_lock_minutes: i64,
}

impl Office {
    pub(crate) fn cleaned(&self) -> Result<Office> {
        let minutes = self.idle_lock_minutes;
        let mut errors = FieldErrors::default();
        if !(1..=240).contains(&minutes) {
            errors.add("idle_lock_minutes", "自动锁屏时间应在 1 到 240 分钟之间");
        }
        let office = Office {
            company_name: errors.take(validate::required(
                "company_name",
                "公司名称",
                &self.company_name,
                60,
            )),
            estate_name: errors.take(validate::required(
                "estate_name",
                "小区名称",
                &self.estate_name,
                60,
            )),
            desk_phone: errors.take(phone::normalize_optional("desk_phone", &self.desk_phone)),
            doc_prefix: errors.take(validate::required(
                "doc_prefix",
                "文件编号前缀",
                &self.doc_prefix,
                20,
            )),
            doc_version: errors.take(validate::required(
                "doc_version",
                "版本/修改",
                &self.doc_version,
                20,
            )),
            idle_lock_minutes: minutes,
        };
        errors.finish()?;
        Ok(office)
    }
}

pub fn load(tx: &Transaction) -> Result<Option<Office>> {
    Ok(tx
        .query_row(
            "SELECT company_name, estate_name, desk_phone, doc_prefix, doc_version, idle_lock_minutes FROM office WHERE id = 1",
            [],
            |r| {
                Ok(Office {
                    company_name: r.get(0)?,
                    estate_name: r.get(1)?,
                    desk_phone: r.get(2)?,
                    doc_prefix: r.get(3)?,
                    doc_version: r.get(4)?,
                    idle_lock_minutes: r.get(5)?,
                })
            },
        )
        .optional()?)
}

pub fn get(store: &mut Store) -> Result<Office> {
    store.read(|tx| load(tx)?.ok_or_else(|| Error::not_found("office", "尚未完成首次设置")))
}

pub(crate) fn insert(tx: &Transaction, ctx: &Ctx, office: &Office) -> Result<()> {
    let now = ctx.now.format(TIME_FORMAT).to_string();
    tx.execute(
        "INSERT INTO office (id, company_name, estate_name, desk_phone, doc_prefix, doc_version, idle_lock_minutes, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![office.company_name, office.estate_name, office.desk_phone, office.doc_prefix, office.doc_version, office.idle_lock_minutes, now],
    )?;
    Ok(())
}

pub fn update(store: &mut Store, ctx: &Ctx, input: Office) -> Result<Office> {
    ctx.require(SETUP_EDITORS, "修改办公室资料")?;
    let office = input.cleaned()?;
    store.write(|tx| {
        let before = load(tx)?.ok_or_else(|| Error::not_found("office", "尚未完成首次设置"))?;
        tx.execute(
            "UPDATE office SET company_name = ?1, estate_name = ?2, desk_phone = ?3, doc_prefix = ?4, doc_version = ?5,
             idle_lock_minutes = ?6, updated_at = ?7 WHERE id = 1",
            params![office.company_name, office.estate_name, office.desk_phone, office.doc_prefix, office.doc_version,
                    office.idle_lock_minutes, ctx.now.format(TIME_FORMAT).to_string()],
        )?;
        audit::record(tx, ctx, "修改办公室资料", "office", Some(1), &audit::diff(&before, &office))?;
        Ok(office)
    })
}
