//! Security headers on every admin-panel response: a Content-Security-Policy that allows only this
//! origin's scripts (inline ones by a per-response nonce, which the rendered page's hydration
//! scripts carry), the wasm, and no framing; `nosniff`; a same-origin referrer; HSTS in
//! production.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use domain::AppState;

/// The nonce of one response, for the CSP header and the page's inline scripts.
#[derive(Debug, Clone)]
pub struct CspNonce(pub Arc<str>);

/// The policy for a page whose inline scripts carry `nonce`. In development the live-reload
/// socket of `cargo leptos watch` (another port) may connect too.
pub fn policy(nonce: &str, development: bool) -> String {
    let reload = if development { " ws: wss:" } else { "" };
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'{reload}; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Adds the headers; the nonce goes into the request's extensions for the renderer.
pub async fn secure(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let nonce: Arc<str> = uuid::Uuid::new_v4().simple().to_string().into();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(req).await;
    let development = state.config.is_development();
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(value) = HeaderValue::from_str(&policy(&nonce, development))
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if !development {
        headers
            .insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    response
}

/// The headers of a download saved as `name`: an attachment, never cached (it holds customer data).
pub fn attachment(name: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers
}
