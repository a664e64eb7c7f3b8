//! The heart of JoxAI: wire models shared by every crate (always built, also for wasm32) and, with
//! the `server` feature, the entities, services, authentication and configuration.

pub mod model;

#[cfg(feature = "server")]
pub mod analytics;
#[cfg(feature = "server")]
pub mod answers;
#[cfg(feature = "server")]
pub mod assistant;
#[cfg(feature = "server")]
pub mod audit;
#[cfg(feature = "server")]
pub mod auth;
#[cfg(feature = "server")]
pub mod canned;
#[cfg(feature = "server")]
pub mod chat;
#[cfg(feature = "server")]
pub mod config;
#[cfg(feature = "server")]
pub mod conversations;
#[cfg(feature = "server")]
pub mod customers;
#[cfg(feature = "server")]
pub mod db;
#[cfg(feature = "server")]
pub mod entities;
#[cfg(feature = "server")]
pub mod error;
#[cfg(feature = "server")]
pub mod eval;
#[cfg(feature = "server")]
pub mod events;
#[cfg(feature = "server")]
pub mod export;
#[cfg(feature = "server")]
pub mod fanout;
#[cfg(feature = "server")]
pub mod inboxes;
#[cfg(feature = "server")]
pub mod knowledge;
#[cfg(feature = "server")]
pub mod metrics;
#[cfg(feature = "server")]
pub mod notifications;
#[cfg(feature = "server")]
pub mod seed;
#[cfg(feature = "server")]
pub mod sessions;
#[cfg(feature = "server")]
pub mod settings;
#[cfg(feature = "server")]
pub mod state;
#[cfg(feature = "server")]
pub mod system;
#[cfg(feature = "server")]
pub mod tickets;
#[cfg(feature = "server")]
pub mod users;
#[cfg(feature = "server")]
pub mod vault;

#[cfg(feature = "server")]
pub use error::{DomainError, DomainResult};
#[cfg(feature = "server")]
pub use state::AppState;
