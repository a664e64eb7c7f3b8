//! Live updates for staff pages: one socket to `/api/v1/ws` (the session cookie authenticates
//! it) opened in the browser after hydration. Pages watch [`Live::version`] and reload what an
//! event touched; the socket reconnects with the last sequence number it saw, so nothing is
//! missed while it was down.

use domain::model::StaffFrame;
use leptos::prelude::*;

/// The latest staff event and a counter that moves on every one.
#[derive(Clone, Copy)]
pub struct Live {
    /// Bumped on every event (and on `resync`).
    pub version: ReadSignal<u64>,
    /// The latest frame.
    pub last: ReadSignal<Option<StaffFrame>>,
    /// Whether the socket is open.
    pub connected: ReadSignal<bool>,
    #[cfg(feature = "hydrate")]
    socket: StoredValue<Option<browser::Socket>, LocalStorage>,
}

impl Live {
    /// Tells the customer of `conversation_id` that this agent is typing (at most every 3 s).
    pub fn typing(&self, conversation_id: &str) {
        #[cfg(feature = "hydrate")]
        self.socket.with_value(|socket| {
            if let Some(socket) = socket {
                socket.typing(conversation_id);
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = conversation_id;
    }
}

/// The staff socket: the one the signed-in frame opened (shared by every page), or a new one.
/// It opens in the browser only; on the server it stays quiet.
pub fn use_live() -> Live {
    if let Some(live) = use_context::<Live>() {
        return live;
    }
    let (version, set_version) = signal(0u64);
    let (last, set_last) = signal(None::<StaffFrame>);
    let (connected, set_connected) = signal(false);
    #[cfg(feature = "hydrate")]
    let socket = StoredValue::new_local(None::<browser::Socket>);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let stopped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let current = browser::Socket::default();
        socket.set_value(Some(current.clone()));
        leptos::task::spawn_local(browser::connect(set_version, set_last, set_connected, stopped.clone(), current));
        // Leaving the page stops reconnecting and closes the socket at its next event.
        on_cleanup(move || stopped.store(true, std::sync::atomic::Ordering::Relaxed));
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (set_version, set_last, set_connected);
    Live {
        version,
        last,
        connected,
        #[cfg(feature = "hydrate")]
        socket,
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use domain::model::{ClientFrame, StaffFrame};
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{MessageEvent, WebSocket};

    /// The page's current socket (replaced on every reconnect), for what the page sends.
    #[derive(Clone, Default)]
    pub struct Socket {
        current: std::rc::Rc<std::cell::RefCell<Option<WebSocket>>>,
        last_typing: std::rc::Rc<std::cell::Cell<Option<f64>>>,
    }

    impl Socket {
        pub fn typing(&self, conversation_id: &str) {
            let now = js_sys_now();
            if self.last_typing.get().is_some_and(|last| now - last < 3000.0) {
                return;
            }
            if let Some(socket) = self.current.borrow().as_ref()
                && socket.ready_state() == WebSocket::OPEN
            {
                self.last_typing.set(Some(now));
                let frame = ClientFrame::Typing { conversation_id: Some(conversation_id.to_owned()) };
                if let Ok(text) = serde_json::to_string(&frame) {
                    let _ = socket.send_with_str(&text);
                }
            }
        }
    }

    fn js_sys_now() -> f64 {
        web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_default()
    }

    /// Opens the socket. Reading every kind of event is most of the socket's code, so this is a
    /// wasm chunk of its own, loaded once the page is up rather than with its first download.
    #[leptos::lazy]
    pub fn connect(
        set_version: WriteSignal<u64>,
        set_last: WriteSignal<Option<StaffFrame>>,
        set_connected: WriteSignal<bool>,
        stopped: Arc<AtomicBool>,
        handle: Socket,
    ) {
        open(set_version, set_last, set_connected, None, stopped, handle);
    }

    fn open(
        set_version: WriteSignal<u64>,
        set_last: WriteSignal<Option<StaffFrame>>,
        set_connected: WriteSignal<bool>,
        after: Option<u64>,
        stopped: Arc<AtomicBool>,
        handle: Socket,
    ) {
        let Some(window) = web_sys::window() else { return };
        let location = window.location();
        let scheme = if location.protocol().ok().as_deref() == Some("https:") { "wss" } else { "ws" };
        let host = location.host().unwrap_or_default();
        let query = after.map(|s| format!("?after_seq={s}")).unwrap_or_default();
        let Ok(socket) = WebSocket::new(&format!("{scheme}://{host}/api/v1/ws{query}")) else { return };
        *handle.current.borrow_mut() = Some(socket.clone());
        let seen = std::rc::Rc::new(std::cell::Cell::new(after));
        let seen_in = seen.clone();
        let (stopped_in, socket_in) = (stopped.clone(), socket.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if stopped_in.load(Ordering::Relaxed) {
                let _ = socket_in.close();
                return;
            }
            let Some(text) = event.data().as_string() else { return };
            let Ok(frame) = serde_json::from_str::<StaffFrame>(&text) else { return };
            match &frame {
                StaffFrame::Hello { seq, .. } | StaffFrame::Resync { seq } => seen_in.set(Some(*seq)),
                StaffFrame::News(news) => seen_in.set(Some(news.seq)),
                StaffFrame::Pong { .. } => {}
            }
            set_connected.set(true);
            set_last.set(Some(frame));
            set_version.update(|v| *v += 1);
        });
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_close = Closure::<dyn FnMut()>::new(move || {
            if stopped.load(Ordering::Relaxed) {
                return;
            }
            set_connected.set(false);
            let seen = seen.get();
            let (stopped, handle) = (stopped.clone(), handle.clone());
            // Reconnect after a pause, resuming from the last event seen.
            set_timeout(
                move || open(set_version, set_last, set_connected, seen, stopped, handle),
                std::time::Duration::from_secs(2),
            );
        });
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        on_close.forget();
    }
}
