//! The admin panel's settings page: every setting JoxAI reads, set or not, then the other stored
//! ones; and one way to put a value typed as text (JSON, or else a string, so `Banco Sol` and
//! `"Banco Sol"` mean the same).

use serde_json::Value;

use super::known::{self, KNOWN};
use crate::audit::RequestMeta;
use crate::auth::CurrentUser;
use crate::error::{DomainError, DomainResult};
use crate::model::{CreateSettingRequest, Role, SettingRow, SettingsFilter, SettingsView, UpdateSettingRequest};
use crate::state::AppState;

/// What the page shows (ADMIN and SUPERVISOR read; ADMIN edits).
pub async fn overview(state: &AppState, actor: &CurrentUser) -> DomainResult<SettingsView> {
    actor.require(&[Role::Admin, Role::Supervisor])?;
    let stored = super::list_system(state, actor, &SettingsFilter::default()).await?;
    // Text is shown as typed (it is saved back as text); anything else as JSON.
    let shown = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
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
    let other = |key: &str| known::find(key).is_none() && key != known::RETENTION_REPORT;
    rows.extend(stored.iter().filter(|s| other(&s.key)).map(|s| SettingRow {
        key: s.key.clone(),
        category: s.category.clone(),
        description: s.description.clone().unwrap_or_default(),
        value: Some(shown(&s.value)),
        known: false,
    }));
    Ok(SettingsView { rows, can_edit: actor.role == Role::Admin })
}

/// Sets `key` to the value typed as `text`, creating the setting if it is not stored yet.
pub async fn put_system(
    state: &AppState,
    actor: &CurrentUser,
    key: &str,
    text: &str,
    meta: &RequestMeta,
) -> DomainResult<()> {
    let text = text.trim();
    let value = match serde_json::from_str(text) {
        Ok(value) => value,
        // The bank's phrases may be written one per line.
        Err(_) if key == "assistant.escalation_phrases" => {
            Value::Array(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| l.into()).collect())
        }
        Err(_) => Value::String(text.to_owned()),
    };
    let change = UpdateSettingRequest { value: Some(value.clone()), ..Default::default() };
    match super::update_system(state, actor, key, &change, meta).await {
        Err(DomainError::NotFound(_)) => {
            let new = CreateSettingRequest { key: key.to_owned(), value, ..Default::default() };
            super::create_system(state, actor, &new, meta).await.map(|_| ())
        }
        done => done.map(|_| ()),
    }
}
