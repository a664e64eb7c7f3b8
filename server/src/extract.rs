//! Request extractors: JSON bodies and paths whose rejections speak `{"detail"}`, the
//! authenticated staff member, the client IP, and request metadata for the audit log.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use domain::AppState;
use domain::audit::RequestMeta;
use domain::auth::CurrentUser;
use domain::config::proxies::Cidr;

use crate::credentials::{bearer_token, not_authenticated};
use crate::error::ApiError;

/// `axum::Json`, with rejections as `{"detail"}` (400 syntax, 413 too large, 415, 422 shape).
#[derive(Debug, Clone, Copy, Default, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

impl<T: serde::Serialize> axum::response::IntoResponse for Json<T> {
    fn into_response(self) -> axum::response::Response {
        axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Path` with `{"detail"}` rejections.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);

/// `axum::extract::Query` with `{"detail"}` rejections.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

pub use app::api::session::ClientIp;

/// Works out the client IP. Without `trust_proxy`, the peer address. With it, and when the peer
/// is one of the bank's proxies (`trusted`, or any peer when none are configured), the right-most
/// `X-Forwarded-For` address that is not a trusted proxy: each proxy appends what it saw, so
/// everything left of that is the client's own say and may be forged.
pub fn client_ip(headers: &HeaderMap, peer: Option<SocketAddr>, trust_proxy: bool, trusted: &[Cidr]) -> String {
    let peer_ip = peer.map(|p| p.ip());
    let is_proxy = |ip: IpAddr| trusted.iter().any(|c| c.contains(ip));
    if trust_proxy && peer_ip.is_some_and(|p| trusted.is_empty() || is_proxy(p)) {
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        for hop in hops.iter().rev() {
            match hop.parse::<IpAddr>() {
                Ok(ip) if is_proxy(ip) => continue,
                Ok(ip) => return ip.to_string(),
                // Our proxies write addresses: anything else was written by the client.
                Err(_) => break,
            }
        }
    }
    peer_ip.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
}

/// The key a client's rate budgets count under: its address, or for IPv6 its /64 — one
/// subscriber line gets a whole /64, so rotating addresses inside it buys no fresh budget.
pub fn rate_key(ip: &str) -> String {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        _ => ip.to_owned(),
    }
}

/// Middleware: stores the [`ClientIp`] in the request's extensions for everything downstream.
pub async fn attach_client_ip(
    axum::extract::State(config): axum::extract::State<std::sync::Arc<domain::config::Config>>,
    mut req: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let ip = client_ip(req.headers(), peer, config.trust_proxy, &config.trusted_proxies);
    req.extensions_mut().insert(ClientIp(ip));
    next.run(req).await
}

/// Request metadata for audit records.
pub struct Meta(pub RequestMeta);

impl<S: Send + Sync> FromRequestParts<S> for Meta {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Meta(RequestMeta {
            ip: parts.extensions.get::<ClientIp>().map(|c| c.0.clone()),
            user_agent: parts.headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned),
            // The full path, not the one left after nesting under /api.
            endpoint: Some(
                parts
                    .extensions
                    .get::<axum::extract::OriginalUri>()
                    .map_or_else(|| parts.uri.path().to_owned(), |u| u.0.path().to_owned()),
            ),
            method: Some(parts.method.to_string()),
        }))
    }
}

/// The staff member behind `Authorization: Bearer …`; 401 otherwise.
pub struct Staff(pub CurrentUser);

impl FromRequestParts<AppState> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = bearer_token(&parts.headers).ok_or_else(not_authenticated)?;
        let user = domain::sessions::authenticate(state, token).await?;
        Ok(Staff(user))
    }
}

/// A staff request as most handlers take it: the state, the staff member behind
/// `Authorization: Bearer …` (401 otherwise, before anything else is read) and where the request
/// came from, for the audit log.
pub struct Desk {
    pub state: AppState,
    pub actor: CurrentUser,
    pub meta: RequestMeta,
}

impl FromRequestParts<AppState> for Desk {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Staff(actor) = Staff::from_request_parts(parts, state).await?;
        let Ok(Meta(meta)) = Meta::from_request_parts(parts, state).await;
        Ok(Desk { state: state.clone(), actor, meta })
    }
}

/// Whether URL-encoded `bytes` (a path, a query, a form) carry a NUL character: PostgreSQL cannot
/// store one in text, and no customer or staff text needs it.
fn has_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0) || bytes.windows(3).any(|w| w == b"%00")
}

/// Whether a JSON text carries a NUL character, raw or as `\u0000`.
fn has_json_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0) || bytes.windows(6).any(|w| w[0] == b'\\' && w[1..].eq_ignore_ascii_case(b"u0000"))
}

/// Middleware: a request whose path, query or text body (JSON or form) holds a NUL character is
/// refused with 422 before any handler sees it.
pub async fn refuse_nul(
    axum::extract::State(max_body_bytes): axum::extract::State<usize>,
    req: Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let refused = || {
        ApiError::new(axum::http::StatusCode::UNPROCESSABLE_ENTITY, "Text may not contain NUL characters")
            .into_response()
    };
    if has_nul(req.uri().path().as_bytes()) || req.uri().query().is_some_and(|q| has_nul(q.as_bytes())) {
        return refused();
    }
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let form = content_type.starts_with("application/x-www-form-urlencoded");
    let json = content_type.starts_with("application/json")
        || content_type.split(';').next().is_some_and(|t| t.trim().ends_with("+json"));
    if !form && !json {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, max_body_bytes).await else {
        return ApiError::new(axum::http::StatusCode::PAYLOAD_TOO_LARGE, "Request body too large").into_response();
    };
    if (form && has_nul(&bytes)) || (json && has_json_nul(&bytes)) {
        return refused();
    }
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes))).await
}

#[cfg(test)]
mod tests {
    use super::{has_json_nul, has_nul};

    #[test]
    fn nul_in_any_spelling_is_found() {
        assert!(has_nul(b"a\0b") && has_nul(b"q=%00") && !has_nul(b"q=%20"));
        assert!(has_json_nul(br#"{"m":"x\u0000"}"#) && has_json_nul(br#"\U0000"#));
        assert!(!has_json_nul(br#"{"m":"100%00 pesos, 2000"}"#));
    }
}
