//! The widget's calls to the server (same origin as the frame) and what it keeps in the frame's
//! local storage: the conversation (so a returning customer sees their history) and the outbox
//! (messages not yet acknowledged, sent again after a reload or reconnect).

use domain::model::{MessageRole, OfflineMessageResponse, WidgetConfig};
use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

const API: &str = "/api/v1";

/// A message as the widget needs it. (Its own type, not the model's: the widget reads no
/// timestamps, which keeps date parsing out of the download.)
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Msg {
    pub seq: i64,
    pub role: MessageRole,
    pub content: String,
    #[serde(default)]
    pub metadata: serde_json::Value,
}

/// `POST /chat/start`, the parts the widget uses.
#[derive(Debug, Deserialize)]
pub struct Started {
    pub conversation_id: String,
    pub visitor_token: String,
    pub messages: Vec<Msg>,
    #[serde(default)]
    pub language: String,
}

/// `POST /chat/message`, the parts the widget uses.
#[derive(Debug, Deserialize)]
pub struct Sent {
    pub message: String,
    #[serde(default)]
    pub metadata: serde_json::Value,
    pub message_seq: i64,
    #[serde(default)]
    pub reply_seq: Option<i64>,
}

/// Why a call failed: no answer at all (try again later) or the server said no.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Network,
    Refused(u16, String),
}

/// Parses JSON with the browser's own parser (`JSON.parse`): the widget then carries no JSON
/// parser of its own, which keeps the download small.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

#[derive(Deserialize)]
struct Refusal {
    #[serde(default)]
    detail: String,
}

async fn read<T: DeserializeOwned>(res: Response) -> Result<T, Failure> {
    let text = res.text().await.map_err(|_| Failure::Network)?;
    if res.ok() {
        return parse(&text).ok_or(Failure::Network);
    }
    let detail = parse::<Refusal>(&text).map(|r| r.detail).unwrap_or_default();
    Err(Failure::Refused(res.status(), detail))
}

async fn post<T: DeserializeOwned>(path: &str, token: Option<&str>, body: &serde_json::Value) -> Result<T, Failure> {
    let mut req = Request::post(&format!("{API}{path}"));
    if let Some(token) = token {
        req = req.header("x-visitor-token", token);
    }
    let res = req.json(body).map_err(|_| Failure::Network)?.send().await.map_err(|_| Failure::Network)?;
    read(res).await
}

pub async fn config(inbox: &str) -> Result<WidgetConfig, Failure> {
    let url = format!("{API}/widget/config?inbox={}", js_sys::encode_uri_component(inbox));
    read(Request::get(&url).send().await.map_err(|_| Failure::Network)?).await
}

pub async fn start(body: serde_json::Value) -> Result<Started, Failure> {
    post("/chat/start", None, &body).await
}

pub async fn send(conversation_id: &str, text: &str, client_id: &str) -> Result<Sent, Failure> {
    let body =
        serde_json::json!({ "conversation_id": conversation_id, "message": text, "client_message_id": client_id });
    post("/chat/message", None, &body).await
}

pub async fn escalate(conversation_id: &str) -> Result<serde::de::IgnoredAny, Failure> {
    post("/chat/escalate", None, &serde_json::json!({ "conversation_id": conversation_id })).await
}

pub async fn history(session: &Session, after: i64) -> Result<Vec<Msg>, Failure> {
    let url = format!("{API}/chat/{}/messages?after_seq={after}", session.conversation_id);
    let res = Request::get(&url)
        .header("x-visitor-token", &session.visitor_token)
        .send()
        .await
        .map_err(|_| Failure::Network)?;
    read(res).await
}

pub async fn rate(session: &Session, score: i32, comment: &str) -> Result<serde::de::IgnoredAny, Failure> {
    let body = serde_json::json!({ "score": score, "comment": comment });
    post(&format!("/chat/{}/rating", session.conversation_id), Some(&session.visitor_token), &body).await
}

pub async fn identify(session: &Session, token: &str) -> Result<serde::de::IgnoredAny, Failure> {
    let body = serde_json::json!({ "conversation_id": session.conversation_id, "identity_token": token });
    post("/chat/identify", Some(&session.visitor_token), &body).await
}

pub async fn offline(body: serde_json::Value) -> Result<OfflineMessageResponse, Failure> {
    post("/chat/offline", None, &body).await
}

/// The conversation this browser has with an inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub conversation_id: String,
    pub visitor_token: String,
    pub language: String,
}

/// A message typed but not yet acknowledged by the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outgoing {
    pub client_id: String,
    pub text: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Reads `name` for `inbox` from local storage.
pub fn load<T: DeserializeOwned>(inbox: &str, name: &str) -> Option<T> {
    let text = storage()?.get_item(&format!("joxai:{inbox}:{name}")).ok().flatten()?;
    parse(&text)
}

/// Writes (or with `None`, removes) `name` for `inbox` in local storage.
pub fn save<T: Serialize>(inbox: &str, name: &str, value: Option<&T>) {
    let Some(storage) = storage() else { return };
    let key = format!("joxai:{inbox}:{name}");
    match value.and_then(|v| serde_json::to_string(v).ok()) {
        Some(text) => {
            let _ = storage.set_item(&key, &text);
        }
        None => {
            let _ = storage.remove_item(&key);
        }
    }
}

/// A random id for a message (retries of it are recognised by the server).
pub fn client_id() -> String {
    let mut id = String::from("w-");
    for _ in 0..4 {
        id.push_str(&format!("{:08x}", (js_sys::Math::random() * f64::from(u32::MAX)) as u32));
    }
    id
}
