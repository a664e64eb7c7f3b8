//! The privacy notice before the chat: an inbox's notice (required or not, a version, a text per
//! language) is checked when staff set it, shown in the widget's configuration, and — when
//! required — no conversation starts and no offline message is taken without the current
//! version; each acceptance is stored with its version, language and time.

use domain::entities::{consents, conversations};
use domain::model::Role;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app};

fn inbox(notice: Value) -> Value {
    json!({ "name": "Banco", "allowed_origins": ["https://www.banco.example"], "privacy_notice": notice })
}

async fn post(app: &TestApp, path: &str, body: Value) -> reqwest::Response {
    app.client.post(app.api(path)).json(&body).send().await.unwrap()
}

async fn stored(app: &TestApp) -> Vec<consents::Model> {
    consents::Entity::find().all(&app.state.db).await.unwrap()
}

#[tokio::test]
async fn a_required_notice_gates_the_chat_and_the_offline_form_and_each_acceptance_is_kept() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let notice = |version: &str, required: bool| {
        let text = "Tratamos tus datos…";
        json!({ "required": required, "version": version, "text_es": text, "text_en": "" })
    };
    for bad in [
        notice("", true),
        notice("v 1", true),
        notice(&"v".repeat(33), true),
        json!({ "required": true, "version": "v1", "text_es": " ", "text_en": "" }),
        json!({ "required": true, "version": "v1", "text_es": "x".repeat(10_001), "text_en": "" }),
        json!({ "required": true, "version": "v1" }),
    ] {
        let res = app.client.post(app.api("/inboxes")).bearer_auth(&admin).json(&inbox(bad.clone())).send().await;
        let res = res.unwrap();
        assert_eq!(res.status(), 422, "{bad}");
        assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    }
    assert_eq!(app.get_json(&admin, "/inboxes").await, json!([]), "nothing stored");
    let created: Value = app.post_json(&admin, "/inboxes", &inbox(notice("2026-12", true))).await;
    let (id, key) = (created["id"].as_i64().unwrap(), created["key"].as_str().unwrap().to_owned());
    assert_eq!(created["privacy_notice"]["version"], "2026-12");
    let config = app.client.get(app.api(&format!("/widget/config?inbox={key}"))).send().await.unwrap();
    let config: Value = config.json().await.unwrap();
    assert_eq!(config["privacy_notice"], notice("2026-12", true), "the widget shows it");

    // Required: no consent, no chat and no offline message; an old version is refused too.
    let res = post(&app, "/chat/start", json!({ "inbox": key })).await;
    assert_eq!(res.status(), 403);
    assert!(res.json::<Value>().await.unwrap()["detail"].as_str().unwrap().contains("2026-12"));
    assert_eq!(post(&app, "/chat/start", json!({ "inbox": key, "privacy_consent": "2026-11" })).await.status(), 409);
    let offline = |consent: Value| {
        let who = ("Ana", "ana@example.com");
        json!({ "inbox": key, "name": who.0, "email": who.1, "message": "Hola", "privacy_consent": consent })
    };
    assert_eq!(post(&app, "/chat/offline", offline(Value::Null)).await.status(), 403);
    assert_eq!(conversations::Entity::find().count(&app.state.db).await.unwrap(), 0, "nothing started");
    assert!(stored(&app).await.is_empty());

    let res = post(&app, "/chat/start", json!({ "inbox": key, "privacy_consent": "2026-12", "language": "en" })).await;
    assert_eq!(res.status(), 200);
    let chat: Value = res.json().await.unwrap();
    assert_eq!(post(&app, "/chat/offline", offline(json!(" 2026-12 "))).await.status(), 201);
    let kept = stored(&app).await;
    assert_eq!(kept.len(), 2);
    let conversation = conversations::Entity::find().one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(conversation.public_id, chat["conversation_id"].as_str().unwrap());
    assert_eq!((kept[0].conversation_id, kept[0].ticket_id), (Some(conversation.id), None));
    assert_eq!((kept[0].version.as_str(), kept[0].language.as_str()), ("2026-12", "en"));
    assert!(kept[1].ticket_id.is_some() && kept[1].conversation_id.is_none());
    assert_eq!(kept[1].inbox_id, Some(id as i32));

    // A new version: the old one is refused; an optional notice lets the chat start without it.
    let path = format!("/inboxes/{id}");
    let res = app.send(reqwest::Method::PUT, &admin, &path, Some(inbox(notice("2027-01", false)))).await;
    assert_eq!(res.status(), 200);
    assert!(app.audit().await.iter().any(|r| r.action == "inbox.update"));
    assert_eq!(post(&app, "/chat/start", json!({ "inbox": key, "privacy_consent": "2026-12" })).await.status(), 409);
    assert_eq!(post(&app, "/chat/start", json!({ "inbox": key })).await.status(), 200);
    assert_eq!(stored(&app).await.len(), 2, "declining an optional notice records nothing");
    assert_eq!(post(&app, "/chat/start", json!({ "inbox": key, "privacy_consent": "2027-01" })).await.status(), 200);
    assert_eq!(stored(&app).await.len(), 3);

    // No notice any more: nothing to accept, nothing recorded; chats without an inbox never ask.
    let plain = json!({ "name": "Banco", "allowed_origins": ["https://www.banco.example"] });
    assert_eq!(app.send(reqwest::Method::PUT, &admin, &path, Some(plain)).await.status(), 200);
    let config = app.client.get(app.api(&format!("/widget/config?inbox={key}"))).send().await.unwrap();
    assert_eq!(config.json::<Value>().await.unwrap()["privacy_notice"], Value::Null);
    assert_eq!(post(&app, "/chat/start", json!({ "inbox": key, "privacy_consent": "2027-01" })).await.status(), 200);
    assert_eq!(post(&app, "/chat/start", json!({ "privacy_consent": "anything" })).await.status(), 200);
    assert_eq!(stored(&app).await.len(), 3);
}
