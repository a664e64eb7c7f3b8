//! The audit log as the viewer reads it: who did what, from where, and the hash chain.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One audit record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AuditRecord {
    pub id: i64,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
    pub actor_id: Option<i32>,
    pub actor_name: Option<String>,
    pub action: String,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub endpoint: Option<String>,
    pub method: Option<String>,
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub details: serde_json::Value,
    /// `success` or `failure`.
    pub outcome: String,
    /// The previous record's hash (the chain).
    pub prev_hash: String,
    /// SHA-256 of this record's content and `prev_hash`.
    pub hash: String,
}

/// `GET /audit` filters (all optional) and page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct AuditFilter {
    #[serde(default)]
    pub actor_id: Option<i32>,
    /// Exact action, e.g. `CUSTOMER_VIEWED` or `auth.login`.
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub resource_type: Option<String>,
    #[serde(default)]
    pub resource_id: Option<String>,
    /// From this time on (RFC 3339).
    #[serde(default)]
    #[serde(serialize_with = "crate::model::time::utc_or_null")]
    pub since: Option<DateTime<Utc>>,
    /// Before this time (RFC 3339).
    #[serde(default)]
    #[serde(serialize_with = "crate::model::time::utc_or_null")]
    pub until: Option<DateTime<Utc>>,
    #[serde(default)]
    pub skip: Option<u64>,
    /// Default 100, at most 500.
    #[serde(default)]
    pub limit: Option<u64>,
}

/// `POST /audit/verify`: whether every record still matches its hash and links to the one
/// before it; if not, the first that does not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AuditVerification {
    pub intact: bool,
    /// How many records were checked.
    pub checked: u64,
    pub first_broken_id: Option<i64>,
}
