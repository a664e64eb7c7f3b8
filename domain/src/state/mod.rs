//! Everything a request needs, built once at start-up and passed down explicitly.

mod runtime;

use sea_orm::DatabaseConnection;

pub use runtime::{Overrides, Rate, Runtime};

use crate::assistant::Assistant;
use crate::audit::AuditLog;
use crate::auth::JwtKeys;
use crate::config::Config;

/// Shared, cheaply cloned application state.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    /// Where conversation messages are written ([`crate::db::writer`]): one connection on a
    /// thread of its own on SQLite, `db` itself on PostgreSQL.
    pub writer: crate::db::Writer,
    /// What every customer message's statements run on ([`crate::db::Held`]): on PostgreSQL,
    /// connections held out of the pool; on SQLite, `db`.
    pub held: crate::db::Held,
    pub config: std::sync::Arc<Config>,
    pub jwt: JwtKeys,
    pub audit: AuditLog,
    /// The knowledge-base index and the assistant's settings.
    pub assistant: std::sync::Arc<Assistant>,
    /// The stored system settings JoxAI reads while it runs.
    pub runtime: std::sync::Arc<Runtime>,
    /// Where changes are announced to sockets.
    pub events: std::sync::Arc<crate::events::EventBus>,
    /// Wakes the notification worker when something is stored in the outbox.
    pub outbox: std::sync::Arc<tokio::sync::Notify>,
    /// HTTP requests served, for `/metrics`.
    pub http: std::sync::Arc<crate::metrics::Http>,
    /// Seals and opens personal data at rest.
    pub vault: std::sync::Arc<crate::vault::Vault>,
}

impl AppState {
    pub fn new(db: DatabaseConnection, config: Config) -> Self {
        AppState {
            jwt: JwtKeys::new(&config),
            audit: AuditLog::new(
                db.clone(),
                crate::audit::AuditKeys {
                    current: config.audit_key.as_bytes().to_vec(),
                    previous: config.audit_previous_keys.iter().map(|k| k.as_bytes().to_vec()).collect(),
                },
            ),
            assistant: std::sync::Arc::new(Assistant::configured(
                config.assistant.settings(),
                config.assistant.llm.as_ref(),
                config.assistant.embeddings.as_ref(),
            )),
            events: std::sync::Arc::new(crate::events::EventBus::new()),
            runtime: std::sync::Arc::default(),
            outbox: std::sync::Arc::new(tokio::sync::Notify::new()),
            http: std::sync::Arc::default(),
            vault: std::sync::Arc::new(crate::vault::Vault::new(&config.data_keys)),
            config: std::sync::Arc::new(config),
            writer: crate::db::Writer::shared(db.clone()),
            held: crate::db::Held::new(db.clone()),
            db,
        }
    }

    /// The same state with messages written through `writer`.
    pub fn with_writer(self, writer: crate::db::Writer) -> Self {
        AppState { writer, ..self }
    }
}
