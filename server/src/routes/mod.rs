//! The versioned REST API under `/api/v1`, one module per feature. Handlers only translate HTTP
//! to `domain` calls and back.

pub mod agents;
pub mod assistant;
pub mod auth;
pub mod canned;
pub mod chat;
pub mod conversations;
pub mod health;
pub mod knowledge;
pub mod realtime;
pub mod tickets;
pub mod users;

use axum::Router;
use axum::routing::{get, patch, post, put};
use domain::AppState;

use crate::ratelimit::{Limits, StaffBudget};

use crate::error::ApiError;

/// `/api/v1/*`. The login budget is shared with the admin panel's sign-in; `jwt` keys the
/// per-staff budget of `/tickets`.
pub fn api(limits: Limits, jwt: domain::auth::JwtKeys) -> Router<AppState> {
    let mut login = Router::new().route("/auth/login", post(auth::login));
    if let Some(limit) = &limits.login {
        login = login.layer(limit.layer());
    }
    let mut start = Router::new().route("/chat/start", post(chat::start));
    if let Some(limit) = &limits.chat_start {
        start = start.layer(limit.layer());
    }
    let mut tickets = Router::new()
        .route("/tickets", get(tickets::list).post(tickets::create))
        .route("/tickets/{ticket_id}", get(tickets::get))
        .route("/tickets/{ticket_id}/assign", post(tickets::assign))
        .route("/tickets/{ticket_id}/status", patch(tickets::status))
        .route("/tickets/{ticket_id}/priority", patch(tickets::priority))
        .route("/tickets/{ticket_id}/notes", get(tickets::notes).post(tickets::add_note));
    if let Some(limit) = limits.tickets.clone() {
        let budget = StaffBudget { limit, jwt };
        tickets = tickets.layer(axum::middleware::from_fn_with_state(budget, crate::ratelimit::per_staff));
    }
    Router::new()
        .merge(login)
        .merge(start)
        .merge(tickets)
        .route("/auth/me", get(auth::me))
        .route("/auth/refresh", post(auth::refresh))
        .route("/auth/logout", post(auth::logout))
        .route("/users", get(users::list).post(users::create))
        .route("/users/{id}", get(users::get).patch(users::update))
        .route("/knowledge", get(knowledge::list).post(knowledge::create))
        .route("/knowledge/search", get(knowledge::search))
        .route("/knowledge/categories", get(knowledge::categories))
        .route("/knowledge/{id}", get(knowledge::get).put(knowledge::update).delete(knowledge::deactivate))
        .route("/chat/message", post(chat::message))
        .route("/chat/escalate", post(chat::escalate))
        .route("/chat/{id}/messages", get(chat::history))
        .route("/chat/ws", get(realtime::customer))
        .route("/ws", get(realtime::staff))
        .route("/ws/stats", get(realtime::stats))
        .route("/agents", get(agents::list))
        .route("/agents/me/presence", put(agents::presence))
        .route("/canned-responses", get(canned::list).post(canned::create))
        .route("/canned-responses/{id}", put(canned::update).delete(canned::delete))
        .route("/conversations", get(conversations::list))
        .route("/conversations/{id}", get(conversations::get))
        .route("/conversations/{id}/messages", post(conversations::message))
        .route("/conversations/{id}/takeover", post(conversations::take_over))
        .route("/conversations/{id}/handback", post(conversations::hand_back))
        .route("/conversations/{id}/close", post(conversations::close))
        .route("/assistant/ask", post(assistant::ask))
        .route("/assistant/answers", get(assistant::list))
        .route("/assistant/answers/{id}", get(assistant::get))
        .route("/assistant/answers/{id}/verdict", post(assistant::verdict))
        .layer(axum::Extension(limits))
}

/// Any unknown path under `/api`: a JSON 404.
pub async fn not_found() -> ApiError {
    ApiError::not_found()
}
