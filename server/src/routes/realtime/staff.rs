//! `GET /ws`: a staff member's socket, with role-routed events.

use std::time::Instant;

use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::HeaderMap;
use axum::response::Response;
use domain::AppState;
use domain::auth::CurrentUser;
use domain::events::{SocketGuard, StaffResume};
use domain::model::{ClientFrame, CustomerFrame, Role, StaffFrame, Typing};
use futures::SinkExt;
use futures::stream::StreamExt;
use serde::Deserialize;
use tokio::sync::broadcast::error::RecvError;

use super::{DEAD_AFTER, PING_EVERY, address_key, bounded, limits, send, too_many_sockets};
use crate::credentials::Credentials;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ClientIp, Query};
use crate::openapi::errors::Invalid;
use domain::model::ErrorBody;
use limits::{PER_ADDRESS, Throttle};

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
    // A socket cannot send headers: its bearer token comes as `?token=`.
    let credentials =
        Credentials { bearer: params.token.filter(|t| !t.is_empty()), ..Credentials::from_headers(&headers) };
    let bearer = credentials.bearer.clone();
    // A browser sends the session cookie with a socket opened by any site (cross-site WebSocket
    // hijacking): with the cookie as the credential, the page must be the panel's own.
    if bearer.is_none() && credentials.access_cookie.is_some() && !crate::admin::same_origin(&headers) {
        return Err(ApiError::new(axum::http::StatusCode::FORBIDDEN, "Cross-origin socket refused"));
    }
    let token = credentials.required()?;
    let user = domain::sessions::authenticate(&state, token).await?;
    let claims = state.jwt.verify(token)?;
    // A bearer token is the socket's only credential: the socket ends when the token does. With the
    // session cookie, the session (refreshed by the panel) is the credential: the socket ends when
    // the session is signed out, lapses unrefreshed or reaches its absolute lifetime. Both end on
    // deactivation, a role change or a new password.
    // With the cookie, the socket lives as long as the session can be refreshed (the refresh
    // cookie names it); without a refresh cookie, as long as the access token.
    let session = match (&bearer, &credentials.refresh_cookie) {
        (None, Some(refresh)) => domain::sessions::session_of(&state, refresh).await?,
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
    let hello = StaffFrame::Hello { seq: state.events.staff_seq(), user_id: user.id };
    if send(&mut sink, &hello).await.is_err() {
        return;
    }
    match resume {
        StaffResume::Replay(missed) => {
            for event in missed.iter().filter(|e| e.is_for(user.id, is_agent)) {
                if send(&mut sink, &event.frame()).await.is_err() {
                    return;
                }
            }
        }
        StaffResume::Resync => {
            if send(&mut sink, &StaffFrame::Resync { seq: state.events.staff_seq() }).await.is_err() {
                return;
            }
        }
    }
    let mut ping = tokio::time::interval(PING_EVERY);
    let mut heard = Instant::now();
    let mut resyncs = state.events.resyncs();
    loop {
        tokio::select! {
            event = events.recv() => match event {
                Ok(event) if event.is_for(user.id, is_agent) => {
                    if send(&mut sink, &event.frame()).await.is_err() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => {
                    // Too slow to keep up: reload rather than miss events silently.
                    if send(&mut sink, &StaffFrame::Resync { seq: state.events.staff_seq() }).await.is_err() {
                        break;
                    }
                }
                Err(RecvError::Closed) => break,
            },
            // This server may have missed another's events: reload.
            Ok(()) = resyncs.changed() => {
                if send(&mut sink, &StaffFrame::Resync { seq: state.events.staff_seq() }).await.is_err() {
                    break;
                }
            }
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    heard = Instant::now();
                    match serde_json::from_str::<ClientFrame>(&text) {
                        Ok(ClientFrame::Ping) => {
                            let pong = StaffFrame::Pong { seq: state.events.staff_seq() };
                            if send(&mut sink, &pong).await.is_err() {
                                break;
                            }
                        }
                        Ok(ClientFrame::Typing { conversation_id: Some(conversation_id) })
                            if user.role != Role::Viewer && typing.allow() =>
                        {
                            let typing = Typing { conversation_id, seq: None, role: "agent".to_owned() };
                            state.events.conversation(CustomerFrame::Typing(typing));
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
            () = state.events.closing() => {
                super::send_away(&mut sink).await;
                break;
            }
            _ = ping.tick() => {
                if heard.elapsed() > DEAD_AFTER || sink.send(Message::Ping(Default::default())).await.is_err() {
                    break;
                }
            }
        }
    }
}
