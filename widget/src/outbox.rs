//! Sending: every message waits in an outbox kept in local storage until the server acknowledges
//! it, and goes with a client id, so a retry after a drop or a reload is recognised and never
//! stored twice.

use domain::model::MessageRole;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::api::{self, Failure, Msg, Outgoing};
use crate::chat::{Chat, change};
use crate::json::Json;

impl Chat {
    /// Queues `text` (kept across reloads) and sends what is queued.
    pub fn send(self, text: String) {
        let text = text.trim().to_owned();
        if text.is_empty() {
            return;
        }
        self.error.set(None);
        self.outbox.update(|o| o.push(Outgoing { client_id: api::client_id(), text }));
        self.outbox.with_untracked(|o| api::save_outbox(&self.key(), o));
        self.flush();
    }

    /// Sends the outbox in order; stops at the first network failure (the socket's reconnection
    /// calls this again).
    pub fn flush(self) {
        if self.flushing.get_value() || self.outbox.with_untracked(Vec::is_empty) {
            return;
        }
        self.flushing.set_value(true);
        spawn_local(async move {
            while let Some(next) = self.outbox.with_untracked(|o| o.first().cloned()) {
                let Some(session) = self.ensure_started(None).await else { break };
                match api::send(&session, &next.text, &next.client_id).await {
                    Ok(reply) => {
                        change(self.connected, true);
                        self.take_from_outbox(&next.client_id);
                        let customer =
                            Msg::new(reply.message_seq, MessageRole::Customer, next.text.clone(), &Json(JsValue::NULL));
                        let mut list = vec![customer];
                        if let Some(seq) = reply.reply_seq {
                            list.push(Msg::new(seq, MessageRole::Assistant, reply.message.clone(), &reply.metadata));
                        }
                        self.merge(list);
                        self.follow_language(&reply.metadata);
                    }
                    Err(Failure::Network) => {
                        // Try again shortly (the socket's reconnection also flushes).
                        change(self.connected, false);
                        set_timeout(move || self.flush(), std::time::Duration::from_secs(3));
                        break;
                    }
                    Err(Failure::Refused(_, detail)) => {
                        // The server will never take this one (too long, say): say so and move on.
                        self.take_from_outbox(&next.client_id);
                        self.error.set(Some(if detail.is_empty() {
                            crate::i18n::text(self.lang.get_untracked()).error.to_owned()
                        } else {
                            detail
                        }));
                    }
                }
            }
            self.flushing.set_value(false);
        });
    }

    fn take_from_outbox(&self, client_id: &str) {
        self.outbox.update(|o| o.retain(|m| m.client_id != client_id));
        self.outbox.with_untracked(|o| api::save_outbox(&self.key(), o));
    }
}
