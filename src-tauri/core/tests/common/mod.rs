//! Helpers the integration tests share, one module per test family.
#![allow(dead_code)]

pub mod foundation;
pub mod import;
