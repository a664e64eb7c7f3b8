//! `/canned-responses`: staff read; ADMIN and SUPERVISOR write (audited); shortcuts are unique.

use domain::model::Role;
use serde_json::{Value, json};

use crate::harness::spawn_app;

#[tokio::test]
async fn supervisors_manage_canned_responses_and_agents_use_them() {
    let app = spawn_app().await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    let body = json!({ "shortcut": "/Saludo", "title": "Saludo", "content": "Hola, soy tu asesor. ¿En qué te ayudo?" });

    let res = app.client.post(app.api("/canned-responses")).bearer_auth(&agent).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 403);
    let res = app.client.post(app.api("/canned-responses")).bearer_auth(&lead).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!((created["shortcut"].as_str(), created["language"].as_str()), (Some("saludo"), Some("es")));
    let id = created["id"].as_i64().unwrap();

    let res = app.client.post(app.api("/canned-responses")).bearer_auth(&lead).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 409, "shortcuts are unique");
    for (bad, field) in [
        (json!({ "shortcut": "a b", "title": "t", "content": "c" }), "shortcut"),
        (json!({ "shortcut": "ok", "title": "", "content": "c" }), "title"),
        (json!({ "shortcut": "ok", "title": "t", "content": " " }), "content"),
        (json!({ "shortcut": "ok", "title": "t", "content": "c", "language": "fr" }), "language"),
    ] {
        let res = app.client.post(app.api("/canned-responses")).bearer_auth(&lead).json(&bad).send().await.unwrap();
        assert_eq!(res.status(), 422);
        assert_eq!(res.json::<Value>().await.unwrap()["field"], field);
    }

    let list: Vec<Value> = app.get(&agent, "/canned-responses").await.json().await.unwrap();
    assert_eq!(list.len(), 1);

    let edit = json!({ "shortcut": "saludo", "title": "Greeting", "content": "Hello!", "language": "en" });
    let res = app
        .client
        .put(app.api(&format!("/canned-responses/{id}")))
        .bearer_auth(&lead)
        .json(&edit)
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["language"], "en");
    let res = app.client.delete(app.api(&format!("/canned-responses/{id}"))).bearer_auth(&agent).send().await.unwrap();
    assert_eq!(res.status(), 403);
    let res = app.client.delete(app.api(&format!("/canned-responses/{id}"))).bearer_auth(&lead).send().await.unwrap();
    assert_eq!(res.status(), 204);
    let res = app.client.delete(app.api(&format!("/canned-responses/{id}"))).bearer_auth(&lead).send().await.unwrap();
    assert_eq!(res.status(), 404);

    let actions: Vec<String> = app.audit().await.into_iter().map(|r| r.action).collect();
    for action in ["canned.create", "canned.update", "canned.delete"] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
}
