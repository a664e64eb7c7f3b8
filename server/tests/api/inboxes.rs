//! Inboxes (ADMIN), the widget's public configuration, and what the widget sends besides
//! messages: chats started from an inbox, identity tokens, ratings and offline messages.

use domain::model::Role;
use serde_json::{Value, json};

use crate::harness::{TestApp, identity_token as identity, spawn_app};

fn inbox_body() -> Value {
    json!({
        "name": "Banco Demo",
        "allowed_origins": ["https://www.banco.example", "http://localhost:8080/"],
        "greeting_en": "Hi! This is Banco Demo.",
        "default_language": "en",
    })
}

async fn admin_inbox(app: &TestApp) -> (String, Value) {
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let res = app.client.post(app.api("/inboxes")).bearer_auth(&admin).json(&inbox_body()).send().await.unwrap();
    assert_eq!(res.status(), 201);
    (admin, res.json().await.unwrap())
}

async fn start(app: &TestApp, body: Value) -> reqwest::Response {
    app.client.post(app.api("/chat/start")).json(&body).send().await.unwrap()
}

#[tokio::test]
async fn admins_manage_inboxes_and_others_cannot() {
    let app = spawn_app().await;
    let (admin, inbox) = admin_inbox(&app).await;
    assert!(inbox["key"].as_str().unwrap().starts_with("ibx_"));
    assert_eq!(inbox["identity_secret"].as_str().unwrap().len(), 64, "the secret is shown on creation");
    assert_eq!(inbox["allowed_origins"], json!(["https://www.banco.example", "http://localhost:8080"]));
    assert_eq!(inbox["theme_color"], "#0b5fff");
    let id = inbox["id"].as_i64().unwrap();

    let list = app.get_json(&admin, "/inboxes").await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert!(list[0].get("identity_secret").is_none(), "never shown again");

    for bad in [
        json!({ "name": "X", "allowed_origins": [] }),
        json!({ "name": "X", "allowed_origins": ["javascript:alert(1)"] }),
        json!({ "name": "X", "allowed_origins": ["https://bank.example/path"] }),
        json!({ "name": "", "allowed_origins": ["https://bank.example"] }),
        json!({ "name": "X", "allowed_origins": ["https://bank.example"], "theme_color": "blue" }),
        json!({ "name": "X", "allowed_origins": ["https://bank.example"], "position": "top" }),
        json!({
            "name": "X", "allowed_origins": ["https://bank.example"],
            "business_hours": {
                "utc_offset_minutes": 0, "days": [{ "day": "mon", "open": "18:00", "close": "09:00" }],
            },
        }),
    ] {
        let res = app.client.post(app.api("/inboxes")).bearer_auth(&admin).json(&bad).send().await.unwrap();
        assert_eq!(res.status(), 422, "{bad}");
        assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    }
    let list = app.get_json(&admin, "/inboxes").await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1, "bad input changes nothing");

    let (_, agent) = app.token_for("agent", Role::Agent).await;
    assert_eq!(app.get(&agent, "/inboxes").await.status(), 403);
    let res = app.client.post(app.api("/inboxes")).bearer_auth(&agent).json(&inbox_body()).send().await.unwrap();
    assert_eq!(res.status(), 403);

    let mut changed = inbox_body();
    changed["theme_color"] = json!("#14532D");
    changed["position"] = json!("left");
    let res =
        app.client.put(app.api(&format!("/inboxes/{id}"))).bearer_auth(&admin).json(&changed).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let updated: Value = res.json().await.unwrap();
    assert_eq!((updated["theme_color"].as_str(), updated["position"].as_str()), (Some("#14532d"), Some("left")));
    assert_eq!(updated["key"], inbox["key"], "the key stays");

    let rotated = app.post_json(&admin, &format!("/inboxes/{id}/secret"), &json!({})).await;
    assert_ne!(rotated["identity_secret"], inbox["identity_secret"]);

    let key = inbox["key"].as_str().unwrap();
    let config = app.client.get(app.api("/widget/config")).query(&[("inbox", key)]).send().await.unwrap();
    assert_eq!(config.status(), 200);
    let res = app.client.delete(app.api(&format!("/inboxes/{id}"))).bearer_auth(&admin).send().await.unwrap();
    assert_eq!(res.status(), 204);
    let config = app.client.get(app.api("/widget/config")).query(&[("inbox", key)]).send().await.unwrap();
    assert_eq!(config.status(), 404, "a deactivated inbox's widget does not load");

    let actions: Vec<String> = app.audit().await.into_iter().map(|a| a.action).collect();
    for action in ["inbox.create", "inbox.update", "inbox.rotate_secret", "inbox.deactivate"] {
        assert!(actions.iter().any(|a| a == action), "{action} audited");
    }
}

#[tokio::test]
async fn the_widget_config_says_greeting_language_and_whether_people_answer_now() {
    let app = spawn_app().await;
    let (admin, inbox) = admin_inbox(&app).await;
    let key = inbox["key"].as_str().unwrap();
    let config: Value =
        app.client.get(app.api("/widget/config")).query(&[("inbox", key)]).send().await.unwrap().json().await.unwrap();
    assert_eq!(config["greeting_en"], "Hi! This is Banco Demo.");
    assert!(config["greeting_es"].as_str().unwrap().len() > 5, "the configured default");
    assert_eq!(config["default_language"], "en");
    assert_eq!(config["open_now"], true, "no business hours: always open");
    assert!(config.get("identity_secret").is_none());

    // Open on no day at all: closed now.
    let mut closed = inbox_body();
    closed["business_hours"] = json!({ "utc_offset_minutes": 0, "days": [] });
    let id = inbox["id"].as_i64().unwrap();
    app.client.put(app.api(&format!("/inboxes/{id}"))).bearer_auth(&admin).json(&closed).send().await.unwrap();
    let config: Value =
        app.client.get(app.api("/widget/config")).query(&[("inbox", key)]).send().await.unwrap().json().await.unwrap();
    assert_eq!(config["open_now"], false);

    let res = app.client.get(app.api("/widget/config")).query(&[("inbox", "ibx_nope")]).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(app.client.get(app.api("/widget/config")).send().await.unwrap().status(), 422);
}

#[tokio::test]
async fn chats_from_an_inbox_verify_identity_and_take_ratings() {
    let app = spawn_app().await;
    let (admin, inbox) = admin_inbox(&app).await;
    let (key, secret) = (inbox["key"].as_str().unwrap(), inbox["identity_secret"].as_str().unwrap());

    // A verified customer: the inbox's language and greeting, and the link staff see.
    let res = start(&app, json!({ "inbox": key, "identity_token": identity(secret, key, "cust-42", 300) })).await;
    assert_eq!(res.status(), 200);
    let chat: Value = res.json().await.unwrap();
    assert_eq!(chat["identified"], true);
    let linked = app.audit().await.into_iter().find(|r| r.action == "conversation.identified").expect("audited");
    assert_eq!(linked.resource_id.as_deref(), chat["conversation_id"].as_str());
    assert_eq!(chat["language"], "en");
    assert_eq!(chat["messages"][0]["content"], "Hi! This is Banco Demo.");
    let id = chat["conversation_id"].as_str().unwrap();
    let seen: Value = app.get_json(&admin, &format!("/conversations/{id}")).await;
    assert_eq!(seen["customer_ref"], "cust-42");
    assert_eq!(seen["inbox_id"], inbox["id"]);

    // Expired, foreign or garbage tokens: refused, and the chat goes on anonymously.
    for token in
        [identity(secret, key, "cust-42", -600), identity("not-the-secret", key, "cust-42", 300), "garbage".into()]
    {
        let chat: Value = start(&app, json!({ "inbox": key, "identity_token": token })).await.json().await.unwrap();
        assert_eq!(chat["identified"], false);
        assert!(chat["conversation_id"].is_string());
    }
    assert_eq!(start(&app, json!({ "inbox": "ibx_unknown" })).await.status(), 404);

    // Identify later, from the page's `JoxAI('identify', …)`.
    let anon: Value = start(&app, json!({ "inbox": key })).await.json().await.unwrap();
    let (anon_id, anon_token) = (anon["conversation_id"].as_str().unwrap(), anon["visitor_token"].as_str().unwrap());
    let identify = |visitor: &str, token: String| {
        app.client
            .post(app.api("/chat/identify"))
            .header("x-visitor-token", visitor)
            .json(&json!({ "conversation_id": anon_id, "identity_token": token }))
            .send()
    };
    let res = identify("wrong-visitor-token", identity(secret, key, "cust-7", 300)).await.unwrap();
    assert_eq!(res.status(), 403);
    let refused: Value =
        identify(anon_token, identity(secret, key, "cust-7", -600)).await.unwrap().json().await.unwrap();
    assert_eq!(refused["identified"], false);
    let ok: Value = identify(anon_token, identity(secret, key, "cust-7", 300)).await.unwrap().json().await.unwrap();
    assert_eq!(ok["identified"], true);

    // Rating: 1–5, with the visitor token; PII in the comment is redacted.
    let token = chat["visitor_token"].as_str().unwrap();
    for bad in [json!({ "score": 0 }), json!({ "score": 6 }), json!({ "score": "five" })] {
        assert_eq!(app.customer_rates(id, token, &bad).await.status(), 422, "{bad}");
    }
    assert_eq!(
        app.customer_rates(id, anon_token, &json!({ "score": 5 })).await.status(),
        403,
        "another conversation's token"
    );
    let res = app
        .customer_rates(id, token, &json!({ "score": 4, "comment": "Muy bien, mi correo es ana@example.com" }))
        .await;
    assert_eq!(res.status(), 200);
    let rated: Value = res.json().await.unwrap();
    assert_eq!(rated["score"], 4);
    assert!(!rated["comment"].as_str().unwrap().contains("ana@example.com"));
    let seen: Value = app.get_json(&admin, &format!("/conversations/{id}")).await;
    assert_eq!(seen["csat_score"], 4);
}

#[tokio::test]
async fn an_offline_message_becomes_a_ticket() {
    let app = spawn_app().await;
    let (admin, inbox) = admin_inbox(&app).await;
    let key = inbox["key"].as_str().unwrap();
    let offline = |body: Value| app.client.post(app.api("/chat/offline")).json(&body).send();
    for bad in [
        json!({ "inbox": key, "name": "Ana", "email": "not-an-email", "message": "Hola" }),
        json!({ "inbox": key, "name": "", "email": "ana@example.com", "message": "Hola" }),
        json!({ "inbox": key, "name": "Ana", "email": "ana@example.com", "message": "   " }),
    ] {
        assert_eq!(offline(bad.clone()).await.unwrap().status(), 422, "{bad}");
    }
    let long = "a".repeat(5000);
    let res = offline(json!({ "inbox": key, "name": "Ana", "email": "ana@example.com", "message": long })).await;
    assert_eq!(res.unwrap().status(), 413);
    let res = offline(json!({ "inbox": "ibx_nope", "name": "Ana", "email": "ana@example.com", "message": "Hola" }));
    assert_eq!(res.await.unwrap().status(), 404);
    assert_eq!(app.get_json(&admin, "/tickets").await, json!([]), "bad input opened nothing");

    let res = offline(json!({ "inbox": key, "name": "Ana Pérez", "email": "Ana@Example.com",
        "message": "Necesito una constancia de mi cuenta" }))
    .await
    .unwrap();
    assert_eq!(res.status(), 201);
    let left: Value = res.json().await.unwrap();
    let ticket_id = left["ticket_id"].as_str().unwrap();
    assert!(left["message"].as_str().unwrap().contains(ticket_id), "the customer gets the case number");
    let ticket: Value = app.get_json(&admin, &format!("/tickets/{ticket_id}")).await;
    assert_eq!(ticket["category"], "offline");
    assert_eq!(ticket["customer_email"], "ana@example.com");
    assert_eq!(ticket["status"], "OPEN");
}
