//! The inbox's privacy notice, before anything else: the customer reads it in their language and
//! ticks "I accept" (the browser insists when the bank requires it); the version they accepted goes
//! with the conversation's start or the offline message, and the server records it. A refusal
//! because the notice changed meanwhile shows the new one.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::api;
use crate::chat::{Chat, Stage};
use crate::i18n::Text;
use crate::json::s;

impl Chat {
    /// The first step after the notice (or without one): the offline form when nobody answers,
    /// the pre-chat form, or the chat. `consent` is the version accepted, if any.
    pub(crate) fn begin(self, consent: Option<String>) {
        self.consent.set_value(consent);
        let (open, prechat) =
            self.config.with_untracked(|c| c.as_ref().map_or((true, false), |c| (c.open_now, c.prechat_form)));
        self.stage.set(if !open {
            Stage::Offline
        } else if prechat {
            Stage::Prechat
        } else {
            Stage::Chat
        });
    }

    /// The accepted version, for a request body (left out when none).
    pub(crate) fn consent(&self) -> JsValue {
        self.consent.get_value().map_or(JsValue::UNDEFINED, |v| s(&v))
    }

    /// The server wants a consent it did not get (403) or a newer one (409): read the notice again.
    pub(crate) fn notice_again(self) {
        spawn_local(async move {
            if let Ok(config) = api::config(&self.key()).await
                && config.privacy_notice.is_some()
            {
                self.config.set(Some(config));
                self.stage.set(Stage::Notice);
            }
        });
    }
}

#[component]
pub fn Notice(chat: Chat, t: &'static Text) -> impl IntoView {
    let notice = chat.config.with_untracked(|c| c.as_ref().and_then(|c| c.privacy_notice.clone())).unwrap_or_default();
    let ticked = RwSignal::new(false);
    let text = notice.text(chat.lang.get_untracked().code()).to_owned();
    let version = notice.version;
    view! {
        <form class="joxai-form" data-testid="privacy-notice" on:submit=move |ev| {
            ev.prevent_default();
            chat.begin(ticked.get_untracked().then(|| version.clone()));
            chat.opened();
        }>
            <h2>{t.notice}</h2>
            <div class="joxai-notice" tabindex="0">{text}</div>
            <label>
                <input type="checkbox" id="joxai-consent" required=notice.required
                    on:change=move |ev| ticked.set(event_target_checked(&ev))/>
                " " {t.accept}
            </label>
            <button type="submit">{t.go_on}</button>
        </form>
    }
}
