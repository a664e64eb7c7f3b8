//! Building blocks shared by pages.

pub mod bell;
pub mod chart;
pub mod conversation;
pub mod filters;
pub mod forbidden;
pub mod live;
pub mod pager;
pub mod shell;
pub mod stats;
