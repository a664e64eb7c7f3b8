//! Building blocks shared by pages.

pub mod forbidden;
pub mod live;
pub mod shell;
