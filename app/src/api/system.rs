//! The system's state (ADMIN; checked by the domain).

use domain::model::SystemStatus;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// The database, LLM, e-mail, outbox, sockets, version and uptime now.
#[server(prefix = "/_sfn", endpoint = "system/status")]
pub async fn get_system_status() -> Result<SystemStatus, AppError> {
    let Ctx { state, user, .. } = Ctx::require(&[domain::model::Role::Admin]).await?;
    Ok(domain::system::status(&state, &user).await?)
}
