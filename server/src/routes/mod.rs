//! The versioned REST API under `/api/v1`, one module per feature. Handlers only translate HTTP
//! to `domain` calls and back.

pub mod auth;
pub mod health;
pub mod users;

use axum::Router;
use axum::routing::{get, post};
use domain::AppState;

use crate::error::ApiError;

/// `/api/v1/*`.
pub fn api(state: &AppState) -> Router<AppState> {
    let mut login = Router::new().route("/auth/login", post(auth::login));
    if state.config.rate_limits.enabled
        && let Some(layer) = crate::ratelimit::per_minute(state.config.rate_limits.login_per_minute)
    {
        login = login.layer(layer);
    }
    Router::new()
        .merge(login)
        .route("/auth/me", get(auth::me))
        .route("/auth/refresh", post(auth::refresh))
        .route("/auth/logout", post(auth::logout))
        .route("/users", get(users::list).post(users::create))
        .route("/users/{id}", get(users::get).patch(users::update))
}

/// Any unknown path under `/api`: a JSON 404.
pub async fn not_found() -> ApiError {
    ApiError::not_found()
}
