//! The admin panel's language: the staff member's own setting (`language`), else the browser's
//! `Accept-Language`, else `JOXAI_DEFAULT_LANGUAGE`.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;
#[cfg(feature = "ssr")]
use crate::i18n::Lang;
use crate::i18n::Speech;

/// The per-user setting holding a staff member's language.
pub const LANGUAGE: &str = "language";

/// The language to speak to whoever asks (signed in or not), with its texts.
#[server(prefix = "/_sfn", endpoint = "i18n/language")]
pub async fn ui_language() -> Result<Speech, AppError> {
    // Drawing a page (not answering the browser): the page names the texts' script instead.
    let page = use_context::<leptos_meta::ServerMetaContext>().is_some();
    Ok(Speech::of(language().await?, page))
}

#[cfg(feature = "ssr")]
async fn language() -> Result<Lang, AppError> {
    use axum::http::{HeaderMap, header};
    let state = super::session::state()?;
    if let Ok(user) = super::session::current_user().await {
        let own = domain::settings::list_mine(&state, &user).await?;
        if let Some(lang) = own.iter().find(|s| s.key == LANGUAGE).and_then(|s| s.value.as_str()).and_then(Lang::parse)
        {
            return Ok(lang);
        }
    }
    let headers: HeaderMap = leptos_axum::extract().await.unwrap_or_default();
    let accepted = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::from_accept);
    Ok(accepted.unwrap_or(match state.config.assistant.default_language {
        domain::assistant::language::Lang::En => Lang::En,
        domain::assistant::language::Lang::Es => Lang::Es,
    }))
}

/// Sets the signed-in staff member's own language (`es` or `en`).
#[server(prefix = "/_sfn", endpoint = "i18n/set")]
pub async fn set_ui_language(language: String) -> Result<(), AppError> {
    let lang = Lang::parse(&language).ok_or_else(|| AppError::invalid("The language is es or en"))?;
    let Ctx { state, user, meta } = Ctx::new().await?;
    let req = domain::model::UserSettingRequest {
        value: serde_json::Value::String(lang.code().to_owned()),
        category: None,
        description: None,
    };
    domain::settings::set_mine(&state, &user, LANGUAGE, &req, &meta).await?;
    Ok(())
}
