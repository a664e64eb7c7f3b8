//! Server-side helpers for server functions and pages: the shared state, the signed-in user from
//! the access-token cookie, request metadata for the audit log, and the session cookies.

use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use domain::AppState;
use domain::audit::RequestMeta;
use domain::auth::CurrentUser;
use domain::model::TokenResponse;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use super::AppError;

/// Name of the cookie holding the access token.
pub const ACCESS_COOKIE: &str = "joxai_access";
/// Name of the cookie holding the refresh token.
pub const REFRESH_COOKIE: &str = "joxai_refresh";

/// The client IP as the server's middleware determined it (peer, or `X-Forwarded-For` when
/// `JOXAI_TRUST_PROXY` is set).
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

/// The application state the server provided as context.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::Server("no application state".into()))
}

/// The value of cookie `name` in `headers`.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| cookie::Cookie::split_parse(v.to_owned()))
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
}

/// The signed-in staff member, or `Unauthorized`.
pub async fn current_user() -> Result<CurrentUser, AppError> {
    let state = state()?;
    let headers: HeaderMap = leptos_axum::extract().await.map_err(|e| AppError::Server(e.to_string()))?;
    let token = cookie_value(&headers, ACCESS_COOKIE).ok_or(AppError::Unauthorized)?;
    domain::sessions::authenticate(&state, &token).await.map_err(AppError::from)
}

/// Like [`current_user`], but also sets the page's HTTP status (401/403) so a page the role may
/// not see answers with the right code.
pub async fn require_user(roles: &[domain::model::Role]) -> Result<CurrentUser, AppError> {
    let result = current_user().await.and_then(|u| u.require(roles).map(|_| u).map_err(AppError::from));
    if let (Err(e), Some(response)) = (&result, use_context::<ResponseOptions>()) {
        match e {
            AppError::Unauthorized => response.set_status(StatusCode::UNAUTHORIZED),
            AppError::Forbidden => response.set_status(StatusCode::FORBIDDEN),
            _ => {}
        }
    }
    result
}

/// What a server function works with: the state, the signed-in staff member and who is asking
/// from where (for audit records).
pub struct Ctx {
    pub state: AppState,
    pub user: CurrentUser,
    pub meta: RequestMeta,
}

impl Ctx {
    /// For any signed-in staff member; `Unauthorized` without a session.
    pub async fn new() -> Result<Ctx, AppError> {
        let state = state()?;
        let user = current_user().await?;
        Ok(Ctx { state, user, meta: request_meta().await })
    }

    /// For a staff member with one of `roles`, setting the page's status otherwise
    /// ([`require_user`]).
    pub async fn require(roles: &[domain::model::Role]) -> Result<Ctx, AppError> {
        let state = state()?;
        let user = require_user(roles).await?;
        Ok(Ctx { state, user, meta: request_meta().await })
    }
}

/// Who is asking, from where: for audit records.
pub async fn request_meta() -> RequestMeta {
    let headers: HeaderMap = leptos_axum::extract().await.unwrap_or_default();
    let uri: Option<Uri> = leptos_axum::extract().await.ok();
    let method: Option<Method> = leptos_axum::extract().await.ok();
    let ip: Option<axum::Extension<ClientIp>> = leptos_axum::extract().await.ok();
    RequestMeta {
        ip: ip.map(|axum::Extension(ClientIp(ip))| ip),
        user_agent: headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned),
        endpoint: uri.map(|u| u.path().to_owned()),
        method: method.map(|m| m.to_string()),
    }
}

/// `Set-Cookie` values for a new session (or, with `None`, for clearing it).
pub fn session_cookies(session: Option<&TokenResponse>, secure: bool, refresh_days: i64) -> [String; 2] {
    let flags = if secure { "; Secure" } else { "" };
    match session {
        Some(s) => [
            format!(
                "{ACCESS_COOKIE}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{flags}",
                s.access_token, s.expires_in
            ),
            format!(
                "{REFRESH_COOKIE}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{flags}",
                s.refresh_token,
                refresh_days * 86_400
            ),
        ],
        None => [
            format!("{ACCESS_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{flags}"),
            format!("{REFRESH_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{flags}"),
        ],
    }
}

/// Whether cookies must carry `Secure`: always, except for plain-http development on a loopback host.
pub fn cookies_secure(state: &AppState, headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    let loopback = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    !(state.config.is_development() && loopback)
}

/// Puts the session cookies on the current response.
pub async fn set_session(session: Option<&TokenResponse>) -> Result<(), AppError> {
    let state = state()?;
    let headers: HeaderMap = leptos_axum::extract().await.unwrap_or_default();
    let response = expect_context::<ResponseOptions>();
    for value in session_cookies(session, cookies_secure(&state, &headers), state.config.refresh_token_ttl_days) {
        let value = HeaderValue::from_str(&value).map_err(|e| AppError::Server(e.to_string()))?;
        response.append_header(header::SET_COOKIE, value);
    }
    Ok(())
}
