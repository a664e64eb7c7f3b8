//! SeaORM entities, one file per table. The schema itself lives in the `migration` crate.

pub mod audit_log;
pub mod refresh_tokens;
pub mod users;
