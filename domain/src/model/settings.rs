//! Settings: system-wide ones (ADMIN writes, SUPERVISOR reads, some public) and each staff
//! member's own, as JSON values by key.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::enums::wire_enum;

wire_enum!(
    /// Whose setting it is.
    SettingType, "setting type" {
        System => "SYSTEM",
        User => "USER",
    }
);

/// A setting as `GET /settings/system` and `GET /settings/user/me` list them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SettingOut {
    pub id: i32,
    pub key: String,
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub value: serde_json::Value,
    pub setting_type: SettingType,
    pub user_id: Option<i32>,
    pub category: String,
    pub description: Option<String>,
    pub is_public: bool,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub updated_at: DateTime<Utc>,
}

/// `GET /settings/system/{key}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SettingValue {
    pub key: String,
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub value: serde_json::Value,
}

/// `POST /settings/system`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreateSettingRequest {
    pub key: String,
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub value: serde_json::Value,
    /// The known key's category, or `general`, when absent.
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub is_public: Option<bool>,
}

/// `POST /settings/system` → 201.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SettingCreated {
    pub id: i32,
    pub key: String,
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub value: serde_json::Value,
    pub setting_type: SettingType,
    pub category: String,
    pub is_public: bool,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
}

/// `PUT /settings/system/{key}`: what to change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UpdateSettingRequest {
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Option<Object>))]
    pub value: Option<serde_json::Value>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub is_public: Option<bool>,
}

/// `PUT /settings/system/{key}` → 200.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SettingUpdated {
    pub id: i32,
    pub key: String,
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub value: serde_json::Value,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub updated_at: DateTime<Utc>,
}

/// `DELETE /settings/system/{key}` → 200.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SettingDeleted {
    pub message: String,
    pub key: String,
}

/// `POST /settings/user/me/{key}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UserSettingRequest {
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub value: serde_json::Value,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// `POST /settings/user/me/{key}` → 200.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UserSettingOut {
    pub id: i32,
    pub key: String,
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub value: serde_json::Value,
    pub setting_type: SettingType,
    pub user_id: Option<i32>,
}

/// `GET /settings/public`: what anyone may read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublicSettingOut {
    pub id: i32,
    pub key: String,
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub value: serde_json::Value,
    pub is_public: bool,
}

/// `GET /settings/system?category=`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct SettingsFilter {
    #[serde(default)]
    pub category: Option<String>,
}

/// One row of the admin panel's settings page: a setting JoxAI reads (set or not), or another
/// stored one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingRow {
    pub key: String,
    pub category: String,
    pub description: String,
    /// The stored value as the panel shows it (text as typed, anything else as JSON); `None`
    /// when JoxAI uses its configured default.
    pub value: Option<String>,
    pub known: bool,
}

/// The settings page's data: every known key, then the other stored ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingsView {
    pub rows: Vec<SettingRow>,
    /// Whether the signed-in user may change them (ADMIN).
    pub can_edit: bool,
}
