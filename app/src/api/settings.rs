//! System settings in the admin panel: ADMIN edits them, SUPERVISOR reads them (checked by the
//! domain). Values are typed as JSON; text that is not JSON is taken as a string, so
//! `Banco Sol` and `"Banco Sol"` mean the same.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// One row of the settings page: a setting JoxAI reads (set or not), or another stored one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingRow {
    pub key: String,
    pub category: String,
    pub description: String,
    /// The stored value as JSON text; `None` when JoxAI uses its configured default.
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

#[server(prefix = "/_sfn", endpoint = "settings/list")]
pub async fn list_settings() -> Result<SettingsView, AppError> {
    use domain::model::{Role, SettingsFilter};
    use domain::settings::known::KNOWN;
    let Ctx { state, user, .. } = Ctx::require(&[Role::Admin, Role::Supervisor]).await?;
    let stored = domain::settings::list_system(&state, &user, &SettingsFilter::default()).await?;
    // Text is shown as typed (it is saved back as text); anything else as JSON.
    let shown = |v: &serde_json::Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
    let text = |key: &str| stored.iter().find(|s| s.key == key).map(|s| shown(&s.value));
    let mut rows: Vec<SettingRow> = KNOWN
        .iter()
        .map(|k| SettingRow {
            key: k.key.to_owned(),
            category: k.category.to_owned(),
            description: k.description.to_owned(),
            value: text(k.key),
            known: true,
        })
        .collect();
    rows.extend(stored.iter().filter(|s| domain::settings::known::find(&s.key).is_none()).map(|s| SettingRow {
        key: s.key.clone(),
        category: s.category.clone(),
        description: s.description.clone().unwrap_or_default(),
        value: Some(shown(&s.value)),
        known: false,
    }));
    Ok(SettingsView { rows, can_edit: user.role == Role::Admin })
}

/// Sets `key` to `value` (JSON, or else a string), creating it if needed.
#[server(prefix = "/_sfn", endpoint = "settings/save")]
pub async fn save_setting(key: String, value: String) -> Result<String, AppError> {
    use domain::model::{CreateSettingRequest, UpdateSettingRequest};
    let Ctx { state, user, meta } = Ctx::new().await?;
    let trimmed = value.trim();
    let value = serde_json::from_str(trimmed).unwrap_or_else(|_| serde_json::Value::String(trimmed.to_owned()));
    let exists = domain::settings::get_system(&state, &user, &key).await.is_ok();
    if exists {
        let req = UpdateSettingRequest { value: Some(value), ..Default::default() };
        domain::settings::update_system(&state, &user, &key, &req, &meta).await?;
    } else {
        let req = CreateSettingRequest { key: key.clone(), value, ..Default::default() };
        domain::settings::create_system(&state, &user, &req, &meta).await?;
    }
    Ok(key)
}

/// Removes `key`: JoxAI goes back to its configured value.
#[server(prefix = "/_sfn", endpoint = "settings/reset")]
pub async fn reset_setting(key: String) -> Result<String, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    domain::settings::delete_system(&state, &user, &key, &meta).await?;
    Ok(key)
}
