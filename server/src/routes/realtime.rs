//! The sockets. Customers: `GET /chat/ws?conversation_id=&token=&after_seq=` (the visitor token).
//! Staff: `GET /ws?token=JWT&after_seq=` (or the admin cookie). Every event carries a sequence
//! number; a socket that reconnects with the last one it saw first gets what it missed. Pings
//! keep connections alive and find dead ones; a client that does not take its events in time is
//! dropped (it reconnects and resumes) rather than slowing anyone else.

use std::time::{Duration, Instant};

use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::HeaderMap;
use axum::response::Response;
use domain::AppState;
use domain::auth::CurrentUser;
use domain::events::{ConversationEvent, SocketGuard, StaffResume};
use domain::model::{ChatMessageOut, Role};
use futures::SinkExt;
use futures::stream::{SplitSink, StreamExt};
use serde::Deserialize;
use tokio::sync::broadcast::error::RecvError;

use crate::error::{ApiError, ApiResult};
use crate::extract::{Json, Query, Staff};
use domain::model::ErrorBody;

const PING_EVERY: Duration = Duration::from_secs(20);
const DEAD_AFTER: Duration = Duration::from_secs(60);
const SEND_TIMEOUT: Duration = Duration::from_secs(10);

type Sink = SplitSink<WebSocket, Message>;

async fn send(sink: &mut Sink, value: &impl serde::Serialize) -> Result<(), ()> {
    let text = serde_json::to_string(value).map_err(|_| ())?;
    match tokio::time::timeout(SEND_TIMEOUT, sink.send(Message::Text(text.into()))).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(()),
    }
}

/// What clients may send.
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ClientMessage {
    Ping,
    Typing {
        #[serde(default)]
        conversation_id: Option<String>,
    },
}

/// Customer socket parameters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomerParams {
    pub conversation_id: String,
    pub token: String,
    #[serde(default)]
    pub after_seq: Option<i64>,
}

/// `GET /chat/ws`: one conversation's events for the holder of its visitor token.
#[utoipa::path(get, path = "/chat/ws", tag = "realtime", operation_id = "realtime_customer", params(CustomerParams), responses((status = 101, description = "Switching to the WebSocket protocol"), (status = 401, description = "Wrong visitor token", body = ErrorBody), (status = 404, description = "Unknown conversation", body = ErrorBody), (status = 422, description = "Invalid input", body = ErrorBody)))]
pub async fn customer(
    State(state): State<AppState>,
    Query(params): Query<CustomerParams>,
    ws: WebSocketUpgrade,
) -> ApiResult<Response> {
    let conversation = domain::chat::authorize_visitor(&state, &params.conversation_id, Some(&params.token)).await?;
    let after = params.after_seq.unwrap_or(0).max(0);
    Ok(ws.on_upgrade(move |socket| customer_socket(state, conversation.id, conversation.public_id, after, socket)))
}

fn as_event(public_id: &str, message: ChatMessageOut) -> ConversationEvent {
    let kind = message.metadata.get("event").and_then(|e| e.as_str()).unwrap_or("new_message").to_owned();
    ConversationEvent {
        kind,
        conversation_id: public_id.to_owned(),
        seq: Some(message.seq),
        message: Some(message),
        role: None,
        ..Default::default()
    }
}

/// Sends what was stored after `last` from the database, moving `last` along.
async fn replay(state: &AppState, id: i32, public_id: &str, last: &mut i64, sink: &mut Sink) -> Result<(), ()> {
    loop {
        let missed = domain::chat::messages_after(state, id, *last).await.map_err(|_| ())?;
        if missed.is_empty() {
            return Ok(());
        }
        for message in missed {
            *last = message.seq;
            send(sink, &as_event(public_id, message)).await?;
        }
    }
}

async fn customer_socket(state: AppState, id: i32, public_id: String, after: i64, socket: WebSocket) {
    let _guard = SocketGuard::new(&state.events.customer_sockets);
    // Subscribe before reading the database, so nothing falls between the two.
    let mut events = state.events.subscribe_conversations();
    let (mut sink, mut stream) = socket.split();
    let mut last = after;
    if replay(&state, id, &public_id, &mut last, &mut sink).await.is_err() {
        return;
    }
    let mut ping = tokio::time::interval(PING_EVERY);
    let mut heard = Instant::now();
    loop {
        tokio::select! {
            event = events.recv() => match event {
                Ok(event) if event.conversation_id == public_id => {
                    if event.role.as_deref() == Some("customer") {
                        continue; // their own typing
                    }
                    if let Some(seq) = event.seq {
                        if seq <= last {
                            continue;
                        }
                        if seq > last + 1 {
                            // A gap: fill it from the database.
                            if replay(&state, id, &public_id, &mut last, &mut sink).await.is_err() {
                                break;
                            }
                            continue;
                        }
                        last = seq;
                    }
                    if send(&mut sink, &event).await.is_err() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => {
                    if replay(&state, id, &public_id, &mut last, &mut sink).await.is_err() {
                        break;
                    }
                }
                Err(RecvError::Closed) => break,
            },
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    heard = Instant::now();
                    match serde_json::from_str::<ClientMessage>(&text) {
                        Ok(ClientMessage::Ping) => {
                            if send(&mut sink, &serde_json::json!({ "type": "pong", "seq": last })).await.is_err() {
                                break;
                            }
                        }
                        Ok(ClientMessage::Typing { .. }) => customer_typing(&state, &public_id).await,
                        Err(_) => {}
                    }
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                Some(Ok(_)) => heard = Instant::now(),
            },
            _ = ping.tick() => {
                if heard.elapsed() > DEAD_AFTER || sink.send(Message::Ping(Default::default())).await.is_err() {
                    break;
                }
            }
        }
    }
}

async fn customer_typing(state: &AppState, public_id: &str) {
    let assigned = domain::chat::find(state, public_id).await.ok().and_then(|c| c.assigned_to);
    state.events.staff("typing", serde_json::json!({ "conversation_id": public_id, "role": "customer" }), assigned);
    state.events.conversation(ConversationEvent {
        kind: "typing".into(),
        conversation_id: public_id.to_owned(),
        seq: None,
        message: None,
        role: Some("customer".into()),
        ..Default::default()
    });
}

/// Staff socket parameters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StaffParams {
    #[serde(default)]
    pub token: Option<String>,
    #[serde(default)]
    pub after_seq: Option<u64>,
}

/// `GET /ws`: staff events, routed by role (agents hear about their own and unassigned work).
#[utoipa::path(get, path = "/ws", tag = "realtime", operation_id = "realtime_staff", params(StaffParams), responses((status = 101, description = "Switching to the WebSocket protocol"), (status = 401, description = "No valid staff token or session cookie", body = ErrorBody), (status = 422, description = "Invalid input", body = ErrorBody)))]
pub async fn staff(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<StaffParams>,
    ws: WebSocketUpgrade,
) -> ApiResult<Response> {
    let token = params
        .token
        .filter(|t| !t.is_empty())
        .or_else(|| app::api::session::cookie_value(&headers, app::api::session::ACCESS_COOKIE))
        .ok_or_else(|| ApiError::new(axum::http::StatusCode::UNAUTHORIZED, "Not authenticated"))?;
    let user = domain::auth::authenticate(&state, &token).await?;
    Ok(ws.on_upgrade(move |socket| staff_socket(state, user, params.after_seq, socket)))
}

async fn staff_socket(state: AppState, user: CurrentUser, after: Option<u64>, socket: WebSocket) {
    let _guard = SocketGuard::new(&state.events.staff_sockets);
    let is_agent = user.role == Role::Agent;
    let (resume, mut events) = state.events.subscribe_staff(after);
    let (mut sink, mut stream) = socket.split();
    let hello = serde_json::json!({ "type": "hello", "seq": state.events.staff_seq(), "user_id": user.id });
    if send(&mut sink, &hello).await.is_err() {
        return;
    }
    match resume {
        StaffResume::Replay(missed) => {
            for event in missed.iter().filter(|e| e.is_for(user.id, is_agent)) {
                if send(&mut sink, event).await.is_err() {
                    return;
                }
            }
        }
        StaffResume::Resync => {
            if send(&mut sink, &serde_json::json!({ "type": "resync", "seq": state.events.staff_seq() })).await.is_err()
            {
                return;
            }
        }
    }
    let mut ping = tokio::time::interval(PING_EVERY);
    let mut heard = Instant::now();
    loop {
        tokio::select! {
            event = events.recv() => match event {
                Ok(event) if event.is_for(user.id, is_agent) => {
                    if send(&mut sink, &event).await.is_err() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => {
                    // Too slow to keep up: reload rather than miss events silently.
                    let resync = serde_json::json!({ "type": "resync", "seq": state.events.staff_seq() });
                    if send(&mut sink, &resync).await.is_err() {
                        break;
                    }
                }
                Err(RecvError::Closed) => break,
            },
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    heard = Instant::now();
                    match serde_json::from_str::<ClientMessage>(&text) {
                        Ok(ClientMessage::Ping) => {
                            let pong = serde_json::json!({ "type": "pong", "seq": state.events.staff_seq() });
                            if send(&mut sink, &pong).await.is_err() {
                                break;
                            }
                        }
                        Ok(ClientMessage::Typing { conversation_id: Some(id) }) if user.role != Role::Viewer => {
                            state.events.conversation(ConversationEvent {
                                kind: "typing".into(),
                                conversation_id: id,
                                seq: None,
                                message: None,
                                role: Some("agent".into()),
                                ..Default::default()
                            });
                        }
                        _ => {}
                    }
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                Some(Ok(_)) => heard = Instant::now(),
            },
            _ = ping.tick() => {
                if heard.elapsed() > DEAD_AFTER || sink.send(Message::Ping(Default::default())).await.is_err() {
                    break;
                }
            }
        }
    }
}

/// `GET /ws/stats` (ADMIN): connected sockets and the staff stream's position.
#[utoipa::path(get, path = "/ws/stats", tag = "realtime", operation_id = "realtime_stats", responses((status = 200, description = "OK", body = serde_json::Value), (status = 401, description = "No valid staff token", body = ErrorBody), (status = 403, description = "The role may not do this", body = ErrorBody)), security(("bearer" = [])))]
pub async fn stats(State(state): State<AppState>, Staff(actor): Staff) -> ApiResult<Json<serde_json::Value>> {
    actor.require(&[Role::Admin]).map_err(ApiError::from)?;
    let (customers, staff) = state.events.connections();
    Ok(Json(serde_json::json!({
        "customer_connections": customers,
        "staff_connections": staff,
        "staff_seq": state.events.staff_seq(),
    })))
}
