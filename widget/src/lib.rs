//! The embeddable chat widget: a Leptos client-side app that runs in the frame `widget.js` opens
//! on a bank's page. It never loses a message: each one has a client id, waits in an outbox kept
//! in local storage until the server acknowledges it, and the socket resumes from the last
//! sequence number seen; messages are kept by sequence number, so none shows twice.

mod api;
mod app;
mod bridge;
mod chat;
mod forms;
mod i18n;
mod json;
mod notice;
mod outbox;
mod socket;

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the widget for the inbox named in the frame's URL (`?inbox=KEY&lang=es`).
#[wasm_bindgen(start)]
pub fn start() {
    // Panic messages in the console while developing; a release build leaves the formatting out.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&query).ok();
    let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let inbox = param("inbox").unwrap_or_default();
    let lang = param("lang").as_deref().and_then(i18n::Lang::parse);
    leptos::mount::mount_to_body(move || view! { <app::Widget inbox=inbox.clone() lang/> });
}
