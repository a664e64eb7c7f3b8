//! The one error shape every endpoint answers with.

use serde::{Deserialize, Serialize};

/// `{"detail": "…"}`; validation errors also name the `field` that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// A message a person can read.
    pub detail: String,
    /// The request field that failed validation (422 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}
