//! The API's OpenAPI 3.1 document, collected from the handlers' `#[utoipa::path]` annotations as
//! the router is built (a route cannot be added without its documentation), served at
//! `/api/v1/openapi.json`, and rendered for people at `/api/v1/docs`.

pub mod errors;
mod page;

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use domain::AppState;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::tag::TagBuilder;
use utoipa::openapi::{Components, Info, OpenApi, Server};

const DESCRIPTION: &str = "JoxAI's versioned REST and WebSocket API. Customers' chat calls (`/chat/*`) need no staff \
     token: the conversation id is the capability, and history and the socket need the visitor token from \
     `/chat/start`. Staff calls need `Authorization: Bearer <access_token>` from `/auth/login`. Every error is \
     `{\"detail\": \"…\"}`; enum values are accepted in any case; lists that page return their total in \
     `X-Total-Count`.";

const TAGS: [(&str, &str); 18] = [
    ("auth", "Staff sign-in, token refresh and sign-out."),
    ("users", "Staff accounts (ADMIN)."),
    ("chat", "The customer chat: start, send, escalate, history."),
    ("conversations", "Conversations as staff see them: transcript, reply, take over, hand back, close."),
    ("tickets", "Tickets: the queue, assignment, status, priority, internal notes."),
    ("agents", "Agents' presence, load and working time."),
    ("canned", "Canned responses for agents' replies."),
    ("inboxes", "The bank websites that embed the widget, and the widget's public configuration."),
    ("knowledge", "The knowledge base the assistant answers from."),
    ("assistant", "Ask the assistant; its answer log and verdicts."),
    (
        "realtime",
        "WebSockets: a conversation's events for the customer, role-routed events for staff. Every frame is \
        JSON whose `type` names it: the schemas CustomerFrame (GET /chat/ws) and StaffFrame (GET /ws) list all the \
        server writes, ClientFrame what a client may send.",
    ),
    ("customers", "The bank's customers (CRM): profiles with their conversations and tickets."),
    ("settings", "System, per-user and public settings, applied while JoxAI runs."),
    ("notifications", "E-mail and SMS notifications: the outbox, its statistics, the staff's bell."),
    (
        "analytics",
        "Figures for the dashboard: conversations, tickets, agents (and each one's own), customers, the assistant.",
    ),
    ("export", "Conversations with transcripts, tickets, analytics and working hours as streamed CSV or JSON."),
    ("audit", "The hash-chained audit log and its verification."),
    ("system", "The system's state for its operators: database, LLM, e-mail, outbox, sockets, version."),
];

/// Fills in what the annotations do not say: title, version, server prefix, the bearer scheme,
/// tag descriptions.
pub fn finish(mut doc: OpenApi) -> OpenApi {
    let mut info = Info::new("JoxAI", env!("CARGO_PKG_VERSION"));
    info.description = Some(DESCRIPTION.to_owned());
    doc.info = info;
    doc.servers = Some(vec![Server::new("/api/v1")]);
    let bearer = HttpBuilder::new()
        .scheme(HttpAuthScheme::Bearer)
        .bearer_format("JWT")
        .description(Some("The access token from POST /auth/login."))
        .build();
    let components = doc.components.get_or_insert_with(Components::new);
    components.add_security_scheme("bearer", SecurityScheme::Http(bearer));
    // The realtime protocol's frames travel on sockets, not in a response body: listed here.
    add_schema::<domain::model::CustomerFrame>(components);
    add_schema::<domain::model::StaffFrame>(components);
    add_schema::<domain::model::ClientFrame>(components);
    doc.tags = Some(
        TAGS.iter().map(|(name, about)| TagBuilder::new().name(*name).description(Some(*about)).build()).collect(),
    );
    doc
}

/// `T`'s schema and those it refers to, under their names.
fn add_schema<T: utoipa::ToSchema>(components: &mut Components) {
    components.schemas.insert(T::name().into_owned(), T::schema());
    let mut nested = Vec::new();
    T::schemas(&mut nested);
    components.schemas.extend(nested);
}

/// `/openapi.json` and `/docs`, rendered once.
pub fn router(doc: &OpenApi) -> Router<AppState> {
    let json: Arc<str> = doc.to_json().unwrap_or_else(|_| "{}".to_owned()).into();
    let value = serde_json::to_value(doc).unwrap_or_default();
    let html: Arc<str> = page::render(&value).into();
    Router::new()
        .route(
            "/openapi.json",
            get(move || {
                let json = json.clone();
                async move { ([(header::CONTENT_TYPE, "application/json")], json.to_string()) }
            }),
        )
        .route(
            "/docs",
            get(move || {
                let html = html.clone();
                async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html.to_string()).into_response() }
            }),
        )
}
