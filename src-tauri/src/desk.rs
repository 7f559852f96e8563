//! The app's managed state: the open store, who is logged in, and whether the database can be
//! used at all. Commands go through `Desk::run_with`, which builds the context (the wall clock is
//! read here, at the edge) and turns core errors into `{kind, message, field}` for the UI.
//!
//! At start the file is opened by the core's safe rules (a missing file with backups beside, a
//! damaged, foreign or newer file is never replaced by a new office) and then `quick_check`ed on
//! a connection of its own, so the window appears at once; logging in waits for the check. A
//! file that fails either way puts the window on the recovery screen instead of the login.

use std::path::PathBuf;
use std::sync::Mutex;

use frontdesk_core::base::ctx::Progress;
use frontdesk_core::base::error::{ErrorView, Unusable};
use frontdesk_core::store::backup::{self, KeepAs, Restored};
use frontdesk_core::{base::ctx, Actor, Ctx, Error, Store};
use serde::Serialize;

pub type Reply<T> = Result<T, ErrorView>;

/// Where the database stands.
enum Health {
    /// Open; the start-up check is still running (logging in waits).
    Checking(Store),
    Ready(Store),
    /// Cannot be used as it is: the recovery screen says why.
    Broken {
        problem: Unusable,
        message: String,
    },
}

pub struct Desk {
    pub db_path: PathBuf,
    health: Mutex<Health>,
    /// A second connection for long reads (backups, 验证数据, year reports), so the desk's own
    /// connection is never held while they run.
    beside: Mutex<Option<Store>>,
    session: Mutex<Session>,
}

#[derive(Default)]
struct Session {
    actor: Option<Actor>,
    /// The idle lock: the user stays known, but nothing runs until they re-enter their password.
    locked: bool,
}

/// What the window shows first: the login (ready), a wait (checking) or the recovery screen.
#[derive(Serialize)]
pub struct Startup {
    /// "checking", "ready" or "recovery".
    state: &'static str,
    /// db_missing / db_damaged / db_newer / db_cannot_open when in recovery.
    problem: Option<String>,
    message: String,
    db_path: String,
    read_only: bool,
    /// Backups of this database, newest first, with their manifests (for the recovery screen).
    backups: Vec<backup::BackupInfo>,
}

fn broken(e: Error) -> Health {
    match e {
        Error::Unusable { problem, message } => Health::Broken { problem, message },
        other => Health::Broken {
            problem: Unusable::CannotOpen,
            message: other.to_string(),
        },
    }
}

thread_local! {
    /// How long this thread's current operation has waited for a connection (for the op log).
    static WAITED_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Locks `m`, counting the wait towards this thread's operation.
fn lock_timed<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    let asked = std::time::Instant::now();
    let guard = lock(m);
    WAITED_MS.set(WAITED_MS.get() + asked.elapsed().as_secs_f64() * 1000.0);
    guard
}

/// How long this thread waited for connections since the last call, in ms (then starts again).
pub fn take_wait_ms() -> f64 {
    WAITED_MS.replace(0.0)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Desk {
    pub fn open(db_path: PathBuf) -> Desk {
        let health = match Store::open_or_create(&db_path) {
            Ok(store) => Health::Checking(store),
            Err(e) => broken(e),
        };
        Desk {
            db_path,
            health: Mutex::new(health),
            beside: Mutex::new(None),
            session: Mutex::new(Session::default()),
        }
    }

    /// The start-up `quick_check`, on a connection of its own (run on a background thread).
    pub fn check_at_start(&self) {
        if !matches!(*lock(&self.health), Health::Checking(_)) {
            return;
        }
        let verdict = Store::open(&self.db_path).and_then(|s| s.quick_check());
        let mut h = lock(&self.health);
        let current = std::mem::replace(
            &mut *h,
            Health::Broken {
                problem: Unusable::CannotOpen,
                message: String::new(),
            },
        );
        *h = match (current, verdict) {
            (Health::Checking(store), Ok(())) => Health::Ready(store),
            (Health::Checking(_), Err(e)) => broken(e),
            (other, _) => other,
        };
    }

    pub fn startup(&self) -> Startup {
        let h = lock(&self.health);
        let (state, problem, message, read_only) = match &*h {
            Health::Checking(s) => (
                "checking",
                None,
                "正在检查数据库……".to_string(),
                s.is_read_only(),
            ),
            Health::Ready(s) => ("ready", None, String::new(), s.is_read_only()),
            Health::Broken { problem, message } => (
                "recovery",
                Some(problem.kind().to_string()),
                message.clone(),
                false,
            ),
        };
        drop(h);
        let backups = if state == "recovery" {
            backup::list(&self.db_path, &backup::BackupSettings::default())
                .backups
                .into_iter()
                .filter(|b| b.manifest.is_some())
                .collect()
        } else {
            Vec::new()
        };
        Startup {
            state,
            problem,
            message,
            db_path: self.db_path.display().to_string(),
            read_only,
            backups,
        }
    }

    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, Error>) -> Reply<T> {
        let mut h = lock_timed(&self.health);
        match &mut *h {
            Health::Ready(store) | Health::Checking(store) => f(store).map_err(|e| e.to_view()),
            Health::Broken { problem, message } => Err(ErrorView {
                kind: problem.kind().into(),
                message: message.clone(),
                field: None,
                fields: Vec::new(),
            }),
        }
    }

    fn actor_for_work(&self) -> Reply<Option<Actor>> {
        let s = lock(&self.session);
        if s.locked {
            return Err(Error::NotLoggedIn.to_view());
        }
        Ok(s.actor.clone())
    }

    /// Runs a core operation as the logged-in user, now, telling `progress` how far it gets.
    pub fn run_with<T>(
        &self,
        progress: Progress,
        f: impl FnOnce(&mut Store, &Ctx) -> Result<T, Error>,
    ) -> Reply<T> {
        let ctx = Ctx::new(ctx::china_now(), self.actor_for_work()?).with_progress(progress);
        self.with_store(|store| f(store, &ctx))
    }

    /// Runs a long read on the second connection, so the desk's own stays free.
    pub fn run_beside<T>(
        &self,
        progress: Progress,
        f: impl FnOnce(&mut Store, &Ctx) -> Result<T, Error>,
    ) -> Reply<T> {
        let ctx = Ctx::new(ctx::china_now(), self.actor_for_work()?).with_progress(progress);
        self.with_store(|_| Ok(()))?;
        let mut side = lock_timed(&self.beside);
        if side.is_none() {
            *side = Some(Store::open(&self.db_path).map_err(|e| e.to_view())?);
        }
        let store = side.as_mut().expect("opened above");
        f(store, &ctx).map_err(|e| e.to_view())
    }

    /// `PRAGMA optimize` on the desk's connection (when the app closes); a failure changes
    /// nothing for the user and is left for the next close.
    pub fn optimize(&self) {
        let _ = self.with_store(|s| s.optimize());
    }

    /// After the file was replaced (a restore), the second connection points at the old one.
    pub fn forget_beside(&self) {
        *lock(&self.beside) = None;
    }

    /// Runs an operation that needs no login (first run, logging in). Logging in waits for the
    /// start-up check.
    pub fn run_open<T>(
        &self,
        f: impl FnOnce(&mut Store, chrono::NaiveDateTime) -> Result<T, Error>,
    ) -> Reply<T> {
        if matches!(*lock(&self.health), Health::Checking(_)) {
            return Err(ErrorView {
                kind: "checking".into(),
                message: "正在检查数据库，请稍候几秒再登录".into(),
                field: None,
                fields: Vec::new(),
            });
        }
        self.with_store(|store| f(store, ctx::china_now()))
    }

    /// The recovery screen's restore: the damaged (or missing) file is replaced by the backup,
    /// the damaged one kept as `.damaged-<time>`.
    pub fn recover_from(&self, file: PathBuf) -> Reply<Restored> {
        let mut h = lock(&self.health);
        if !matches!(*h, Health::Broken { .. }) {
            return Err(Error::conflict(
                "file",
                "数据库没有问题，不需要从这里恢复；恢复请到 设置 › 数据安全",
            )
            .to_view());
        }
        let done = backup::restore(
            &self.db_path,
            &file,
            ctx::china_now(),
            None,
            KeepAs::Damaged,
            &Progress::default(),
        )
        .map_err(|e| e.to_view())?;
        *h = match Store::open(&self.db_path) {
            Ok(store) => Health::Ready(store),
            Err(e) => broken(e),
        };
        drop(h);
        self.forget_beside();
        Ok(done)
    }

    /// The recovery screen's last resort when no backup helps: the broken file is kept aside as
    /// `.damaged-<time>` (never deleted) and a new, empty office is started (the first-run wizard).
    pub fn start_over(&self) -> Reply<String> {
        let mut h = lock(&self.health);
        if !matches!(*h, Health::Broken { .. }) {
            return Err(Error::conflict("db", "数据库没有问题，不能重新开始").to_view());
        }
        let stamp = ctx::china_now().format("%Y%m%d-%H%M%S");
        let mut kept = String::new();
        if self.db_path.exists() {
            let aside = PathBuf::from(format!("{}.damaged-{stamp}", self.db_path.display()));
            std::fs::rename(&self.db_path, &aside).map_err(|e| Error::Io(e).to_view())?;
            for suffix in ["-wal", "-shm"] {
                let side = PathBuf::from(format!("{}{suffix}", self.db_path.display()));
                if side.exists() {
                    let _ = std::fs::rename(&side, format!("{}{suffix}", aside.display()));
                }
            }
            kept = aside.display().to_string();
        }
        *h = match Store::create(&self.db_path) {
            Ok(store) => Health::Ready(store),
            Err(e) => broken(e),
        };
        Ok(kept)
    }

    /// Whether backups may run now (a usable, writable file).
    pub fn can_back_up(&self) -> bool {
        matches!(&*lock(&self.health), Health::Ready(s) if !s.is_read_only())
    }

    pub fn set_actor(&self, actor: Option<Actor>) {
        let mut s = lock(&self.session);
        s.actor = actor;
        s.locked = false;
    }

    pub fn actor(&self) -> Option<Actor> {
        lock(&self.session).actor.clone()
    }

    pub fn set_locked(&self, locked: bool) {
        lock(&self.session).locked = locked;
    }
}

/// `--db PATH` on the app's command line, else FRONTDESK_DB, else the per-user data directory.
pub fn db_path_from_args() -> PathBuf {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let flag = args
        .iter()
        .position(|a| a == "--db")
        .and_then(|i| args.get(i + 1).cloned())
        .or_else(|| {
            args.iter()
                .find_map(|a| a.strip_prefix("--db=").map(str::to_string))
        });
    frontdesk_core::store::resolve_db_path(flag.as_deref())
}
