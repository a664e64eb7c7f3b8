//! `/conversations`: staff read transcripts, take over from the assistant, write to the customer,
//! hand back and close; an agent cannot act on another agent's conversation.

use domain::model::Role;
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app};

struct Customer {
    id: String,
    token: String,
}

async fn customer(app: &TestApp) -> Customer {
    let chat: Value =
        app.client.post(app.api("/chat/start")).json(&json!({})).send().await.unwrap().json().await.unwrap();
    Customer {
        id: chat["conversation_id"].as_str().unwrap().to_owned(),
        token: chat["visitor_token"].as_str().unwrap().to_owned(),
    }
}

async fn say(app: &TestApp, c: &Customer, message: &str) -> Value {
    app.customer_says(&c.id, &c.token, message).await.json().await.unwrap()
}

async fn seen_by_customer(app: &TestApp, c: &Customer) -> Vec<Value> {
    app.customer_get(&c.token, &format!("/chat/{}/messages", c.id)).await.json().await.unwrap()
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> reqwest::Response {
    app.client.post(app.api(path)).bearer_auth(token).json(&body).send().await.unwrap()
}

#[tokio::test]
async fn an_agent_takes_over_replies_hands_back_and_closes() {
    let app = spawn_app().await;
    domain::seed::demo_knowledge(&app.state).await.unwrap();
    let (agent, token) = app.token_for("agent", Role::Agent).await;
    let c = customer(&app).await;
    say(&app, &c, "¿A qué hora abren las sucursales?").await;

    let res = app.get_with(&token, "/conversations", &[("status", "bot")]).await;
    assert_eq!(res.headers()["x-total-count"], "1");
    let list: Vec<Value> = res.json().await.unwrap();
    assert_eq!(list[0]["id"], c.id.as_str());
    // The list shows each conversation's latest message: here the assistant's answer.
    assert_eq!(list[0]["last_message"]["role"], "assistant");
    assert_eq!(list[0]["last_message"]["seq"], list[0]["last_seq"]);

    let res = post(&app, &token, &format!("/conversations/{}/takeover", c.id), json!({})).await;
    assert_eq!(res.status(), 200);
    let taken: Value = res.json().await.unwrap();
    assert_eq!(taken["status"], "ASSIGNED");
    assert_eq!(taken["assigned_to"], agent.id);
    assert_eq!(taken["messages"].as_array().unwrap().len(), 4, "greeting, question, answer, joined");

    let res = post(
        &app,
        &token,
        &format!("/conversations/{}/messages", c.id),
        json!({ "content": "Hola, soy Alex. ¿En qué te ayudo?" }),
    )
    .await;
    assert_eq!(res.status(), 201);
    let seen = seen_by_customer(&app, &c).await;
    let last = seen.last().unwrap();
    assert_eq!(last["role"], "agent");
    assert_eq!(last["metadata"]["author_name"], "agent Person");

    let quiet = say(&app, &c, "Quiero saber de mi crédito").await;
    assert_eq!((quiet["status"].as_str(), quiet["message"].as_str()), (Some("ASSIGNED"), Some("")));

    let back: Value =
        post(&app, &token, &format!("/conversations/{}/handback", c.id), json!({})).await.json().await.unwrap();
    assert_eq!(back["status"], "BOT");
    assert_eq!(back["assigned_to"], Value::Null);
    let answered = say(&app, &c, "¿A qué hora abren las sucursales?").await;
    assert!(answered["message"].as_str().unwrap().contains("9:00"));

    let closed: Value =
        post(&app, &token, &format!("/conversations/{}/close", c.id), json!({})).await.json().await.unwrap();
    assert_eq!(closed["status"], "CLOSED");
    assert!(closed["closed_at"].is_string());
    let res =
        post(&app, &token, &format!("/conversations/{}/messages", c.id), json!({ "content": "¿Algo más?" })).await;
    assert_eq!(res.status(), 409);

    // A customer writing again reopens it with the assistant.
    let reopened = say(&app, &c, "¿A qué hora abren las sucursales?").await;
    assert_eq!(reopened["status"], "BOT");
    assert!(reopened["message"].as_str().unwrap().contains("9:00"));

    let actions: Vec<String> = app.audit().await.into_iter().map(|r| r.action).collect();
    for action in ["conversation.takeover", "conversation.message", "conversation.handback", "conversation.close"] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
}

#[tokio::test]
async fn the_first_agent_reply_answers_the_escalation_ticket() {
    let app = spawn_app().await;
    let (agent, token) = app.token_for("agent", Role::Agent).await;
    let c = customer(&app).await;
    let escalated = app.customer_escalates(&c.token, &json!({ "conversation_id": c.id })).await;
    let ticket_id = escalated["ticket_id"].as_str().unwrap();
    let detail: Value = app.get_json(&token, &format!("/conversations/{}", c.id)).await;
    assert_eq!(detail["status"], "WAITING");
    assert_eq!(detail["ticket_id"], ticket_id);

    post(&app, &token, &format!("/conversations/{}/messages", c.id), json!({ "content": "Hola, te atiendo yo." }))
        .await;
    let ticket: Value = app.get_json(&token, &format!("/tickets/{ticket_id}")).await;
    assert_eq!(ticket["assigned_to"], agent.id);
    assert_eq!(ticket["status"], "IN_PROGRESS");
    assert!(ticket["first_response_at"].is_string());
}

#[tokio::test]
async fn agents_and_viewers_cannot_act_on_what_is_not_theirs() {
    let app = spawn_app().await;
    let (_, alice) = app.token_for("alice", Role::Agent).await;
    let (_, bob) = app.token_for("bob", Role::Agent).await;
    let (_, viewer) = app.token_for("viewer", Role::Viewer).await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let c = customer(&app).await;
    post(&app, &alice, &format!("/conversations/{}/takeover", c.id), json!({})).await;
    let before = seen_by_customer(&app, &c).await.len();

    for path in ["messages", "takeover", "handback", "close"] {
        let res = post(&app, &bob, &format!("/conversations/{}/{path}", c.id), json!({ "content": "hi" })).await;
        assert_eq!(res.status(), 403, "bob {path}");
        let res = post(&app, &viewer, &format!("/conversations/{}/{path}", c.id), json!({ "content": "hi" })).await;
        assert_eq!(res.status(), 403, "viewer {path}");
    }
    assert_eq!(seen_by_customer(&app, &c).await.len(), before, "nothing reached the customer");
    let res = app.get(&viewer, &format!("/conversations/{}", c.id)).await;
    assert_eq!(res.status(), 200, "viewers read");

    // A supervisor may step in.
    let res =
        post(&app, &lead, &format!("/conversations/{}/messages", c.id), json!({ "content": "Supervisor here" })).await;
    assert_eq!(res.status(), 201);

    let id = c.id.as_str();
    let cases = [
        (format!("/conversations/{id}/messages"), json!({ "content": "  " }), 422),
        (format!("/conversations/{id}/messages"), json!({ "content": "x".repeat(4001) }), 413),
        (format!("/conversations/{id}/messages"), json!({}), 422),
        (format!("/conversations/{}/messages", uuid::Uuid::new_v4()), json!({ "content": "hi" }), 404),
    ];
    for (path, body, status) in cases {
        let res = post(&app, &lead, &path, body).await;
        assert_eq!(res.status(), status, "{path}");
    }
    let res = app.get_with(&lead, "/conversations", &[("limit", "0")]).await;
    assert_eq!(res.status(), 422);
    let res = app.get_with(&lead, "/conversations", &[("status", "sleeping")]).await;
    assert_eq!(res.status(), 422);
    assert_eq!(app.client.get(app.api("/conversations")).send().await.unwrap().status(), 401);
}
