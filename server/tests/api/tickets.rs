//! `/tickets`: open by hand, assign, status, priority, notes; roles (VIEWER reads, an AGENT works
//! only on its own and unassigned tickets); paging with `X-Total-Count`; audit.

use domain::model::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app};

async fn create(app: &TestApp, token: &str, subject: &str, priority: &str) -> Value {
    let body = json!({
        "subject": subject, "description": "Customer called requesting help", "priority": priority,
        "category": "general", "customer_name": "Jane Smith", "customer_email": "Jane@Example.com"
    });
    let res = app.client.post(app.api("/tickets")).bearer_auth(token).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 200, "as the reference shows");
    res.json().await.unwrap()
}

async fn act(app: &TestApp, token: &str, method: &str, path: &str, body: Value) -> reqwest::Response {
    let url = app.api(path);
    let req = match method {
        "PATCH" => app.client.patch(url),
        _ => app.client.post(url),
    };
    req.bearer_auth(token).json(&body).send().await.unwrap()
}

#[tokio::test]
async fn staff_open_assign_resolve_and_annotate_a_ticket() {
    let app = spawn_app().await;
    let (agent, token) = app.token_for("agent", Role::Agent).await;
    let (_, viewer) = app.token_for("viewer", Role::Viewer).await;

    let ticket = create(&app, &token, "Manual Support Ticket", "high").await;
    let id = ticket["ticket_id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("TKT-") && id.len() == 12);
    assert_eq!((ticket["status"].as_str(), ticket["priority"].as_str()), (Some("OPEN"), Some("HIGH")));
    assert_eq!(ticket["customer_name"], "Jane Smith");
    assert_eq!(ticket["customer_email"], "jane@example.com");
    let res = app.send(Method::POST, &viewer, "/tickets", Some(json!({ "subject": "x", "customer_name": "y" }))).await;
    assert_eq!(res.status(), 403, "viewers only read");

    let res = act(&app, &token, "POST", &format!("/tickets/{id}/assign"), json!({ "agentId": agent.id })).await;
    assert_eq!(res.status(), 200);
    let assigned: Value = res.json().await.unwrap();
    assert_eq!(assigned["assigned_to"], agent.id);
    assert_eq!(assigned["assigned_to_name"], "agent Person");
    assert_eq!(assigned["status"], "IN_PROGRESS");

    let res = act(&app, &token, "PATCH", &format!("/tickets/{id}/status"), json!({ "status": "resolved" })).await;
    let resolved: Value = res.json().await.unwrap();
    assert_eq!(resolved["status"], "RESOLVED");
    assert!(resolved["resolved_at"].is_string());
    let res = act(&app, &token, "PATCH", &format!("/tickets/{id}/priority"), json!({ "priority": "Urgent" })).await;
    assert_eq!(res.json::<Value>().await.unwrap()["priority"], "URGENT");

    let res =
        act(&app, &token, "POST", &format!("/tickets/{id}/notes"), json!({ "body": "Called back, all good." })).await;
    assert_eq!(res.status(), 201);
    let notes: Vec<Value> = app.get(&viewer, &format!("/tickets/{id}/notes")).await.json().await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["author_name"], "agent Person");

    let actions: Vec<String> =
        app.audit().await.into_iter().filter(|r| r.resource_id.as_deref() == Some(&id)).map(|r| r.action).collect();
    for action in ["ticket.create", "ticket.assign", "ticket.status", "ticket.priority", "ticket.note"] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
}

#[tokio::test]
async fn an_agent_cannot_act_on_another_agents_ticket() {
    let app = spawn_app().await;
    let (alice, alice_token) = app.token_for("alice", Role::Agent).await;
    let (bob, bob_token) = app.token_for("bob", Role::Agent).await;
    let (viewer, _) = app.token_for("viewer", Role::Viewer).await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let id = create(&app, &lead, "Card question", "medium").await["ticket_id"].as_str().unwrap().to_owned();

    let res = act(&app, &bob_token, "POST", &format!("/tickets/{id}/assign"), json!({ "agentId": alice.id })).await;
    assert_eq!(res.status(), 403, "agents assign only to themselves");
    let res = act(&app, &lead, "POST", &format!("/tickets/{id}/assign"), json!({ "agentId": alice.id })).await;
    assert_eq!(res.status(), 200);

    for (method, path, body) in [
        ("PATCH", format!("/tickets/{id}/status"), json!({ "status": "closed" })),
        ("PATCH", format!("/tickets/{id}/priority"), json!({ "priority": "low" })),
        ("POST", format!("/tickets/{id}/notes"), json!({ "body": "mine now" })),
        ("POST", format!("/tickets/{id}/assign"), json!({ "agentId": bob.id })),
    ] {
        let res = act(&app, &bob_token, method, &path, body).await;
        assert_eq!(res.status(), 403, "{method} {path}");
    }
    let ticket: Value = app.get_json(&bob_token, &format!("/tickets/{id}")).await;
    assert_eq!(ticket["assigned_to"], alice.id, "nothing changed");
    assert_eq!(ticket["status"], "IN_PROGRESS");

    let res = act(&app, &alice_token, "PATCH", &format!("/tickets/{id}/status"), json!({ "status": "lost" })).await;
    assert_eq!(res.status(), 422);
    let res = act(&app, &lead, "POST", &format!("/tickets/{id}/assign"), json!({ "agentId": viewer.id })).await;
    assert_eq!(res.status(), 422, "viewers cannot take tickets");
    let res = act(&app, &lead, "POST", &format!("/tickets/{id}/assign"), json!({ "agentId": 9999 })).await;
    assert_eq!(res.status(), 422);
    let res = act(&app, &lead, "PATCH", "/tickets/TKT-00000000/status", json!({ "status": "open" })).await;
    assert_eq!(res.status(), 404);
    let res = act(&app, &alice_token, "PATCH", &format!("/tickets/{id}/status"), json!({ "status": "Resolved" })).await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn lists_page_with_a_total_and_filter() {
    let app = spawn_app().await;
    let (agent, token) = app.token_for("agent", Role::Agent).await;
    let mut ids = Vec::new();
    for (i, priority) in ["low", "high", "high", "urgent", "medium"].iter().enumerate() {
        ids.push(
            create(&app, &token, &format!("Ticket {i}"), priority).await["ticket_id"].as_str().unwrap().to_owned(),
        );
    }
    act(&app, &token, "POST", &format!("/tickets/{}/assign", ids[1]), json!({ "agentId": agent.id })).await;
    let page = |query: &[(&str, &str)]| {
        let query: Vec<(String, String)> = query.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let (app, token) = (&app, token.clone());
        async move {
            let res = app.get_with(&token, "/tickets", &query).await;
            let status = res.status().as_u16();
            let total = res.headers().get("x-total-count").map(|v| v.to_str().unwrap().to_owned());
            (status, total, res.json::<Value>().await.unwrap())
        }
    };
    let (_, total, first) = page(&[("limit", "2")]).await;
    assert_eq!(total.as_deref(), Some("5"));
    let first: Vec<String> =
        first.as_array().unwrap().iter().map(|t| t["ticket_id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(first, vec![ids[4].clone(), ids[3].clone()], "newest first");
    let (_, total, last) = page(&[("limit", "2"), ("skip", "4")]).await;
    assert_eq!(last[0]["ticket_id"], ids[0].as_str());
    assert_eq!(total.as_deref(), Some("5"), "the last, partial page");
    let (_, total, past) = page(&[("limit", "2"), ("skip", "9")]).await;
    assert_eq!((total.as_deref(), past), (Some("5"), json!([])), "past the end");
    let (_, total, _) = page(&[("priority", "HIGH")]).await;
    assert_eq!(total.as_deref(), Some("2"));
    let (_, total, _) = page(&[("status", "in_progress")]).await;
    assert_eq!(total.as_deref(), Some("1"));
    let agent_id = agent.id.to_string();
    let (_, total, _) = page(&[("assigned_to", agent_id.as_str())]).await;
    assert_eq!(total.as_deref(), Some("1"));
    let (status, _, body) = page(&[("limit", "501")]).await;
    assert_eq!(status, 422);
    assert!(body["detail"].is_string());
}

#[tokio::test]
async fn an_escalated_conversation_is_taken_resolved_and_escalated_anew() {
    let app = spawn_app().await;
    let (agent, token) = app.token_for("agent", Role::Agent).await;
    let chat: Value =
        app.client.post(app.api("/chat/start")).json(&json!({})).send().await.unwrap().json().await.unwrap();
    let (conversation, visitor) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    let escalate = || async {
        let res = app.customer_post(visitor, "/chat/escalate", &json!({ "conversation_id": conversation })).await;
        res.json::<Value>().await.unwrap()["ticket_id"].as_str().unwrap().to_owned()
    };
    let first = escalate().await;
    let res = act(&app, &token, "POST", &format!("/tickets/{first}/assign"), json!({ "agentId": agent.id })).await;
    assert_eq!(res.status(), 200);
    let messages: Vec<Value> =
        app.customer_get(visitor, &format!("/chat/{conversation}/messages")).await.json().await.unwrap();
    let joined = messages.last().unwrap();
    assert_eq!(joined["role"], "system");
    assert!(joined["content"].as_str().unwrap().contains("agent Person joined"));
    let quiet: Value = app
        .customer_post(
            visitor,
            "/chat/message",
            &json!({ "conversation_id": conversation, "message": "Gracias, espero" }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(quiet["status"], "ASSIGNED");
    assert_eq!(quiet["message"], "");

    act(&app, &token, "PATCH", &format!("/tickets/{first}/status"), json!({ "status": "resolved" })).await;
    let second = escalate().await;
    assert_ne!(first, second, "a resolved ticket frees the conversation for a new one");
    let res = act(&app, &token, "PATCH", &format!("/tickets/{first}/status"), json!({ "status": "open" })).await;
    assert_eq!(res.status(), 409, "two open tickets for one conversation are refused");
}
