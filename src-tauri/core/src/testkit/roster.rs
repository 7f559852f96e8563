//! A covered month for the duty tests: the desk's receptionists and technicians on rotations
//! that leave no minute without someone on duty.

use crate::base::ctx::Actor;
use crate::duty::roster::{self, RotationInput};
use crate::store::Store;
use crate::testkit::{day, Desk};

impl Desk {
    /// Receptionists on 白+中,白,休 (one keeps the noon duty each day) and technicians on
    /// 夜,休,休: every minute and every shift covered.
    pub fn fill_full(&mut self, month: &str, now: &str) {
        let ctx = self.as_boss(now);
        let _ = roster::create(&mut self.store, &ctx, month);
        roster::fill_rotation(
            &mut self.store,
            &ctx,
            RotationInput {
                month: month.into(),
                staff_ids: self.receptionists.iter().map(|a| a.id).collect(),
                pattern: vec!["白+中".into(), "白".into(), "休".into()],
            },
        )
        .unwrap();
        roster::fill_rotation(
            &mut self.store,
            &ctx,
            RotationInput {
                month: month.into(),
                staff_ids: self.technicians.iter().map(|a| a.id).collect(),
                pattern: vec!["夜".into(), "休".into(), "休".into()],
            },
        )
        .unwrap();
    }

    /// A full, published roster for `month`.
    pub fn publish_full(&mut self, month: &str, now: &str) {
        self.fill_full(month, now);
        let ctx = self.as_boss(now);
        roster::publish(&mut self.store, &ctx, month).unwrap();
    }

    /// The technician on night duty on `day` in the rotation above.
    pub fn night_tech(&mut self, d: &str) -> Actor {
        let ctx = self.as_boss("2026-11-20 10:00");
        let v = crate::duty::on_duty::on_duty(&mut self.store, &ctx, Some(format!("{d} 23:00")))
            .unwrap();
        let id = v
            .people
            .iter()
            .find(|p| p.shift_code == "夜")
            .expect("a night technician")
            .staff
            .id;
        self.technicians
            .iter()
            .find(|t| t.id == id)
            .unwrap()
            .clone()
    }

    /// `staff` has no shift on `d`, nor a night the evening before.
    pub fn night_tech_free(&mut self, staff: i64, d: &str) -> bool {
        let ctx = self.as_boss("2026-11-20 10:00");
        let prev = (day(d) - chrono::Duration::days(1))
            .format("%Y-%m-%d")
            .to_string();
        let busy = |store: &mut Store, t: String| {
            crate::duty::on_duty::on_duty(store, &ctx, Some(t))
                .unwrap()
                .people
                .iter()
                .any(|p| p.staff.id == staff)
        };
        !busy(&mut self.store, format!("{d} 23:00"))
            && !busy(&mut self.store, format!("{prev} 23:00"))
            && !busy(&mut self.store, format!("{d} 12:00"))
    }
}
