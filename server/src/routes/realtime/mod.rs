//! The sockets. Customers: `GET /chat/ws?conversation_id=&token=&after_seq=` (the visitor token).
//! Staff: `GET /ws?token=JWT&after_seq=` (or the admin cookie). Every event carries a sequence
//! number; a socket that reconnects with the last one it saw first gets what it missed. Pings
//! keep connections alive and find dead ones; a client that does not take its events in time is
//! dropped (it reconnects and resumes) rather than slowing anyone else. What a client may send
//! is bounded ([`limits`]); a staff socket closes within seconds when its user may no longer
//! listen.

mod customers;
mod limits;
mod staff;

pub use customers::{__path_customer, customer};
pub use staff::{__path_staff, staff};

use std::time::Duration;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use domain::model::Role;
use futures::SinkExt;
use futures::stream::SplitSink;
use serde::Deserialize;

use crate::error::{ApiError, ApiResult};
use crate::extract::{ClientIp, Desk, Json, rate_key};
use crate::openapi::errors::{Forbidden, Unauthorized};
use limits::MAX_MESSAGE_BYTES;

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

/// Sends the client away to reconnect (to this server when it is back, or another): 1012, the
/// WebSocket code for a restarting service.
async fn send_away(sink: &mut Sink) {
    let close = axum::extract::ws::CloseFrame { code: 1012, reason: "server restarting: reconnect".into() };
    let _ = tokio::time::timeout(SEND_TIMEOUT, sink.send(Message::Close(Some(close)))).await;
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

/// `GET /ws/stats` (ADMIN): connected sockets and the staff stream's position.
#[utoipa::path(get, path = "/ws/stats", tag = "realtime", operation_id = "realtime_stats",
    responses((status = 200, description = "OK", body = serde_json::Value), Unauthorized, Forbidden),
    security(("bearer" = [])))]
pub async fn stats(Desk { state, actor, .. }: Desk) -> ApiResult<Json<serde_json::Value>> {
    actor.require(&[Role::Admin]).map_err(ApiError::from)?;
    let (customers, staff) = state.events.connections();
    Ok(Json(serde_json::json!({
        "customer_connections": customers,
        "staff_connections": staff,
        "staff_seq": state.events.staff_seq(),
    })))
}

/// Frames and messages bounded; small buffers, as chat frames are small and a server holds
/// thousands of sockets (the default reserves 128 KiB to read into for each). Each frame is
/// written at once, as a chat event should be.
pub(super) fn bounded(ws: WebSocketUpgrade) -> WebSocketUpgrade {
    ws.max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .read_buffer_size(READ_BUFFER_BYTES)
        .write_buffer_size(0)
        .max_write_buffer_size(4 * MAX_MESSAGE_BYTES)
}

/// What a socket reserves to read frames into (a larger frame grows it).
const READ_BUFFER_BYTES: usize = 4 * 1024;

pub(super) fn address_key(ip: Option<&ClientIp>) -> String {
    format!("address:{}", ip.map_or_else(|| "unknown".to_owned(), |ip| rate_key(&ip.0)))
}

pub(super) fn too_many_sockets() -> ApiError {
    ApiError::new(axum::http::StatusCode::TOO_MANY_REQUESTS, "Too many open connections; close one and try again")
}
