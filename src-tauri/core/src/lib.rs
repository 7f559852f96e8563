//! frontdesk-core: the rules, the store, printing and export of 物业客服前台.
//! No GUI here: the Tauri shell and the CLI are thin layers over these functions.
//!
//! Conventions (see README "Design"):
//! - Each domain module exposes functions `fn op(store: &mut Store, ctx: &Ctx, input) -> Result<T>`;
//!   the function checks the role, then runs its whole body in one `store.write` transaction,
//!   writing the audit log in that same transaction.
//! - Time comes from `ctx.now`; nothing here reads the clock.
//! - Inputs are `*Input` structs (Deserialize), outputs plain structs (Serialize); both derive
//!   `ts_rs::TS` so the UI's TypeScript types are generated from them (`ui/src/bindings`).

pub mod api;
pub mod base;
pub mod desk;
pub mod duty;
pub mod paper;
pub mod setup;
pub mod store;
pub mod synthetic;

/// The one test office (tests only; `tests/` turn it on with the `testkit` feature).
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;

pub use base::ctx::{self, Actor, Ctx};
pub use base::error::{self, Error, Result};
pub use store::Store;
