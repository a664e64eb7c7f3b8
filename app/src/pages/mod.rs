//! One module per page, named after its route.

pub mod home;
pub mod login;
pub mod not_found;
pub mod users;
