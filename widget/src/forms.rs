//! What the customer sends besides messages: the rating when the chat closes, and the message left
//! outside business hours (it becomes a ticket, answered by e-mail).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, Failure};
use crate::chat::{Chat, Stage, change};
use crate::json::{object, s};

impl Chat {
    /// Stores the rating.
    pub fn rate(self, score: i32, comment: String) {
        let Some(session) = self.session.get_untracked() else { return };
        spawn_local(async move {
            match api::rate(&session, score, &comment).await {
                Ok(_) => change(self.rated, true),
                Err(_) => self.error.set(Some(crate::i18n::text(self.lang.get_untracked()).error.to_owned())),
            }
        });
    }

    /// Leaves a message outside business hours.
    pub fn leave_offline_message(self, name: String, email: String, message: String) {
        spawn_local(async move {
            let body = object(&[
                ("inbox", s(&self.key())),
                ("name", s(&name)),
                ("email", s(&email)),
                ("message", s(&message)),
                ("language", s(self.lang.get_untracked().code())),
                ("privacy_consent", self.consent()),
            ]);
            match api::offline(&body).await {
                Ok(answer) => self.stage.set(Stage::OfflineSent(answer)),
                Err(Failure::Refused(403 | 409, _)) => self.notice_again(),
                Err(Failure::Refused(_, detail)) if !detail.is_empty() => self.error.set(Some(detail)),
                Err(_) => self.error.set(Some(crate::i18n::text(self.lang.get_untracked()).error.to_owned())),
            }
        });
    }
}
