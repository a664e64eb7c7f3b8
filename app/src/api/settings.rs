//! System settings in the admin panel: ADMIN edits them, SUPERVISOR reads them (checked by the
//! domain). Values are typed as JSON; text that is not JSON is taken as a string, so
//! `Banco Sol` and `"Banco Sol"` mean the same. The retention job's report, and running it.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

pub use domain::model::{RetentionReport, SettingRow, SettingsView};

/// The settings page's data.
#[server(prefix = "/_sfn", endpoint = "settings/list")]
pub async fn list_settings() -> Result<SettingsView, AppError> {
    use domain::model::Role;
    let Ctx { state, user, .. } = Ctx::require(&[Role::Admin, Role::Supervisor]).await?;
    Ok(domain::settings::overview(&state, &user).await?)
}

/// Sets `key` to `value` (JSON, or else a string), creating it if needed.
#[server(prefix = "/_sfn", endpoint = "settings/save")]
pub async fn save_setting(key: String, value: String) -> Result<String, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    domain::settings::put_system(&state, &user, &key, &value, &meta).await?;
    Ok(key)
}

/// Removes `key`: JoxAI goes back to its configured value.
#[server(prefix = "/_sfn", endpoint = "settings/reset")]
pub async fn reset_setting(key: String) -> Result<String, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    domain::settings::delete_system(&state, &user, &key, &meta).await?;
    Ok(key)
}

/// The retention job's last report, if it has run (ADMIN, SUPERVISOR).
#[server(prefix = "/_sfn", endpoint = "settings/retention")]
pub async fn last_retention_report() -> Result<Option<RetentionReport>, AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    Ok(domain::retention::last_report(&state, &user).await?)
}

/// Runs the retention job now (ADMIN; audited): `dry_run` only counts what is past due.
#[server(prefix = "/_sfn", endpoint = "settings/retention/run")]
pub async fn run_retention(dry_run: bool) -> Result<RetentionReport, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    Ok(domain::retention::run_now(&state, &user, dry_run, &meta).await?)
}
