//! Writing a generated complaint: its record at the stage it has reached, and its return visit.

use crate::base::error::Result;
use crate::synthetic::records::Entry;
use crate::synthetic::Rng;
use chrono::{Duration, NaiveDateTime};
use rusqlite::params;

use super::*;

impl Writer<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn write_complaint(
        &mut self,
        rng: &mut Rng,
        e: &Entry,
        intake_id: i64,
        opener: i64,
        opened: NaiveDateTime,
        room_id: Option<i64>,
        category: &str,
    ) -> Result<i64> {
        let serial = self.serial("TS", opened);
        let code = match category {
            "服务态度" => "service_attitude",
            "维修质量" => "repair_quality",
            "环境卫生" => "sanitation",
            "秩序安全" => "order_security",
            "收费" => "fees",
            "邻里纠纷" => "neighbour",
            _ => "other",
        };
        let department = match code {
            "repair_quality" => "工程部",
            "sanitation" => "环境部",
            "order_security" => "秩序维护部",
            _ => "客服部",
        };
        let department_id: i64 = self.tx.query_row(
            "SELECT id FROM departments WHERE name = ?1",
            [department],
            |r| r.get(0),
        )?;
        let urgency = match rng.below(100) {
            0..=89 => "normal",
            90..=97 => "urgent",
            _ => "major",
        };
        let escalated = (urgency != "normal").then(|| t(opened));
        let replied = opened + Duration::hours(2 + rng.below(20) as i64);
        let visited = replied + Duration::hours(24);
        let signed = replied + Duration::hours(24 + rng.below(48) as i64);
        // A recent complaint stops at some stage: unjudged and untouched, replied, or visited
        // and waiting for the supervisor's signature.
        let stage = if !self.unfinished(rng, e.at) && signed <= self.now {
            4
        } else {
            let mut stage = rng.below(4);
            if stage >= 3 && visited > self.now {
                stage = 2;
            }
            if stage >= 2 && replied > self.now {
                stage = 0;
            }
            stage
        };
        let finished = stage == 4;
        let answered = stage >= 2;
        let taken_up = escalated.is_some() && (stage >= 1);
        self.complaint.execute(params![
            serial,
            intake_id,
            t(opened),
            opener,
            room_id,
            e.caller_name,
            e.caller_phone,
            code,
            department_id,
            e.content,
            (finished || (answered && rng.chance(50))).then_some(if rng.chance(80) {
                "valid"
            } else {
                "invalid"
            }),
            urgency,
            match stage {
                4 => "signed_off",
                3 => "visited",
                2 => "replied",
                _ => "open",
            },
            escalated,
            taken_up.then(|| t(opened + Duration::minutes(20))),
            taken_up.then_some(self.supervisor),
            t(opened + Duration::hours(24)),
            if answered {
                "已向业主致歉并说明处理结果"
            } else {
                ""
            },
            answered.then(|| t(replied)),
            answered.then_some(opener),
            finished.then(|| t(signed)),
            finished.then_some(self.supervisor),
            if finished {
                "处理完毕，业主认可"
            } else {
                ""
            }
        ])?;
        let id = self.tx.last_insert_rowid();
        if stage >= 3 {
            self.visit.execute(params![
                Option::<i64>::None,
                id,
                t(visited),
                opener,
                "phone",
                "业主表示认可",
                "basic"
            ])?;
        }
        self.counts.complaints += 1;
        Ok(id)
    }
}
