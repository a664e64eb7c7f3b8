//! The `joxai` server: builds the axum application (REST API, admin panel, widget files,
//! health checks) around the domain's [`AppState`], and serves it.

// The admin panel's frame is one deep view type, laid out here where the server renders it.
#![recursion_limit = "256"]

pub mod admin;
pub mod cache;
pub mod credentials;
pub mod embed;
pub mod error;
pub mod extract;
pub mod headers;
pub mod metrics;
pub mod openapi;
pub mod ratelimit;
pub mod request_id;
pub mod routes;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use domain::AppState;
use domain::config::Config;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::error::ApiError;

/// Everything a server needs before it serves, in this process: [`set_up`], then [`open`]'s
/// index and settings.
pub async fn prepare(config: Config) -> anyhow::Result<AppState> {
    let state = set_up(config).await?;
    load(&state).await?;
    Ok(state)
}

/// The database brought up to date (migrations) and the configured first admin created: the
/// start-up work on the database. The state it returns has no knowledge index loaded.
pub async fn set_up(config: Config) -> anyhow::Result<AppState> {
    let db = domain::db::connect_and_migrate(&config.database_url).await.map_err(|e| cannot_open(&config, e))?;
    let writer = domain::db::writer(&config.database_url, &db).await?;
    let state = AppState::new(db, config).with_writer(writer);
    if domain::seed::bootstrap_admin(&state).await? {
        tracing::info!("created the first admin from JOXAI_ADMIN_EMAIL");
    }
    Ok(state)
}

/// The state to serve from, over a database [`set_up`] has already brought up to date (`serve`
/// does that in a helper process): the knowledge index and the stored settings loaded.
pub async fn open(config: Config) -> anyhow::Result<AppState> {
    let db = domain::db::connect(&config.database_url).await.map_err(|e| cannot_open(&config, e))?;
    let writer = domain::db::writer(&config.database_url, &db).await?;
    let state = AppState::new(db, config).with_writer(writer);
    load(&state).await?;
    Ok(state)
}

fn cannot_open(config: &Config, e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("cannot open database {}: {e}", domain::config::redact_url(&config.database_url))
}

async fn load(state: &AppState) -> anyhow::Result<()> {
    let articles = domain::knowledge::load_index(state).await?;
    tracing::info!(articles, "knowledge base indexed");
    domain::settings::apply_stored(state).await?;
    Ok(())
}

/// SQLite serves one process: the event bus, the staff sequence numbers and the rate limits live
/// in it. A serving process holds an exclusive lock on `<database file>.lock` while it runs, and a
/// second one on the same file is refused with a message saying why. Commands such as `migrate`
/// and `user create` do not take it: SQLite lets them write beside the server. PostgreSQL needs
/// no lock (`None`).
pub fn claim_database(url: &str) -> anyhow::Result<Option<std::fs::File>> {
    let Some(file) = domain::db::sqlite_file(url) else { return Ok(None) };
    let mut name = file.clone().into_os_string();
    name.push(".lock");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&name)
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", std::path::Path::new(&name).display()))?;
    match lock.try_lock() {
        Ok(()) => Ok(Some(lock)),
        Err(std::fs::TryLockError::WouldBlock) => Err(anyhow::anyhow!(
            "another JoxAI server is already serving the SQLite database {}: SQLite serves one instance; \
             stop that one, or use PostgreSQL (DATABASE_URL=postgres://…)",
            file.display()
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(anyhow::anyhow!("cannot lock {}: {e}", file.display())),
    }
}

/// Starts the background work of a serving process: the notification outbox's worker.
pub fn start_workers(state: &AppState) {
    if state.config.notify.smtp_url.is_none() {
        tracing::warn!("e-mail notifications are stored but not sent: set JOXAI_SMTP_URL");
    }
    domain::notifications::worker::spawn(state.clone());
    domain::retention::spawn(state.clone());
    domain::tickets::sla::spawn(state.clone());
    domain::fanout::start(state);
}

/// The whole HTTP application.
pub fn app(state: AppState) -> Router {
    let limits = ratelimit::Limits::new(&state);
    let login_limit = limits.login.clone();
    let heavy = admin::HeavyBudgets {
        tickets: limits.tickets.clone().map(|limit| ratelimit::StaffBudget { limit, jwt: state.jwt.clone() }),
        analytics: limits.analytics.clone().map(|limit| ratelimit::StaffBudget { limit, jwt: state.jwt.clone() }),
    };
    let api = Router::new()
        .nest("/v1", routes::api(limits, state.jwt.clone()))
        .fallback(routes::not_found)
        .with_state(state.clone());
    let health = Router::new()
        .route("/healthz", get(routes::health::healthz))
        .route("/readyz", get(routes::health::readyz))
        .route("/metrics", get(metrics::metrics))
        .with_state(state.clone());
    Router::new()
        .nest("/api", api)
        .merge(health)
        .merge(embed::router(state.clone()))
        .merge(admin::router(state.clone(), login_limit, heavy))
        // Each layer holds only what it reads: a layer's state is cloned for every request.
        .layer(axum::middleware::from_fn_with_state(state.config.max_body_bytes, extract::refuse_nul))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(state.config.clone(), extract::attach_client_ip))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error").into_response()
        }))
        .layer(axum::middleware::from_fn_with_state(state.http.clone(), metrics::track))
        .layer(TraceLayer::new_for_http().make_span_with(request_id::span))
        .layer(axum::middleware::from_fn(request_id::attach))
}

/// Serves `app` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}
