//! Building blocks shared by pages.

pub mod forbidden;
pub mod shell;
