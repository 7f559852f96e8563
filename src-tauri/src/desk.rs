//! The app's managed state: the open store and who is logged in. Commands go through
//! `Desk::run`, which builds the context (the wall clock is read here, at the edge) and turns
//! core errors into `{kind, message, field}` for the UI.

use std::path::PathBuf;
use std::sync::Mutex;

use frontdesk_core::base::ctx::Progress;
use frontdesk_core::base::error::ErrorView;
use frontdesk_core::{base::ctx, Actor, Ctx, Error, Store};

pub type Reply<T> = Result<T, ErrorView>;

pub struct Desk {
    pub db_path: PathBuf,
    store: Mutex<Result<Store, String>>,
    session: Mutex<Session>,
}

#[derive(Default)]
struct Session {
    actor: Option<Actor>,
    /// The idle lock: the user stays known, but nothing runs until they re-enter their password.
    locked: bool,
}

impl Desk {
    pub fn open(db_path: PathBuf) -> Desk {
        let store =
            Store::open(&db_path).map_err(|e| format!("无法打开数据库 {}:{e}", db_path.display()));
        Desk {
            db_path,
            store: Mutex::new(store),
            session: Mutex::new(Session::default()),
        }
    }

    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, Error>) -> Reply<T> {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        match guard.as_mut() {
            Ok(store) => f(store).map_err(|e| e.to_view()),
            Err(msg) => Err(ErrorView {
                kind: "storage".into(),
                message: msg.clone(),
                field: None,
            }),
        }
    }

    /// Runs a core operation as the logged-in user, now, telling `progress` how far it gets.
    pub fn run_with<T>(
        &self,
        progress: Progress,
        f: impl FnOnce(&mut Store, &Ctx) -> Result<T, Error>,
    ) -> Reply<T> {
        let actor = {
            let s = self.session.lock().unwrap_or_else(|p| p.into_inner());
            if s.locked {
                return Err(Error::NotLoggedIn.to_view());
            }
            s.actor.clone()
        };
        let ctx = Ctx::new(ctx::china_now(), actor).with_progress(progress);
        self.with_store(|store| f(store, &ctx))
    }

    /// Runs an operation that needs no login (first run, logging in).
    pub fn run_open<T>(
        &self,
        f: impl FnOnce(&mut Store, chrono::NaiveDateTime) -> Result<T, Error>,
    ) -> Reply<T> {
        self.with_store(|store| f(store, ctx::china_now()))
    }

    pub fn set_actor(&self, actor: Option<Actor>) {
        let mut s = self.session.lock().unwrap_or_else(|p| p.into_inner());
        s.actor = actor;
        s.locked = false;
    }

    pub fn actor(&self) -> Option<Actor> {
        self.session
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .actor
            .clone()
    }

    pub fn set_locked(&self, locked: bool) {
        self.session
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .locked = locked;
    }
}

/// `--db PATH` on the app's command line, else FRONTDESK_DB, else the per-user data directory.
pub fn db_path_from_args() -> PathBuf {
    let args: Vec<String> = std::env::args().collect();
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
