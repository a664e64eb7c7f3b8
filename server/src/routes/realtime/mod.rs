//! The sockets. Customers: `GET /chat/ws?conversation_id=&token=&after_seq=` (the visitor token).
//! Staff: `GET /ws?token=JWT&after_seq=` (or the admin cookie). Every event carries a sequence
//! number; a socket that reconnects with the last one it saw first gets what it missed. Pings
//! keep connections alive and find dead ones; a client that does not take its events in time is
//! dropped (it reconnects and resumes) rather than slowing anyone else. What a client may send
//! is bounded ([`limits`]); a staff socket closes within seconds when its user may no longer
//! listen.

mod limits;

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
use crate::extract::{ClientIp, Json, Query, Staff, rate_key};
use crate::openapi::errors::{Forbidden, Invalid, Unauthorized, UnknownConversation};
use domain::model::ErrorBody;
use limits::{MAX_MESSAGE_BYTES, PER_ADDRESS, PER_CONVERSATION, Throttle};

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
#[utoipa::path(get, path = "/chat/ws", tag = "realtime", operation_id = "realtime_customer", params(CustomerParams),
    responses(
        (status = 101, description = "Switching to the WebSocket protocol"),
        (status = 401, description = "Wrong visitor token", body = ErrorBody),
        UnknownConversation, Invalid
    ))]
pub async fn customer(
    State(state): State<AppState>,
    Query(params): Query<CustomerParams>,
    ip: Option<axum::Extension<ClientIp>>,
    ws: WebSocketUpgrade,
) -> ApiResult<Response> {
    let conversation = domain::chat::authorize_visitor(&state, &params.conversation_id, Some(&params.token)).await?;
    let after = params.after_seq.unwrap_or(0).max(0);
    let slot = limits::take(&[
        (format!("conversation:{}", conversation.id), PER_CONVERSATION),
        (address_key(ip.as_deref()), PER_ADDRESS),
    ])
    .ok_or_else(too_many_sockets)?;
    let assigned = conversation.assigned_to;
    Ok(bounded(ws).on_upgrade(move |ws| async move {
        let _slot = slot; // held while the socket is open
        customer_socket(&state, conversation.id, conversation.public_id, after, assigned, ws).await;
    }))
}

fn bounded(ws: WebSocketUpgrade) -> WebSocketUpgrade {
    ws.max_message_size(MAX_MESSAGE_BYTES).max_frame_size(MAX_MESSAGE_BYTES)
}

fn address_key(ip: Option<&ClientIp>) -> String {
    format!("address:{}", ip.map_or_else(|| "unknown".to_owned(), |ip| rate_key(&ip.0)))
}

fn too_many_sockets() -> ApiError {
    ApiError::new(axum::http::StatusCode::TOO_MANY_REQUESTS, "Too many open connections; close one and try again")
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

async fn customer_socket(
    state: &AppState,
    id: i32,
    public_id: String,
    after: i64,
    assigned: Option<i32>,
    ws: WebSocket,
) {
    let _guard = SocketGuard::new(&state.events.customer_sockets);
    // Subscribe before reading the database, so nothing falls between the two.
    let mut events = state.events.subscribe_conversations();
    let (mut sink, mut stream) = ws.split();
    // Whom to tell that the customer types: read once, and again only after something happened.
    let (mut assigned, mut stale) = (assigned, false);
    let mut typing = Throttle::default();
    let mut last = after;
    if replay(state, id, &public_id, &mut last, &mut sink).await.is_err() {
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
                    stale |= event.kind != "typing";
                    if let Some(seq) = event.seq {
                        if seq <= last {
                            continue;
                        }
                        if seq > last + 1 {
                            // A gap: fill it from the database.
                            if replay(state, id, &public_id, &mut last, &mut sink).await.is_err() {
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
                    if replay(state, id, &public_id, &mut last, &mut sink).await.is_err() {
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
                        Ok(ClientMessage::Typing { .. }) if typing.allow() => {
                            if stale {
                                assigned = domain::chat::find(state, &public_id).await.ok().and_then(|c| c.assigned_to);
                                stale = false;
                            }
                            customer_typing(state, &public_id, assigned);
                        }
                        Ok(_) | Err(_) => {}
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

fn customer_typing(state: &AppState, public_id: &str, assigned: Option<i32>) {
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
#[utoipa::path(get, path = "/ws", tag = "realtime", operation_id = "realtime_staff", params(StaffParams),
    responses(
        (status = 101, description = "Switching to the WebSocket protocol"),
        (status = 401, description = "No valid staff token or session cookie", body = ErrorBody),
        Invalid
    ))]
pub async fn staff(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<StaffParams>,
    ip: Option<axum::Extension<ClientIp>>,
    ws: WebSocketUpgrade,
) -> ApiResult<Response> {
    let bearer = params.token.filter(|t| !t.is_empty());
    let cookie = app::api::session::cookie_value(&headers, app::api::session::ACCESS_COOKIE);
    // A browser sends the session cookie with a socket opened by any site (cross-site WebSocket
    // hijacking): with the cookie as the credential, the page must be the panel's own.
    if bearer.is_none() && cookie.is_some() && !crate::admin::same_origin(&headers) {
        return Err(ApiError::new(axum::http::StatusCode::FORBIDDEN, "Cross-origin socket refused"));
    }
    let token = bearer
        .clone()
        .or(cookie)
        .ok_or_else(|| ApiError::new(axum::http::StatusCode::UNAUTHORIZED, "Not authenticated"))?;
    let user = domain::sessions::authenticate(&state, &token).await?;
    let claims = state.jwt.verify(&token)?;
    // A bearer token is the socket's only credential: the socket ends when the token does. With the
    // session cookie, the session (refreshed by the panel) is the credential: the socket ends when
    // the session is signed out, lapses unrefreshed or reaches its absolute lifetime. Both end on
    // deactivation, a role change or a new password.
    // With the cookie, the socket lives as long as the session can be refreshed (the refresh
    // cookie names it); without a refresh cookie, as long as the access token.
    let session = match (&bearer, app::api::session::cookie_value(&headers, app::api::session::REFRESH_COOKIE)) {
        (None, Some(refresh)) => domain::sessions::session_of(&state, &refresh).await?,
        _ => None,
    };
    let expires = (bearer.is_some() || session.is_none()).then_some(claims.exp);
    let slot = limits::take(&[(address_key(ip.as_deref()), PER_ADDRESS)]).ok_or_else(too_many_sockets)?;
    let listener = Listener { user, token_version: claims.ver, expires, session };
    Ok(bounded(ws).on_upgrade(move |ws| async move {
        let _slot = slot; // held while the socket is open
        staff_socket(&state, listener, params.after_seq, ws).await;
    }))
}

/// Who listens on a staff socket, and until when they may.
struct Listener {
    user: CurrentUser,
    token_version: i32,
    /// Unix time the credential expires: the bearer token, or the session cookie's access token
    /// when no refresh cookie came with it.
    expires: Option<i64>,
    /// The session (refresh-token family) behind the session cookie.
    session: Option<String>,
}

impl Listener {
    /// Whether the user may still listen: active, same role, same token version (no new password,
    /// no forced sign-out), credential not expired.
    async fn may_listen(&self, state: &AppState) -> bool {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        if self.expires.is_some_and(|exp| i64::try_from(now).unwrap_or(i64::MAX) >= exp) {
            return false;
        }
        // A database hiccup is not a reason to drop everyone; the next check decides.
        if let Some(family) = &self.session
            && !domain::sessions::session_alive(state, family).await.unwrap_or(true)
        {
            return false;
        }
        domain::sessions::still_valid(state, &self.user, self.token_version).await.unwrap_or(true)
    }
}

async fn staff_socket(state: &AppState, listener: Listener, after: Option<u64>, ws: WebSocket) {
    let user = &listener.user;
    let _guard = SocketGuard::new(&state.events.staff_sockets);
    let is_agent = user.role == Role::Agent;
    let (resume, mut events) = state.events.subscribe_staff(after);
    let (mut sink, mut stream) = ws.split();
    let mut typing = Throttle::default();
    let mut recheck = tokio::time::interval(limits::RECHECK_EVERY);
    recheck.tick().await;
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
                        Ok(ClientMessage::Typing { conversation_id: Some(id) })
                            if user.role != Role::Viewer && typing.allow() =>
                        {
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
            _ = recheck.tick() => {
                if !listener.may_listen(state).await {
                    let _ = sink.send(Message::Close(None)).await;
                    break;
                }
            }
            _ = ping.tick() => {
                if heard.elapsed() > DEAD_AFTER || sink.send(Message::Ping(Default::default())).await.is_err() {
                    break;
                }
            }
        }
    }
}

/// `GET /ws/stats` (ADMIN): connected sockets and the staff stream's position.
#[utoipa::path(get, path = "/ws/stats", tag = "realtime", operation_id = "realtime_stats",
    responses((status = 200, description = "OK", body = serde_json::Value), Unauthorized, Forbidden),
    security(("bearer" = [])))]
pub async fn stats(State(state): State<AppState>, Staff(actor): Staff) -> ApiResult<Json<serde_json::Value>> {
    actor.require(&[Role::Admin]).map_err(ApiError::from)?;
    let (customers, staff) = state.events.connections();
    Ok(Json(serde_json::json!({
        "customer_connections": customers,
        "staff_connections": staff,
        "staff_seq": state.events.staff_seq(),
    })))
}
