//! The conversation's socket: frames as JSON (named as `domain::model::CustomerFrame` names them, read
//! by [`names`] without a JSON library), resumed from the last sequence number seen. It
//! reports opening and closing; the app decides when to reconnect.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{MessageEvent, WebSocket};

use domain::model::names;

use crate::api::{Msg, Session};
use crate::json::Json;

/// An event on the conversation's socket: its kind and stored message, and the frame itself for
/// the fields only some kinds carry (`role`, `delta`, `text`, `up_to`).
#[derive(Debug, Clone)]
pub struct Event {
    /// `new_message`, `typing`, `delta`, …
    pub kind: String,
    pub message: Option<Msg>,
    pub frame: Json,
}

impl Event {
    fn read(json: Json) -> Event {
        Event { kind: json.text(names::TYPE), message: Msg::read(&json.get(names::MESSAGE)), frame: json }
    }
}

/// An open (or opening) socket; dropping the last handle does not close it, [`Socket::close`] does.
#[derive(Clone)]
pub struct Socket {
    inner: Rc<RefCell<Option<WebSocket>>>,
}

impl Socket {
    /// Opens `/api/v1/chat/ws` for `session` after `after_seq`.
    pub fn open(
        session: &Session,
        after_seq: i64,
        on_event: impl Fn(Event) + 'static,
        on_open: impl Fn() + 'static,
        on_close: impl Fn() + 'static,
    ) -> Option<Socket> {
        let location = web_sys::window()?.location();
        let scheme = if location.protocol().ok()?.as_str() == "https:" { "wss" } else { "ws" };
        let url = format!(
            "{scheme}://{}/api/v1/chat/ws?conversation_id={}&token={}&after_seq={after_seq}",
            location.host().ok()?,
            js_sys::encode_uri_component(&session.conversation_id),
            js_sys::encode_uri_component(&session.visitor_token),
        );
        let socket = WebSocket::new(&url).ok()?;
        let message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(text) = event.data().as_string()
                && let Some(json) = Json::parse(&text)
            {
                on_event(Event::read(json));
            }
        });
        socket.set_onmessage(Some(message.as_ref().unchecked_ref()));
        message.forget();
        let opened = Closure::<dyn FnMut()>::new(on_open);
        socket.set_onopen(Some(opened.as_ref().unchecked_ref()));
        opened.forget();
        let closed = Closure::<dyn FnMut()>::new(on_close);
        socket.set_onclose(Some(closed.as_ref().unchecked_ref()));
        closed.forget();
        Some(Socket { inner: Rc::new(RefCell::new(Some(socket))) })
    }

    /// Sends `value` if the socket is open (typing notices are not worth queueing).
    pub fn send(&self, value: &Json) {
        if let Some(socket) = self.inner.borrow().as_ref()
            && socket.ready_state() == WebSocket::OPEN
        {
            let _ = socket.send_with_str(&value.stringify());
        }
    }

    /// Closes it without reporting (the caller replaces it).
    pub fn close(&self) {
        if let Some(socket) = self.inner.borrow_mut().take() {
            socket.set_onclose(None);
            let _ = socket.close();
        }
    }
}
