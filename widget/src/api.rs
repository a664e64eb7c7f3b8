//! The widget's calls to the server (same origin as the frame) and what it keeps in the frame's
//! local storage: the conversation (so a returning customer sees their history) and the outbox
//! (messages not yet acknowledged, sent again after a reload or reconnect).

use domain::model::{MessageRole, PrivacyNotice, WidgetConfig};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::json::{Json, object, s};

const API: &str = "/api/v1";

/// A message as the widget needs it: the cited articles' titles and the system event (a closing
/// notice) are read out of its `metadata`.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub seq: i64,
    pub role: MessageRole,
    pub content: String,
    pub sources: Vec<String>,
    pub event: String,
}

impl Msg {
    /// A message of the API (`{seq, role, content, metadata}`); `None` when it is not one.
    pub fn read(json: &Json) -> Option<Msg> {
        let role = json.text("role").parse().ok()?;
        Some(Msg::new(json.int("seq")?, role, json.text("content"), &json.get("metadata")))
    }

    /// A message from its parts and its `metadata`.
    pub fn new(seq: i64, role: MessageRole, content: String, metadata: &Json) -> Msg {
        let sources = metadata.get("sources").items().iter().filter_map(|s| s.get("title").as_str()).collect();
        Msg { seq, role, content, sources, event: metadata.text("event") }
    }
}

fn messages(json: &Json) -> Vec<Msg> {
    json.items().iter().filter_map(Msg::read).collect()
}

/// `POST /chat/start`, the parts the widget uses.
#[derive(Debug)]
pub struct Started {
    pub conversation_id: String,
    pub visitor_token: String,
    pub messages: Vec<Msg>,
    pub language: String,
}

/// `POST /chat/message`, the parts the widget uses.
#[derive(Debug)]
pub struct Sent {
    pub message: String,
    pub metadata: Json,
    pub message_seq: i64,
    pub reply_seq: Option<i64>,
}

/// Why a call failed: no answer at all (try again later) or the server said no.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Network,
    Refused(u16, String),
}

/// One call to the API: JSON in (if any), JSON out; a refusal carries the server's `detail`.
async fn call(method: &str, path: &str, token: Option<&str>, body: Option<&Json>) -> Result<Json, Failure> {
    let window = web_sys::window().ok_or(Failure::Network)?;
    let headers = web_sys::Headers::new().map_err(|_| Failure::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(token) = token {
        let _ = headers.set("x-visitor-token", token);
    }
    if let Some(body) = body {
        let _ = headers.set("content-type", "application/json");
        init.set_body(&s(&body.stringify()));
    }
    init.set_headers(&headers);
    let res = JsFuture::from(window.fetch_with_str_and_init(&format!("{API}{path}"), &init))
        .await
        .map_err(|_| Failure::Network)?;
    let res: web_sys::Response = res.dyn_into().map_err(|_| Failure::Network)?;
    let text = JsFuture::from(res.text().map_err(|_| Failure::Network)?).await.map_err(|_| Failure::Network)?;
    let json = text.as_string().as_deref().and_then(Json::parse);
    if res.ok() {
        return json.ok_or(Failure::Network);
    }
    Err(Failure::Refused(res.status(), json.map(|j| j.text("detail")).unwrap_or_default()))
}

pub async fn config(inbox: &str) -> Result<WidgetConfig, Failure> {
    let json =
        call("GET", &format!("/widget/config?inbox={}", js_sys::encode_uri_component(inbox)), None, None).await?;
    Ok(WidgetConfig {
        key: json.text("key"),
        name: json.text("name"),
        theme_color: json.text("theme_color"),
        position: json.text("position"),
        greeting_es: json.text("greeting_es"),
        greeting_en: json.text("greeting_en"),
        default_language: json.text("default_language"),
        prechat_form: json.flag("prechat_form"),
        open_now: json.flag("open_now"),
        // Not used in the frame: `open_now` is the server's reading of them.
        business_hours: None,
        privacy_notice: Some(json.get("privacy_notice")).filter(|n| !n.text("version").is_empty()).map(|n| {
            PrivacyNotice {
                required: n.flag("required"),
                version: n.text("version"),
                text_es: n.text("text_es"),
                text_en: n.text("text_en"),
            }
        }),
    })
}

pub async fn start(body: &Json) -> Result<Started, Failure> {
    let json = call("POST", "/chat/start", None, Some(body)).await?;
    Ok(Started {
        conversation_id: json.text("conversation_id"),
        visitor_token: json.text("visitor_token"),
        messages: messages(&json.get("messages")),
        language: json.text("language"),
    })
}

pub async fn send(session: &Session, text: &str, client_id: &str) -> Result<Sent, Failure> {
    let body = object(&[
        ("conversation_id", s(&session.conversation_id)),
        ("message", s(text)),
        ("client_message_id", s(client_id)),
    ]);
    let json = call("POST", "/chat/message", Some(&session.visitor_token), Some(&body)).await?;
    Ok(Sent {
        message: json.text("message"),
        metadata: json.get("metadata"),
        message_seq: json.int("message_seq").ok_or(Failure::Network)?,
        reply_seq: json.int("reply_seq"),
    })
}

pub async fn escalate(session: &Session) -> Result<(), Failure> {
    let body = object(&[("conversation_id", s(&session.conversation_id))]);
    call("POST", "/chat/escalate", Some(&session.visitor_token), Some(&body)).await.map(drop)
}

pub async fn history(session: &Session, after: i64) -> Result<Vec<Msg>, Failure> {
    let path = format!("/chat/{}/messages?after_seq={after}", session.conversation_id);
    Ok(messages(&call("GET", &path, Some(&session.visitor_token), None).await?))
}

pub async fn rate(session: &Session, score: i32, comment: &str) -> Result<(), Failure> {
    let body = object(&[("score", JsValue::from(score)), ("comment", s(comment))]);
    let path = format!("/chat/{}/rating", session.conversation_id);
    call("POST", &path, Some(&session.visitor_token), Some(&body)).await.map(drop)
}

pub async fn identify(session: &Session, token: &str) -> Result<(), Failure> {
    let body = object(&[("conversation_id", s(&session.conversation_id)), ("identity_token", s(token))]);
    call("POST", "/chat/identify", Some(&session.visitor_token), Some(&body)).await.map(drop)
}

/// `POST /chat/offline`: the answer to show (with the case number).
pub async fn offline(body: &Json) -> Result<String, Failure> {
    Ok(call("POST", "/chat/offline", None, Some(body)).await?.text("message"))
}

/// The conversation this browser has with an inbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub conversation_id: String,
    pub visitor_token: String,
    pub language: String,
}

impl Session {
    fn to_json(&self) -> Json {
        object(&[
            ("conversation_id", s(&self.conversation_id)),
            ("visitor_token", s(&self.visitor_token)),
            ("language", s(&self.language)),
        ])
    }
}

/// A message typed but not yet acknowledged by the server.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    pub client_id: String,
    pub text: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn load(inbox: &str, name: &str) -> Option<Json> {
    let text = storage()?.get_item(&format!("joxai:{inbox}:{name}")).ok().flatten()?;
    Json::parse(&text)
}

/// Writes (or with `None`, removes) `name` for `inbox` in local storage.
fn save(inbox: &str, name: &str, value: Option<Json>) {
    let Some(storage) = storage() else { return };
    let key = format!("joxai:{inbox}:{name}");
    let _ = match value {
        Some(json) => storage.set_item(&key, &json.stringify()),
        None => storage.remove_item(&key),
    };
}

/// The conversation kept for `inbox`, if any.
pub fn load_session(inbox: &str) -> Option<Session> {
    let json = load(inbox, "session")?;
    let session = Session {
        conversation_id: json.text("conversation_id"),
        visitor_token: json.text("visitor_token"),
        language: json.text("language"),
    };
    (!session.conversation_id.is_empty() && !session.visitor_token.is_empty()).then_some(session)
}

/// Keeps (or forgets) the conversation for `inbox`.
pub fn save_session(inbox: &str, session: Option<&Session>) {
    save(inbox, "session", session.map(Session::to_json));
}

/// The messages waiting to be sent for `inbox`.
pub fn load_outbox(inbox: &str) -> Vec<Outgoing> {
    let items = load(inbox, "outbox").map(|j| j.items()).unwrap_or_default();
    items
        .iter()
        .map(|o| Outgoing { client_id: o.text("client_id"), text: o.text("text") })
        .filter(|o| !o.client_id.is_empty())
        .collect()
}

/// Keeps the messages waiting to be sent for `inbox`.
pub fn save_outbox(inbox: &str, outbox: &[Outgoing]) {
    let list = js_sys::Array::new();
    for o in outbox {
        list.push(&object(&[("client_id", s(&o.client_id)), ("text", s(&o.text))]).0);
    }
    save(inbox, "outbox", Some(Json(list.into())));
}

/// A random id for a message (retries of it are recognised by the server).
pub fn client_id() -> String {
    let mut id = String::from("w-");
    for _ in 0..4 {
        id.push_str(&format!("{:08x}", (js_sys::Math::random() * f64::from(u32::MAX)) as u32));
    }
    id
}
