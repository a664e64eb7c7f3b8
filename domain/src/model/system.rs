//! The system's state for its ADMIN: is the database there, the LLM answering, e-mail going out,
//! the outbox draining; how many sockets; which version, for how long.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `GET /system/status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SystemStatus {
    pub version: String,
    /// Seconds since this server started.
    pub uptime_secs: u64,
    pub database: DatabaseStatus,
    /// None when no LLM provider is configured (the local responder answers).
    pub llm: Option<LlmStatus>,
    pub smtp: SmtpStatus,
    pub outbox: OutboxStatus,
    pub sockets: SocketCounts,
    /// Whether this server hears other servers' events (PostgreSQL `LISTEN/NOTIFY`); SQLite
    /// serves one process.
    pub shared_events: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DatabaseStatus {
    /// `sqlite` or `postgres`.
    pub backend: String,
    pub ok: bool,
    /// The time a trivial query took, when it answered.
    pub latency_ms: Option<f64>,
    /// Connections open, and of those idle.
    pub connections: u32,
    pub idle: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LlmStatus {
    pub provider: String,
    /// While open, the assistant answers locally without calling the provider.
    pub breaker_open: bool,
    pub answered: u64,
    pub failed: u64,
    pub refused: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SmtpStatus {
    pub configured: bool,
    /// The latest e-mail delivery attempt, if any.
    pub last: Option<Delivery>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Delivery {
    pub ok: bool,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub at: DateTime<Utc>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct OutboxStatus {
    pub pending: u64,
    pub failed: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SocketCounts {
    pub customers: u64,
    pub staff: u64,
}
