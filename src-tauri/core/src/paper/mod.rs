//! What leaves the app on paper or as a file: the printed forms and the period reports (with
//! their Excel export). Paper only renders: it asks each concept for its records and its words.

pub mod print;
pub mod reports;

#[cfg(test)]
mod privacy_tests;
