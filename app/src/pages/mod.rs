//! One module per page, named after its route.

pub mod account;
pub mod assistant;
pub mod audit;
pub mod conversations;
pub mod customers;
pub mod figures;
pub mod home;
pub mod inboxes;
pub mod knowledge;
pub mod login;
pub mod not_found;
pub mod notifications;
pub mod settings;
pub mod system;
pub mod tickets;
pub mod users;
