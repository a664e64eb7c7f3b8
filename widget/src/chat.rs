//! The conversation as the widget holds it: messages by sequence number (so a message heard twice —
//! from the reply and from the socket — shows once), the outbox, the socket, and the steps the
//! customer goes through (pre-chat form, chat, rating; the offline form when nobody answers).

use domain::model::{MessageRole, WidgetConfig, names};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::{self, Failure, Msg, Outgoing, Session};
use crate::bridge;
use crate::i18n::Lang;
use crate::json::{Json, object, s};
use crate::socket::Socket;

/// Where the customer is.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    Loading,
    /// The inbox could not be loaded.
    Broken,
    /// The privacy notice, before anything else.
    Notice,
    Prechat,
    Chat,
    Offline,
    /// The offline message was left: the answer, with its case number.
    OfflineSent(String),
}

/// The widget's state; cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct Chat {
    pub inbox: StoredValue<String>,
    pub config: RwSignal<Option<WidgetConfig>>,
    pub lang: RwSignal<Lang>,
    pub stage: RwSignal<Stage>,
    pub session: RwSignal<Option<Session>>,
    /// Ordered by sequence number, each once.
    pub messages: RwSignal<Vec<Msg>>,
    pub outbox: RwSignal<Vec<Outgoing>>,
    pub connected: RwSignal<bool>,
    pub agent_typing: RwSignal<u32>,
    /// The assistant's answer while an LLM writes it, word by word.
    pub streaming: RwSignal<String>,
    pub closed: RwSignal<bool>,
    pub rated: RwSignal<bool>,
    /// The customer's place in the queue for a person, as the server words it ("" when none).
    pub queue: RwSignal<String>,
    /// A person has read everything the customer wrote.
    pub read: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
    socket: StoredValue<Option<Socket>, LocalStorage>,
    identity: StoredValue<Option<String>>,
    pub(crate) consent: StoredValue<Option<String>>,
    pub(crate) flushing: StoredValue<bool>,
    last_typing: StoredValue<f64>,
}

/// Sets `signal` only when the value changes: what a signal shows is drawn again on every set,
/// which would wipe a half-written rating or announce the offline banner twice.
pub(crate) fn change<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Chat {
    pub fn new(inbox: String) -> Self {
        Chat {
            inbox: StoredValue::new(inbox),
            config: RwSignal::new(None),
            lang: RwSignal::new(Lang::Es),
            stage: RwSignal::new(Stage::Loading),
            session: RwSignal::new(None),
            messages: RwSignal::new(Vec::new()),
            outbox: RwSignal::new(Vec::new()),
            connected: RwSignal::new(true),
            agent_typing: RwSignal::new(0),
            streaming: RwSignal::new(String::new()),
            closed: RwSignal::new(false),
            rated: RwSignal::new(false),
            queue: RwSignal::new(String::new()),
            read: RwSignal::new(false),
            error: RwSignal::new(None),
            socket: StoredValue::new_local(None),
            identity: StoredValue::new(None),
            consent: StoredValue::new(None),
            flushing: StoredValue::new(false),
            last_typing: StoredValue::new(0.0),
        }
    }

    pub(crate) fn key(&self) -> String {
        self.inbox.get_value()
    }

    /// Loads the inbox's configuration and what this browser already has with it.
    pub fn load(self, requested_lang: Option<Lang>) {
        spawn_local(async move {
            let config = match api::config(&self.key()).await {
                Ok(config) => config,
                Err(_) => {
                    self.stage.set(Stage::Broken);
                    return;
                }
            };
            let session = api::load_session(&self.key());
            let browser = web_sys::window().and_then(|w| w.navigator().language()).and_then(|l| Lang::parse(&l));
            let lang = session
                .as_ref()
                .and_then(|s| Lang::parse(&s.language))
                .or(requested_lang)
                .or(browser)
                .or_else(|| Lang::parse(&config.default_language))
                .unwrap_or(Lang::Es);
            self.lang.set(lang);
            bridge::post(&object(&[
                ("type", s("joxai:config")),
                ("theme", s(&config.theme_color)),
                ("position", s(&config.position)),
                ("label", s(crate::i18n::text(lang).title)),
                ("lang", s(lang.code())),
            ]));
            let notice = config.privacy_notice.is_some();
            self.config.set(Some(config));
            self.outbox.set(api::load_outbox(&self.key()));
            if let Some(session) = session {
                self.session.set(Some(session));
                self.stage.set(Stage::Chat);
                self.resume().await;
            } else if notice {
                self.stage.set(Stage::Notice);
            } else {
                self.begin(None);
            }
            // Ready for the page's commands (it queues `open`, `identify` … until now); on its own
            // (not framed) the panel is open from the start.
            bridge::post(&object(&[("type", s("joxai:ready"))]));
            if bridge::parent_origin().is_none() {
                self.opened();
            }
        });
    }

    /// Starts the conversation when the panel opens, unless a form comes first, and puts the
    /// cursor where the customer types.
    pub fn opened(self) {
        set_timeout(
            || {
                let field = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector("#joxai-input, #joxai-name, #joxai-consent").ok().flatten());
                if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = field.focus();
                }
            },
            std::time::Duration::from_millis(50),
        );
        if self.stage.get_untracked() == Stage::Chat && self.session.get_untracked().is_none() {
            spawn_local(async move {
                self.ensure_started(None).await;
            });
        }
    }

    /// Starts a conversation if there is none yet; `metadata` carries the pre-chat form.
    pub async fn ensure_started(self, metadata: Option<Json>) -> Option<Session> {
        if let Some(session) = self.session.get_untracked() {
            return Some(session);
        }
        let metadata = metadata.unwrap_or_else(|| object(&[]));
        let identity = self.identity.get_value().map_or(wasm_bindgen::JsValue::UNDEFINED, |t| s(&t));
        let body = object(&[
            ("inbox", s(&self.key())),
            ("language", s(self.lang.get_untracked().code())),
            ("metadata", metadata.0),
            ("identity_token", identity),
            ("privacy_consent", self.consent()),
        ]);
        match api::start(&body).await {
            Ok(started) => {
                let session = Session {
                    conversation_id: started.conversation_id,
                    visitor_token: started.visitor_token,
                    language: started.language,
                };
                api::save_session(&self.key(), Some(&session));
                self.session.set(Some(session.clone()));
                self.merge(started.messages);
                if self.stage.get_untracked() != Stage::Chat {
                    self.stage.set(Stage::Chat);
                }
                self.connect();
                Some(session)
            }
            Err(Failure::Refused(403 | 409, _)) => {
                self.notice_again();
                None
            }
            Err(_) => {
                self.error.set(Some(crate::i18n::text(self.lang.get_untracked()).error.to_owned()));
                change(self.connected, false);
                None
            }
        }
    }

    /// Reads what was said so far, then listens.
    async fn resume(self) {
        let Some(session) = self.session.get_untracked() else { return };
        match api::history(&session, 0).await {
            Ok(list) => {
                self.merge(list);
                self.connect();
                self.flush();
            }
            Err(Failure::Refused(..)) => {
                // The conversation is gone or not ours any more: start afresh.
                api::save_session(&self.key(), None);
                self.session.set(None);
                self.messages.set(Vec::new());
            }
            Err(Failure::Network) => {
                change(self.connected, false);
                self.connect();
            }
        }
    }

    fn last_seq(&self) -> i64 {
        self.messages.with_untracked(|m| m.last().map_or(0, |m| m.seq))
    }

    /// Adds messages by sequence number.
    pub fn merge(&self, list: Vec<Msg>) {
        if list.is_empty() {
            return;
        }
        if list.iter().any(|m| m.role == MessageRole::Assistant) && !self.streaming.with_untracked(String::is_empty) {
            self.streaming.set(String::new());
        }
        self.messages.update(|m| {
            for message in list {
                match m.binary_search_by_key(&message.seq, |m| m.seq) {
                    Ok(at) => m[at] = message,
                    Err(at) => m.insert(at, message),
                }
            }
        });
        // Closed while the latest message is the closing notice (a new message reopens it).
        let last_is_close =
            self.messages.with_untracked(|m| m.last().is_some_and(|m| m.event == names::CONVERSATION_CLOSED));
        change(self.closed, last_is_close);
    }

    /// Opens the socket from the last message seen; on a drop, tries again.
    pub fn connect(self) {
        let Some(session) = self.session.get_untracked() else { return };
        if let Some(old) = self.socket.get_value() {
            old.close();
        }
        let socket = Socket::open(
            &session,
            self.last_seq(),
            move |event| self.on_event(event),
            move || {
                change(self.connected, true);
                self.flush();
            },
            move || {
                change(self.connected, false);
                set_timeout(move || self.connect(), std::time::Duration::from_secs(2));
            },
        );
        self.socket.set_value(socket);
    }

    fn on_event(self, event: crate::socket::Event) {
        let kind = event.kind.as_str();
        if kind == names::DELTA {
            self.streaming.update(|s| s.push_str(&event.frame.text(names::DELTA)));
            return;
        }
        if kind == names::TYPING {
            if event.frame.text(names::ROLE) == "agent" {
                self.agent_typing.update(|n| *n += 1);
                let mine = self.agent_typing.get_untracked();
                set_timeout(
                    move || {
                        if self.agent_typing.get_untracked() == mine {
                            self.agent_typing.set(0);
                        }
                    },
                    std::time::Duration::from_secs(5),
                );
            }
            return;
        }
        if kind == names::QUEUE {
            return change(self.queue, event.frame.text(names::TEXT));
        }
        // Read up to the newest message here (a mark older than what arrived since says nothing).
        if kind == names::READ && event.frame.int(names::UP_TO).unwrap_or(0) >= self.last_seq() {
            change(self.read, true);
        }
        if kind == names::READ {
            return;
        }
        if let Some(message) = event.message {
            if message.role == MessageRole::Customer {
                change(self.read, false);
            } else {
                self.agent_typing.set(0);
            }
            if message.role == MessageRole::Agent
                && let Some(socket) = self.socket.get_value()
            {
                // Shown to the customer: the agent sees it read.
                socket.send(&object(&[(names::TYPE, s(names::READ)), (names::UP_TO, (message.seq as f64).into())]));
            }
            self.merge(vec![message]);
        }
    }

    /// The assistant answers in the customer's language; the widget follows it.
    pub(crate) fn follow_language(&self, metadata: &Json) {
        if let Some(lang) = Lang::parse(&metadata.text("language"))
            && lang != self.lang.get_untracked()
        {
            self.set_lang(lang);
        }
    }

    /// Switches the language and keeps the choice with the conversation.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        if let Some(mut session) = self.session.get_untracked() {
            session.language = lang.code().to_owned();
            api::save_session(&self.key(), Some(&session));
            self.session.set(Some(session));
        }
    }

    /// "Talk to a person": always there.
    pub fn escalate(self) {
        spawn_local(async move {
            let Some(session) = self.ensure_started(None).await else { return };
            match api::escalate(&session).await {
                Ok(_) => {
                    if let Ok(list) = api::history(&session, self.last_seq()).await {
                        self.merge(list);
                    }
                }
                Err(_) => self.error.set(Some(crate::i18n::text(self.lang.get_untracked()).error.to_owned())),
            }
        });
    }

    /// Tells the agent the customer is typing (at most every 3 s).
    pub fn typing(&self) {
        let now = now_ms();
        if now - self.last_typing.get_value() < 3000.0 {
            return;
        }
        self.last_typing.set_value(now);
        if let Some(socket) = self.socket.get_value() {
            socket.send(&object(&[(names::TYPE, s(names::TYPING))]));
        }
    }

    /// The bank's page proved who the customer is.
    pub fn identify(self, token: String) {
        self.identity.set_value(Some(token.clone()));
        if let Some(session) = self.session.get_untracked() {
            spawn_local(async move {
                let _ = api::identify(&session, &token).await;
            });
        }
    }

    /// Forgets the closed conversation; the next message starts a new one.
    pub fn start_over(self) {
        if let Some(socket) = self.socket.get_value() {
            socket.close();
        }
        self.socket.set_value(None);
        api::save_session(&self.key(), None);
        self.session.set(None);
        self.messages.set(Vec::new());
        change(self.closed, false);
        change(self.rated, false);
        change(self.connected, true);
        self.opened();
    }
}
