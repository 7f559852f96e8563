//! Who is acting and when. Time is an argument: the shell reads the wall clock once per
//! call, tests and the CLI's `--now` set it, and nothing deeper ever calls `now()`.

use chrono::{NaiveDateTime, Timelike};

use crate::base::error::{Error, Result};
use crate::base::ids::StaffId;
use crate::base::role::Role;

/// The logged-in user, stamped on every record they make.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Actor {
    pub id: StaffId,
    pub login: String,
    pub name: String,
    pub role: Role,
}

/// Where a long operation says how far it has got (the shell shows it in the window; the CLI and
/// the tests listen to nobody): a step in Chinese and the fraction done, 0.0–1.0.
#[derive(Clone, Default)]
pub struct Progress(Option<std::sync::Arc<dyn Fn(&str, f32) + Send + Sync>>);

impl Progress {
    pub fn to(f: impl Fn(&str, f32) + Send + Sync + 'static) -> Progress {
        Progress(Some(std::sync::Arc::new(f)))
    }

    /// Tells the listener, if any: `step` in Chinese, `fraction` 0.0–1.0.
    pub fn say(&self, step: &str, fraction: f32) {
        if let Some(f) = &self.0 {
            f(step, fraction.clamp(0.0, 1.0));
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Progress(listened)"
        } else {
            "Progress(none)"
        })
    }
}

/// The context of one operation.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub now: NaiveDateTime,
    pub actor: Option<Actor>,
    pub progress: Progress,
}

impl Ctx {
    /// A context with a user; seconds below one are dropped so stored times compare cleanly.
    pub fn new(now: NaiveDateTime, actor: Option<Actor>) -> Self {
        Ctx {
            now: now.with_nanosecond(0).unwrap_or(now),
            actor,
            progress: Progress::default(),
        }
    }

    /// The same context, with someone listening to its progress.
    pub fn with_progress(mut self, progress: Progress) -> Self {
        self.progress = progress;
        self
    }

    /// Says how far a long operation has got: `step` in Chinese, `fraction` 0.0–1.0.
    pub fn step(&self, step: &str, fraction: f32) {
        self.progress.say(step, fraction);
    }

    pub fn as_user(now: NaiveDateTime, actor: Actor) -> Self {
        Self::new(now, Some(actor))
    }

    /// The acting user, or `NotLoggedIn`.
    pub fn actor(&self) -> Result<&Actor> {
        self.actor.as_ref().ok_or(Error::NotLoggedIn)
    }

    /// The acting user if their role is one of `roles`, else a Chinese refusal naming `what`.
    pub fn require(&self, roles: &[Role], what: &str) -> Result<&Actor> {
        let actor = self.actor()?;
        if roles.contains(&actor.role) {
            Ok(actor)
        } else {
            let allowed: Vec<&str> = roles.iter().map(|r| r.label()).collect();
            Err(Error::forbidden(format!(
                "{}（{}）无权{}；需要：{}",
                actor.name,
                actor.role.label(),
                what,
                allowed.join("、")
            )))
        }
    }
}

/// The office's wall clock: China Standard Time, UTC+8, with no daylight saving.
pub fn china_now() -> NaiveDateTime {
    let offset = chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset");
    chrono::Utc::now().with_timezone(&offset).naive_local()
}

/// The stored text form of a time: `YYYY-MM-DD HH:MM:SS`, sortable as text.
pub const TIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S";
