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

/// The widget's built files, as `manifest.json` (written by `cargo xtask widget`) names them:
/// hashed names for a release build.
#[derive(Debug, Clone, Deserialize)]
pub struct Manifest {
    pub js: String,
    pub wasm: String,
    pub css: String,
}

impl Manifest {
    /// Reads `<widget root>/pkg/manifest.json`; without one, the plain names.
    pub fn load(widget_root: &std::path::Path) -> Manifest {
        std::fs::read_to_string(widget_root.join("pkg/manifest.json"))
            .ok()
            .and_then(|text| serde_json::from_str::<Manifest>(&text).ok())
            .filter(|m| [&m.js, &m.wasm, &m.css].iter().all(|n| plain_file(n)))
            .unwrap_or_else(|| Manifest {
                js: "widget.js".into(),
                wasm: "widget_bg.wasm".into(),
                css: "widget.css".into(),
            })
    }
}

fn plain_file(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// `/widget.js`, `/widget`, `/widget/pkg/*` (gzip or brotli when the browser takes them; hashed
/// files cached for a year), `/demo`.
pub fn router(state: AppState) -> Router {
    let pkg = ServeDir::new(state.config.widget_root.join("pkg")).precompressed_br().precompressed_gzip();
    let manifest = std::sync::Arc::new(Manifest::load(&state.config.widget_root));
    Router::new()
        .route("/widget.js", get(loader).layer(tower_http::compression::CompressionLayer::new()))
        .route("/widget", get(frame))
        .route("/demo", get(demo::page))
        .nest_service("/widget/pkg", pkg)
        .layer(axum::middleware::from_fn(|req, next| crate::cache::by_name("/widget/pkg/", req, next)))
        .layer(axum::Extension(manifest))
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
async fn frame(
    State(state): State<AppState>,
    axum::Extension(files): axum::Extension<std::sync::Arc<Manifest>>,
    Query(params): Query<FrameParams>,
) -> Response {
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
         <title>Chat</title><link rel=\"stylesheet\" href=\"/widget/pkg/{css}\"></head>\
         <body><script type=\"module\">import init from '/widget/pkg/{js}'; \
         init({{ module_or_path: '/widget/pkg/{wasm}' }});</script></body></html>",
        css = files.css,
        js = files.js,
        wasm = files.wasm,
    );
    let headers = [(header::CONTENT_SECURITY_POLICY, policy), (header::CACHE_CONTROL, "no-store".to_owned())];
    (headers, Html(page)).into_response()
}
