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

pub mod accounts;
pub mod audit;
pub mod categories;
pub mod coded;
pub mod complaints;
pub mod ctx;
pub mod deadlines;
pub mod departments;
pub mod duty;
pub mod duty_settings;
pub mod error;
pub mod handover;
pub mod import;
pub mod intake;
pub mod office;
pub mod open_items;
pub mod phone;
pub mod print;
pub mod reports;
pub mod requests;
pub mod residents;
pub mod return_visits;
pub mod role;
pub mod rooms;
pub mod roster;
pub mod search;
pub mod serials;
pub mod setup;
pub mod shifts;
pub mod slips;
pub mod staff;
pub mod store;
pub mod synthetic;
pub mod validate;
pub mod when;

#[cfg(test)]
pub(crate) mod intake_fixture;

#[cfg(test)]
pub(crate) mod duty_fixture;
#[cfg(test)]
mod test_desk;

pub use ctx::{Actor, Ctx};
pub use error::{Error, Result};
pub use store::Store;
