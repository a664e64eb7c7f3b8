//! The admin panel's HTTP side: Leptos SSR routes, server functions under `/_sfn`, static site
//! files, and two guards — session refresh from the refresh-token cookie and
//! an `Origin` check on state-changing requests.

use app::api::session::{ACCESS_COOKIE, REFRESH_COOKIE, cookie_value, cookies_secure, session_cookies};
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use domain::AppState;
use domain::audit::RequestMeta;
use leptos::prelude::{LeptosOptions, provide_context, use_context};
use leptos_axum::{LeptosRoutes, generate_route_list, handle_server_fns_with_context};

use crate::error::ApiError;
use crate::extract::ClientIp;
use crate::headers::CspNonce;
use crate::ratelimit::{SharedLimit, StaffBudget};

/// Builds Leptos options from our configuration (cargo-leptos's `LEPTOS_*` variables win).
pub fn leptos_options(state: &AppState) -> LeptosOptions {
    let env = match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("DEV") | Ok("dev") | Ok("development") => leptos::config::Env::DEV,
        _ => leptos::config::Env::PROD,
    };
    let reload_port = std::env::var("LEPTOS_RELOAD_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(3001);
    // cargo-leptos lists the hashed file names in `hash.txt` at the site root. Leptos looks for
    // it relative to the executable; an absolute path makes it the site's, wherever that is.
    let hashes = std::path::absolute(state.config.site_root.join("hash.txt")).ok().filter(|path| path.is_file());
    LeptosOptions::builder()
        .output_name(std::env::var("LEPTOS_OUTPUT_NAME").unwrap_or_else(|_| "joxai".to_owned()))
        .site_root(state.config.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(state.config.addr)
        .reload_port(reload_port)
        .env(env)
        .hash_files(hashes.is_some())
        .hash_file(hashes.map_or_else(|| "hash.txt".into(), |path| path.to_string_lossy().into()))
        .build()
}

/// Admin pages, server functions, site and widget files. Sign-in shares the REST login's rate limit.
pub fn router(state: AppState, login_limit: Option<SharedLimit>, heavy: HeavyBudgets) -> Router {
    let options = leptos_options(&state);
    warn_if_built_without_split(&state.config.site_root);
    let routes = generate_route_list(App);
    let page_state = state.clone();
    let sfn_state = state.clone();
    let fallback_state = state.clone();
    // leptos_routes_with_context registers every server function (with `page_state` as context);
    // this catch-all only turns unknown ones into a 404 from the same handler.
    let server_fns = axum::routing::any(move |req: Request<Body>| {
        let state = sfn_state.clone();
        async move { handle_server_fns_with_context(move || provide_context(state.clone()), req).await }
    });
    Router::new()
        .route("/_sfn/{*fn_name}", server_fns)
        .route("/i18n/{file}", axum::routing::get(spanish_texts))
        .leptos_routes_with_context(&options, routes, move || page_context(&page_state), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            move || provide_context(fallback_state.clone()),
            shell,
        ))
        .with_state(options)
        .layer(middleware::from_fn(|req, next| crate::cache::by_name("/pkg/", req, next)))
        .layer(middleware::from_fn(|req, next| crate::cache::by_name("/i18n/", req, next)))
        .layer(middleware::from_fn(refusal_status))
        .layer(middleware::from_fn_with_state(state.clone(), refresh_session))
        .layer(middleware::from_fn_with_state(login_limit, limit_sign_in))
        .layer(middleware::from_fn_with_state(heavy, limit_heavy))
        .layer(middleware::from_fn(check_origin))
        .layer(middleware::from_fn_with_state(state, crate::headers::secure))
}

/// The pages are lazy routes: a site built without cargo-leptos's `--split` has no split loader,
/// and its pages render but never become interactive. Say so where the developer looks.
fn warn_if_built_without_split(site_root: &std::path::Path) {
    let Ok(files) = std::fs::read_dir(site_root.join("pkg")) else { return };
    let names: Vec<String> = files.flatten().map(|f| f.file_name().to_string_lossy().into_owned()).collect();
    let built = names.iter().any(|name| name.ends_with(".wasm"));
    if built && !names.iter().any(|name| name.starts_with("__wasm_split")) {
        tracing::warn!(
            "the admin site in {} was built without `--split`: its pages will not hydrate; build it with \
             `cargo leptos watch --split` (or `cargo xtask dev`, `cargo xtask build`)",
            site_root.display()
        );
    }
}

/// What every page's render gets: the state, and the response's CSP nonce for its inline scripts.
fn page_context(state: &AppState) {
    provide_context(state.clone());
    let nonce = use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<CspNonce>().cloned());
    if let Some(CspNonce(nonce)) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(nonce));
    }
}

/// The panel's Spanish texts as a script (`app::i18n::spanish_script`): a Spanish page names it,
/// and the browser keeps it (its name carries its hash).
async fn spanish_texts(axum::extract::Path(file): axum::extract::Path<String>) -> Response {
    let (path, body) = app::i18n::spanish_script();
    if path.strip_prefix("/i18n/") != Some(file.as_str()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], body.as_str()).into_response()
}

fn is_page_or_function(path: &str) -> bool {
    !(path.starts_with("/pkg/")
        || path.starts_with("/i18n/")
        || path.starts_with("/widget")
        || path.starts_with("/favicon")
        || path == "/demo")
}

/// When the access-token cookie is missing or expired but a refresh cookie is present, rotates the
/// refresh token once, hands the new access token to the rest of this request, and sets both new
/// cookies on the response. A refresh that fails clears the cookies.
async fn refresh_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if !is_page_or_function(req.uri().path()) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let access_ok = cookie_value(headers, ACCESS_COOKIE).is_some_and(|t| state.jwt.verify(&t).is_ok());
    let refresh = cookie_value(headers, REFRESH_COOKIE);
    let Some(refresh) = refresh.filter(|_| !access_ok) else {
        return next.run(req).await;
    };
    let secure = cookies_secure(&state, headers);
    let meta = RequestMeta {
        ip: req.extensions().get::<ClientIp>().map(|c| c.0.clone()),
        user_agent: headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned),
        endpoint: Some(req.uri().path().to_owned()),
        method: Some(req.method().to_string()),
    };
    let days = state.config.refresh_token_ttl_days;
    let session = domain::sessions::refresh(&state, &refresh, &meta).await.ok();
    let cookie = session
        .as_ref()
        .map(|s| format!("{ACCESS_COOKIE}={}; {REFRESH_COOKIE}={}", s.access_token, s.refresh_token))
        .and_then(|c| HeaderValue::from_str(&c).ok());
    req.headers_mut().remove(header::COOKIE);
    if let Some(cookie) = cookie {
        req.headers_mut().insert(header::COOKIE, cookie);
    }
    let mut response = next.run(req).await;
    for value in session_cookies(session.as_ref(), secure, days) {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Leptos answers every server function error with 500; a refusal (`AppError` with a status: 401,
/// 403, 404, 409, 413, 422, 429) gets the status the REST API gives the same refusal, so the
/// panel's calls read like the API's. A failure stays 500; a form posted without JavaScript is
/// redirected back (302) and left alone. The panel decodes any 4xx or 5xx body the same way.
async fn refusal_status(req: Request, next: Next) -> Response {
    let server_fn = req.uri().path().starts_with("/_sfn/");
    let response = next.run(req).await;
    if !server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // An error body is a few hundred bytes.
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let refused = serde_json::from_slice::<app::api::AppError>(&bytes).ok().and_then(|e| e.status());
    if let Some(status) = refused.and_then(|s| StatusCode::from_u16(s).ok()) {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The sign-in server function draws on the same per-IP budget as `POST /api/v1/auth/login`.
async fn limit_sign_in(State(limit): State<Option<SharedLimit>>, req: Request, next: Next) -> Response {
    if let Some(limit) = limit
        && req.uri().path() == "/_sfn/login"
    {
        let ip =
            req.extensions().get::<ClientIp>().map_or_else(|| "unknown".to_owned(), |c| crate::extract::rate_key(&c.0));
        if let Some(too_many) = limit.refuse(&ip) {
            return too_many;
        }
    }
    next.run(req).await
}

/// The REST budgets the heavy server functions share with their REST twins.
#[derive(Clone)]
pub struct HeavyBudgets {
    pub tickets: Option<StaffBudget>,
    pub analytics: Option<StaffBudget>,
}

/// The dashboard, the ticket list and the audit check draw on the same per-staff budgets as
/// `/analytics/*`, `/tickets` and `/audit/verify`.
async fn limit_heavy(State(heavy): State<HeavyBudgets>, req: Request, next: Next) -> Response {
    let budget = match req.uri().path() {
        "/_sfn/analytics/dashboard" | "/_sfn/audit/verify" => heavy.analytics.as_ref(),
        "/_sfn/tickets/list" => heavy.tickets.as_ref(),
        _ => None,
    };
    if let Some(refused) = budget.and_then(|b| b.refuse(req.headers())) {
        return refused;
    }
    next.run(req).await
}

/// Refuses state-changing requests whose `Origin` (or, lacking it, `Referer`) is not this host.
async fn check_origin(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || same_origin(req.headers()) {
        return next.run(req).await;
    }
    ApiError::new(StatusCode::FORBIDDEN, "Cross-origin request refused").into_response()
}

pub(crate) fn same_origin(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let source = headers.get(header::ORIGIN).or_else(|| headers.get(header::REFERER)).and_then(|v| v.to_str().ok());
    let Some(source) = source else {
        return false;
    };
    let authority = source
        .strip_prefix("https://")
        .or_else(|| source.strip_prefix("http://"))
        .map(|rest| rest.split('/').next().unwrap_or(""));
    authority.is_some_and(|a| a.eq_ignore_ascii_case(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn origin_must_match_host() {
        assert!(same_origin(&headers(&[("host", "127.0.0.1:3000"), ("origin", "http://127.0.0.1:3000")])));
        assert!(same_origin(&headers(&[("host", "a.bank"), ("referer", "https://a.bank/users")])));
        assert!(!same_origin(&headers(&[("host", "a.bank"), ("origin", "https://evil.example")])));
        assert!(!same_origin(&headers(&[("host", "a.bank"), ("origin", "https://a.bank.evil.example")])));
        assert!(!same_origin(&headers(&[("host", "a.bank")])));
        assert!(!same_origin(&headers(&[("host", "a.bank"), ("origin", "null")])));
    }
}
