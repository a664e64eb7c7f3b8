//! Inboxes — the bank websites that embed the widget — ADMIN only (checked by the domain).

// The save function takes the form's fields one by one (that is how `ActionForm` posts them).
#![allow(clippy::too_many_arguments)]

use domain::model::InboxOut;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// Every inbox.
#[server(prefix = "/_sfn", endpoint = "inboxes/list")]
pub async fn list_inboxes() -> Result<Vec<InboxOut>, AppError> {
    let Ctx { state, user, .. } = Ctx::require(&[domain::model::Role::Admin]).await?;
    Ok(domain::inboxes::list(&state, &user).await?)
}

/// One inbox.
#[server(prefix = "/_sfn", endpoint = "inboxes/get")]
pub async fn get_inbox(id: i32) -> Result<InboxOut, AppError> {
    let Ctx { state, user, .. } = Ctx::require(&[domain::model::Role::Admin]).await?;
    Ok(domain::inboxes::get(&state, &user, id).await?)
}

/// Creates (`id` 0) or updates an inbox from the form. Origins: one per line; hours: one period
/// per line (`mon 09:00-18:00`), none for always open; no privacy notice without a version or a
/// text. A new inbox comes back with its secret.
#[server(prefix = "/_sfn", endpoint = "inboxes/save")]
pub async fn save_inbox(
    id: i32,
    name: String,
    allowed_origins: String,
    theme_color: String,
    position: String,
    default_language: String,
    greeting_es: String,
    greeting_en: String,
    prechat_form: Option<String>,
    hours: String,
    utc_offset_minutes: String,
    notice_version: String,
    notice_required: Option<String>,
    notice_es: String,
    notice_en: String,
) -> Result<InboxOut, AppError> {
    use domain::model::{BusinessHours, InboxRequest, PrivacyNotice};
    let Ctx { state, user, meta } = Ctx::new().await?;
    let offset = match utc_offset_minutes.trim() {
        "" => 0,
        text => text.parse().map_err(|_| AppError::invalid("The UTC offset is a number of minutes"))?,
    };
    let req = InboxRequest {
        name,
        allowed_origins: allowed_origins.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect(),
        theme_color: Some(theme_color),
        position: Some(position),
        greeting_es: Some(greeting_es),
        greeting_en: Some(greeting_en),
        default_language: Some(default_language),
        prechat_form: prechat_form.is_some(),
        business_hours: BusinessHours::parse_lines(&hours, offset).map_err(AppError::invalid)?,
        // No version and no text: no notice.
        privacy_notice: (!(notice_version.trim().is_empty()
            && notice_es.trim().is_empty()
            && notice_en.trim().is_empty()))
        .then(|| PrivacyNotice {
            required: notice_required.is_some(),
            version: notice_version,
            text_es: notice_es,
            text_en: notice_en,
        }),
        active: None,
    };
    Ok(if id == 0 {
        domain::inboxes::create(&state, &user, &req, &meta).await?
    } else {
        domain::inboxes::update(&state, &user, id, &req, &meta).await?
    })
}

/// A new identity secret (shown once), or deactivation / reactivation (`action`: `rotate`,
/// `deactivate`, `activate`).
#[server(prefix = "/_sfn", endpoint = "inboxes/act")]
pub async fn act_on_inbox(id: i32, action: String) -> Result<InboxOut, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    match action.as_str() {
        "rotate" => Ok(domain::inboxes::rotate_secret(&state, &user, id, &meta).await?),
        "deactivate" => {
            domain::inboxes::deactivate(&state, &user, id, &meta).await?;
            Ok(domain::inboxes::get(&state, &user, id).await?)
        }
        "activate" => Ok(domain::inboxes::reactivate(&state, &user, id, &meta).await?),
        _ => Err(AppError::invalid("Unknown action")),
    }
}
