//! Sign-in, sign-out and "who am I" for the admin panel.

use domain::model::{Role, UserOut};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// Signs in with username or e-mail and password; sets the session cookies and goes home.
#[server(prefix = "/_sfn", endpoint = "login")]
pub async fn login(username: String, password: String) -> Result<UserOut, AppError> {
    use super::session;
    let state = session::state()?;
    let meta = session::request_meta().await;
    let session_tokens = domain::sessions::login(&state, &username, &password, &meta).await.map_err(|e| match e {
        domain::DomainError::Unauthorized(message) => AppError::Refused { status: Some(401), field: None, message },
        other => AppError::from(other),
    })?;
    session::set_session(Some(&session_tokens)).await?;
    leptos_axum::redirect("/");
    Ok(session_tokens.user)
}

/// Signs out: revokes the refresh token family and clears the cookies.
#[server(prefix = "/_sfn", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use super::session;
    let state = session::state()?;
    let meta = session::request_meta().await;
    let headers: axum::http::HeaderMap = leptos_axum::extract().await.unwrap_or_default();
    if let Ok(user) = session::current_user().await {
        let refresh = session::cookie_value(&headers, session::REFRESH_COOKIE);
        domain::sessions::logout(&state, &user, refresh.as_deref(), &meta).await?;
    }
    session::set_session(None).await?;
    leptos_axum::redirect("/login");
    Ok(())
}

/// The signed-in user (401 when there is none).
#[server(prefix = "/_sfn", endpoint = "me")]
pub async fn me() -> Result<UserOut, AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    let row = domain::users::find_out(&state, user.id).await?;
    Ok(row)
}

/// Who is signed in, as the frame around every page shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignedIn {
    pub id: i32,
    pub full_name: String,
    pub role: Role,
}

/// The signed-in user for the frame (401 when there is none). Smaller than [`me`] on purpose:
/// the frame is in every page's first download, and a user's dates would bring a date parser
/// into it.
#[server(prefix = "/_sfn", endpoint = "whoami")]
pub async fn whoami() -> Result<SignedIn, AppError> {
    let Ctx { user, .. } = Ctx::new().await?;
    Ok(SignedIn { id: user.id, full_name: user.full_name, role: user.role })
}
