//! `GET /chat/ws`: a customer's socket on their conversation (the visitor token).

use std::time::Instant;

use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use domain::AppState;
use domain::events::SocketGuard;
use domain::model::{ClientFrame, CustomerFrame, ReadMark, StaffNews, Typing, TypingNews};
use futures::SinkExt;
use futures::stream::StreamExt;
use tokio::sync::broadcast::error::RecvError;

use super::{CustomerParams, DEAD_AFTER, PING_EVERY, Sink, address_key, bounded, limits, send, too_many_sockets};
use crate::error::ApiResult;
use crate::extract::{ClientIp, Query};
use crate::openapi::errors::{Invalid, UnknownConversation};
use domain::model::ErrorBody;
use limits::{PER_ADDRESS, PER_CONVERSATION, Throttle};

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
        customer_socket(&state, &conversation, after, assigned, ws).await;
    }))
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
            send(sink, &CustomerFrame::stored(public_id.to_owned(), message)).await?;
        }
    }
}

async fn customer_socket(
    state: &AppState,
    conversation: &domain::entities::conversations::Model,
    after: i64,
    assigned: Option<i32>,
    ws: WebSocket,
) {
    let (id, public_id) = (conversation.id, conversation.public_id.clone());
    let _guard = SocketGuard::new(&state.events.customer_sockets);
    // Subscribe before reading the database, so nothing falls between the two.
    let mut seat = state.events.join_conversation(&public_id);
    let (mut sink, mut stream) = ws.split();
    // Whom to tell that the customer types: read once, and again only after something happened.
    let (mut assigned, mut stale) = (assigned, false);
    let mut typing = Throttle::default();
    let mut last = after;
    let mut read = 0;
    if replay(state, id, &public_id, &mut last, &mut sink).await.is_err() {
        return;
    }
    // How far a person has read (marks come live from now on).
    if conversation.agent_read_seq > 0 {
        let mark = ReadMark { conversation_id: public_id.clone(), up_to: conversation.agent_read_seq };
        if send(&mut sink, &CustomerFrame::Read(mark)).await.is_err() {
            return;
        }
    }
    // Waiting for a person: their place in line now; later ones come as the queue moves.
    if let Ok(Some(place)) = domain::tickets::queue::of_conversation(state, id).await
        && send(&mut sink, &place).await.is_err()
    {
        return;
    }
    let mut ping = tokio::time::interval(PING_EVERY);
    let mut heard = Instant::now();
    let mut resyncs = state.events.resyncs();
    loop {
        tokio::select! {
            event = seat.receiver.recv() => match event {
                Ok(event) => {
                    if matches!(&*event, CustomerFrame::Typing(t) if t.role == "customer") {
                        continue; // their own typing
                    }
                    stale |= !matches!(&*event, CustomerFrame::Typing(_));
                    if let Some(seq) = event.seq() {
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
                    if send(&mut sink, &*event).await.is_err() {
                        break;
                    }
                }
                Err(RecvError::Lagged(_)) => {
                    if replay(state, id, &public_id, &mut last, &mut sink).await.is_err() {
                        break;
                    }
                }
                Err(RecvError::Closed) => break,
            },
            // This server may have missed another's events: the database has them.
            Ok(()) = resyncs.changed() => {
                if replay(state, id, &public_id, &mut last, &mut sink).await.is_err() {
                    break;
                }
            }
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Text(text))) => {
                    heard = Instant::now();
                    match serde_json::from_str::<ClientFrame>(&text) {
                        Ok(ClientFrame::Ping) => {
                            if send(&mut sink, &CustomerFrame::Pong { seq: last }).await.is_err() {
                                break;
                            }
                        }
                        Ok(ClientFrame::Typing { .. }) if typing.allow() => {
                            if stale {
                                assigned = domain::chat::find(state, &public_id).await.ok().and_then(|c| c.assigned_to);
                                stale = false;
                            }
                            customer_typing(state, &public_id, assigned);
                        }
                        // Only forward, and only as far as this socket has sent: one write per
                        // message at most, however many frames a client sends.
                        Ok(ClientFrame::Read { up_to }) if up_to > read && up_to <= last => {
                            read = up_to;
                            if let Err(error) = domain::chat::read::by_customer(state, id, &public_id, up_to).await {
                                tracing::warn!(%error, "could not store what the customer read");
                            }
                        }
                        Ok(_) | Err(_) => {}
                    }
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                Some(Ok(_)) => heard = Instant::now(),
            },
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

fn customer_typing(state: &AppState, public_id: &str, assigned: Option<i32>) {
    let role = "customer".to_owned();
    let news = TypingNews { conversation_id: public_id.to_owned(), role: role.clone() };
    state.events.staff(StaffNews::Typing(news), assigned);
    state.events.conversation(CustomerFrame::Typing(Typing { conversation_id: public_id.to_owned(), seq: None, role }));
}
