//! Canned responses: ready-made replies agents insert by shortcut.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A canned response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CannedResponse {
    pub id: i32,
    pub shortcut: String,
    pub title: String,
    pub content: String,
    pub language: String,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub updated_at: DateTime<Utc>,
}

/// `POST /canned-responses` and `PUT /canned-responses/{id}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CannedRequest {
    pub shortcut: String,
    pub title: String,
    pub content: String,
    /// `es` or `en`; `es` when absent.
    #[serde(default)]
    pub language: Option<String>,
}
