//! The versioned REST API under `/api/v1`, one module per feature. Handlers only translate HTTP
//! to `domain` calls and back.

pub mod agents;
pub mod analytics;
pub mod assistant;
pub mod audit;
pub mod auth;
pub mod canned;
pub mod chat;
pub mod conversations;
pub mod customers;
pub mod export;
pub mod health;
pub mod inboxes;
pub mod knowledge;
pub mod notifications;
pub mod realtime;
pub mod settings;
pub mod system;
pub mod tickets;
pub mod users;

use axum::Router;
use axum::http::{HeaderMap, HeaderValue};
use domain::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::ApiError;
use crate::ratelimit::{Limits, StaffBudget};

/// `/api/v1/*`, with its OpenAPI document at `/openapi.json` and `/docs`. The login budget is
/// shared with the admin panel's sign-in; `jwt` keys the per-staff budget of `/tickets`.
pub fn api(limits: Limits, jwt: domain::auth::JwtKeys) -> Router<AppState> {
    let (router, doc) = documented(limits, jwt).split_for_parts();
    router.merge(crate::openapi::router(&crate::openapi::finish(doc)))
}

/// Every route, each registered with its documentation.
fn documented(limits: Limits, jwt: domain::auth::JwtKeys) -> OpenApiRouter<AppState> {
    let mut login = OpenApiRouter::default().routes(routes!(auth::login));
    if let Some(limit) = limits.login.clone() {
        login = login.layer(axum::middleware::from_fn_with_state(limit, crate::ratelimit::per_ip));
    }
    let mut start = OpenApiRouter::default().routes(routes!(chat::start)).routes(routes!(chat::offline));
    if let Some(limit) = limits.chat_start.clone() {
        start = start.layer(axum::middleware::from_fn_with_state(limit, crate::ratelimit::per_ip));
    }
    let mut tickets = OpenApiRouter::default()
        .routes(routes!(tickets::list, tickets::create))
        .routes(routes!(tickets::get))
        .routes(routes!(tickets::assign))
        .routes(routes!(tickets::status))
        .routes(routes!(tickets::priority))
        .routes(routes!(tickets::notes, tickets::add_note));
    if let Some(limit) = limits.tickets.clone() {
        let budget = StaffBudget { limit, jwt: jwt.clone() };
        tickets = tickets.layer(axum::middleware::from_fn_with_state(budget, crate::ratelimit::per_staff));
    }
    let mut analytics = OpenApiRouter::default()
        .routes(routes!(analytics::dashboard))
        .routes(routes!(analytics::conversations))
        .routes(routes!(analytics::tickets))
        .routes(routes!(analytics::agents))
        .routes(routes!(analytics::my_report))
        .routes(routes!(analytics::agent_report))
        .routes(routes!(analytics::sla))
        .routes(routes!(analytics::customers))
        .routes(routes!(analytics::timeline))
        .routes(routes!(analytics::audit))
        .routes(routes!(analytics::assistant))
        // Re-reading the whole chain is as heavy as a dashboard.
        .routes(routes!(audit::verify));
    if let Some(limit) = limits.analytics.clone() {
        let budget = StaffBudget { limit, jwt };
        analytics = analytics.layer(axum::middleware::from_fn_with_state(budget, crate::ratelimit::per_staff));
    }
    OpenApiRouter::default()
        .merge(login)
        .merge(start)
        .merge(tickets)
        .merge(analytics)
        .routes(routes!(auth::me, auth::update_me))
        .routes(routes!(auth::change_password))
        .routes(routes!(auth::refresh))
        .routes(routes!(auth::logout))
        .routes(routes!(users::list, users::create))
        .routes(routes!(users::get, users::update))
        .routes(routes!(knowledge::list, knowledge::create))
        .routes(routes!(knowledge::search))
        .routes(routes!(knowledge::categories))
        .routes(routes!(knowledge::get, knowledge::update, knowledge::deactivate))
        .routes(routes!(chat::message))
        .routes(routes!(chat::escalate))
        .routes(routes!(chat::history))
        .routes(routes!(chat::rating))
        .routes(routes!(chat::export, chat::download))
        .routes(routes!(chat::identify))
        .routes(routes!(inboxes::list, inboxes::create))
        .routes(routes!(inboxes::get, inboxes::update, inboxes::deactivate))
        .routes(routes!(inboxes::rotate_secret))
        .routes(routes!(inboxes::widget_config))
        .routes(routes!(realtime::customer))
        .routes(routes!(realtime::staff))
        .routes(routes!(realtime::stats))
        .routes(routes!(agents::list))
        .routes(routes!(agents::presence))
        .routes(routes!(canned::list, canned::create))
        .routes(routes!(canned::update, canned::delete))
        .routes(routes!(customers::list, customers::create))
        .routes(routes!(customers::search))
        .routes(routes!(customers::stats))
        .routes(routes!(customers::get, customers::update, customers::deactivate))
        .routes(routes!(customers::data_export))
        .routes(routes!(customers::erase))
        .routes(routes!(settings::list_system, settings::create_system))
        .routes(routes!(settings::get_system, settings::update_system, settings::delete_system))
        .routes(routes!(settings::list_mine))
        .routes(routes!(settings::set_mine))
        .routes(routes!(settings::public))
        .routes(routes!(settings::retention_run))
        .routes(routes!(notifications::mine))
        .routes(routes!(notifications::unread))
        .routes(routes!(notifications::read_all))
        .routes(routes!(notifications::outbox))
        .routes(routes!(notifications::stats))
        .routes(routes!(notifications::get))
        .routes(routes!(notifications::retry))
        .routes(routes!(export::export))
        .routes(routes!(audit::list))
        .routes(routes!(conversations::list))
        .routes(routes!(conversations::get))
        .routes(routes!(conversations::message))
        .routes(routes!(conversations::read))
        .routes(routes!(conversations::take_over))
        .routes(routes!(conversations::hand_back))
        .routes(routes!(conversations::close))
        .routes(routes!(assistant::ask))
        .routes(routes!(assistant::list))
        .routes(routes!(assistant::get))
        .routes(routes!(assistant::verdict))
        .routes(routes!(system::status))
        .layer(axum::Extension(limits))
}

/// A page of a list, with the total of all that match in `X-Total-Count`.
pub fn counted<T>(page: Vec<T>, total: u64) -> (HeaderMap, crate::extract::Json<Vec<T>>) {
    let mut headers = HeaderMap::new();
    headers.insert("x-total-count", HeaderValue::from(total));
    (headers, crate::extract::Json(page))
}

/// Any unknown path under `/api`: a JSON 404.
pub async fn not_found() -> ApiError {
    ApiError::not_found()
}
