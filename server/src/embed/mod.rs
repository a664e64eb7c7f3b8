//! What a bank's website loads: `/widget.js` (the loader it embeds), `/widget?inbox=KEY` (the
//! frame, which only the inbox's allowed origins may embed), the widget's built files under
//! `/widget/pkg`, and `/demo`, a bank home page that embeds the widget exactly as a bank would.

mod demo;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use domain::AppState;
use serde::Deserialize;
use tower_http::services::ServeDir;

/// The loader, served as written (1.9 KB gzipped; the budget is 2 KB).
pub const LOADER: &str = include_str!("../../../widget/loader.js");

/// `/widget.js`, `/widget`, `/widget/pkg/*`, `/demo`.
pub fn router(state: AppState) -> Router {
    let pkg = ServeDir::new(state.config.widget_root.join("pkg"));
    Router::new()
        .route("/widget.js", get(loader))
        .route("/widget", get(frame))
        .route("/demo", get(demo::page))
        .nest_service("/widget/pkg", pkg)
        .with_state(state)
}

async fn loader() -> Response {
    let headers = [
        (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
        // Not hashed (banks paste its URL), so browsers check for a new one every few minutes.
        (header::CACHE_CONTROL, "public, max-age=300"),
    ];
    (headers, LOADER).into_response()
}

/// Frame parameters.
#[derive(Debug, Deserialize)]
pub struct FrameParams {
    #[serde(default)]
    inbox: String,
    #[serde(default)]
    lang: Option<String>,
}

/// Only keys and language codes as we issue them get into the page.
fn plain(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') && s.len() <= 40
}

/// The frame: the widget app for one inbox. `frame-ancestors` lets only the inbox's allowed
/// origins embed it, so the widget does not run on other sites.
async fn frame(State(state): State<AppState>, Query(params): Query<FrameParams>) -> Response {
    let inbox = match domain::inboxes::find_active(&state, &params.inbox).await {
        Ok(inbox) if plain(&inbox.key) => inbox,
        _ => {
            return (StatusCode::NOT_FOUND, Html("<!DOCTYPE html><title>Not found</title><p>Unknown inbox.</p>"))
                .into_response();
        }
    };
    let origins = domain::inboxes::origins_of(&inbox).join(" ");
    let policy = format!("frame-ancestors {origins}");
    let lang = params.lang.filter(|l| l == "en" || l == "es").unwrap_or_else(|| inbox.default_language.clone());
    let lang = if plain(&lang) { lang } else { "es".to_owned() };
    let page = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Chat</title><link rel=\"stylesheet\" href=\"/widget/pkg/widget.css\"></head>\
         <body><script type=\"module\">import init from '/widget/pkg/widget.js'; init();</script></body></html>"
    );
    let headers = [(header::CONTENT_SECURITY_POLICY, policy), (header::CACHE_CONTROL, "no-store".to_owned())];
    (headers, Html(page)).into_response()
}
