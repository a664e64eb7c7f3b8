//! `/knowledge`: staff read, ADMIN and SUPERVISOR write (audited), the assistant's index follows
//! every change at once, bad input changes nothing.

use domain::model::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app};

fn article() -> Value {
    json!({
        "title": "Transfer Money Between Accounts",
        "content": "To transfer money:\n\n1. Log in to your account.\n2. Choose **Transfer**.\n\n\
            Transfers between your own accounts are free.",
        "category": "transfers",
        "tags": ["transfer", "money", "accounts"]
    })
}

async fn search(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let res = app.get_with(token, "/knowledge/search", &[("q", query)]).await;
    assert_eq!(res.status(), 200);
    res.json::<Vec<Value>>().await.unwrap()
}

#[tokio::test]
async fn writers_manage_articles_and_the_index_follows() {
    let app = spawn_app().await;
    let (lead, supervisor) = app.token_for("lead", Role::Supervisor).await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;

    let res = app.client.post(app.api("/knowledge")).bearer_auth(&supervisor).json(&article()).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["title"], "Transfer Money Between Accounts");
    assert_eq!(created["category"], "transfers");
    assert_eq!(created["is_active"], true);
    assert_eq!(created["language"], "en", "detected from the text");
    assert_eq!(created["version"], 1);
    assert_eq!(created["created_by"], lead.id);
    assert!(created["created_at"].is_string());

    // Found at once, through a synonym and in the reference shape.
    let hits = search(&app, &agent, "how do I wire funds").await;
    assert_eq!(hits.len(), 1);
    for field in ["id", "title", "content", "category", "tags", "is_active", "created_at"] {
        assert!(hits[0].get(field).is_some(), "{field}");
    }
    assert_eq!(hits[0]["tags"], json!(["transfer", "money", "accounts"]));

    // An edit bumps the version and re-indexes.
    let res = app
        .send(
            Method::PUT,
            &supervisor,
            &format!("/knowledge/{id}"),
            Some(json!({ "title": "Move money between your accounts", "tags": ["savings"] })),
        )
        .await;
    assert_eq!(res.status(), 200);
    let updated: Value = res.json().await.unwrap();
    assert_eq!(updated["version"], 2);
    assert_eq!(search(&app, &agent, "savings").await.len(), 1);

    // Deactivated: out of search at once, still readable, listed as inactive.
    let res = app.client.delete(app.api(&format!("/knowledge/{id}"))).bearer_auth(&supervisor).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert!(search(&app, &agent, "savings").await.is_empty());
    let got: Value = app.get_json(&agent, &format!("/knowledge/{id}")).await;
    assert_eq!(got["is_active"], false);
    let inactive: Vec<Value> =
        app.get_with(&agent, "/knowledge", &[("is_active", "false")]).await.json().await.unwrap();
    assert_eq!(inactive.len(), 1);

    // Reactivated.
    let res = app.send(Method::PUT, &supervisor, &format!("/knowledge/{id}"), Some(json!({ "is_active": true }))).await;
    assert_eq!(res.json::<Value>().await.unwrap()["version"], 2, "reactivation is not an edit");
    assert_eq!(search(&app, &agent, "savings").await.len(), 1);

    let actions: Vec<(String, String, Option<i32>)> =
        app.audit().await.into_iter().map(|r| (r.action, r.outcome, r.actor_id)).collect();
    for action in ["knowledge.create", "knowledge.update", "knowledge.deactivate"] {
        assert!(actions.contains(&(action.to_owned(), "success".to_owned(), Some(lead.id))), "{action}: {actions:?}");
    }
}

#[tokio::test]
async fn only_admins_and_supervisors_write() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("root", Role::Admin).await;
    let (agent_user, agent) = app.token_for("agent", Role::Agent).await;
    let (_, viewer) = app.token_for("viewer", Role::Viewer).await;

    let res = app.client.post(app.api("/knowledge")).bearer_auth(&agent).json(&article()).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    let res = app.client.post(app.api("/knowledge")).json(&article()).send().await.unwrap();
    assert_eq!(res.status(), 401);

    let res = app.client.post(app.api("/knowledge")).bearer_auth(&admin).json(&article()).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let res = app.send(Method::PUT, &viewer, &format!("/knowledge/{id}"), Some(json!({ "title": "Hijacked" }))).await;
    assert_eq!(res.status(), 403);
    let res = app.client.delete(app.api(&format!("/knowledge/{id}"))).bearer_auth(&agent).send().await.unwrap();
    assert_eq!(res.status(), 403);

    // Viewers read.
    let list: Vec<Value> = app.get(&viewer, "/knowledge").await.json().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["title"], "Transfer Money Between Accounts");
    assert_eq!(list[0]["is_active"], true);

    let refused = app
        .audit()
        .await
        .into_iter()
        .filter(|r| r.action == "knowledge.create" && r.outcome == "failure")
        .collect::<Vec<_>>();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].actor_id, Some(agent_user.id));
}

#[tokio::test]
async fn bad_input_is_rejected_and_changes_nothing() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("root", Role::Admin).await;
    let post = |body: Value| app.client.post(app.api("/knowledge")).bearer_auth(&admin).json(&body).send();

    for (body, field) in [
        (json!({ "title": " ", "content": "x", "category": "cards" }), "title"),
        (json!({ "title": "T", "content": "", "category": "cards" }), "content"),
        (json!({ "title": "T", "content": "x", "category": "cards; drop" }), "category"),
        (json!({ "title": "T", "content": "x", "category": "cards", "language": "fr" }), "language"),
        (json!({ "title": "T", "content": "x", "category": "cards", "tags": [""] }), "tags"),
    ] {
        let res = post(body).await.unwrap();
        assert_eq!(res.status(), 422);
        assert_eq!(res.json::<Value>().await.unwrap()["field"], field);
    }
    let res = post(json!({ "title": "T", "category": "cards" })).await.unwrap();
    assert_eq!(res.status(), 422, "missing content");
    let res = post(json!({ "title": "T", "content": "x", "category": "cards", "tags": "one" })).await.unwrap();
    assert_eq!(res.status(), 422, "tags must be a list");

    let res = app.get(&admin, "/knowledge/search").await;
    assert_eq!(res.status(), 422, "q is required");
    assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    let res = app.get(&admin, "/knowledge/search?q=%20").await;
    assert_eq!(res.status(), 422);
    for path in ["/knowledge/999", "/knowledge/abc"] {
        let res = app.get(&admin, path).await;
        assert_eq!(res.status(), if path.ends_with("abc") { 422 } else { 404 }, "{path}");
    }
    let res = app.send(Method::PUT, &admin, "/knowledge/999", Some(json!({ "title": "x" }))).await;
    assert_eq!(res.status(), 404);
    let res = app.client.delete(app.api("/knowledge/999")).bearer_auth(&admin).send().await.unwrap();
    assert_eq!(res.status(), 404);

    let list: Vec<Value> = app.get(&admin, "/knowledge").await.json().await.unwrap();
    assert!(list.is_empty());
    assert!(app.state.assistant.index().is_empty());
}

#[tokio::test]
async fn demo_knowledge_base_loads_once_and_filters_by_category() {
    let app = spawn_app().await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    let created = domain::seed::demo_knowledge(&app.state).await.unwrap();
    assert!(created >= 30);
    assert_eq!(domain::seed::demo_knowledge(&app.state).await.unwrap(), 0);
    assert_eq!(app.state.assistant.index().len(), created);

    let hits = search(&app, &agent, "saldo").await;
    assert_eq!(hits[0]["title"], "Consultar tu saldo y movimientos");
    let res = app.get_with(&agent, "/knowledge/search", &[("q", "tarjeta"), ("category", "loans")]).await;
    let hits: Vec<Value> = res.json().await.unwrap();
    assert!(hits.iter().all(|h| h["category"] == "loans"));

    let categories: Vec<String> = app.get(&agent, "/knowledge/categories").await.json().await.unwrap();
    assert!(categories.contains(&"cards".to_owned()) && categories.contains(&"loans".to_owned()));
    let spanish_cards: Vec<Value> =
        app.get_with(&agent, "/knowledge", &[("category", "cards"), ("language", "es")]).await.json().await.unwrap();
    assert!(!spanish_cards.is_empty());
    assert!(spanish_cards.iter().all(|a| a["category"] == "cards" && a["language"] == "es"));
}

#[tokio::test]
async fn the_index_is_rebuilt_from_the_database_on_start() {
    let app = spawn_app().await;
    domain::seed::demo_knowledge(&app.state).await.unwrap();
    let expected = app.state.assistant.index().len();
    *app.state.assistant.index_mut() = domain::assistant::index::Index::new();
    assert_eq!(domain::knowledge::load_index(&app.state).await.unwrap(), expected);
}
