//! Routing and presence: escalations go to the online agent with the fewest open tickets under
//! capacity (ties to whoever waited longest); the rest wait, most urgent first, and are handed out
//! when an agent comes online or frees capacity; presence opens and closes work sessions.

use domain::model::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app_with};

/// A customer asks for a person; the policy makes it `priority` from what they wrote.
async fn escalate(app: &TestApp, priority: &str) -> (String, String) {
    let chat: Value =
        app.client.post(app.api("/chat/start")).json(&json!({})).send().await.unwrap().json().await.unwrap();
    let id = chat["conversation_id"].as_str().unwrap().to_owned();
    let description = match priority {
        "urgent" => "Me robaron la tarjeta",
        "high" => "No reconozco un cargo de 300 pesos",
        _ => "Quiero hablar con una persona",
    };
    let body = json!({ "conversation_id": id, "description": description });
    let res = app.customer_escalates(chat["visitor_token"].as_str().unwrap(), &body).await;
    (id, res["ticket_id"].as_str().unwrap().to_owned())
}

async fn presence(app: &TestApp, token: &str, status: &str) -> reqwest::Response {
    app.client
        .put(app.api("/agents/me/presence"))
        .bearer_auth(token)
        .json(&json!({ "status": status }))
        .send()
        .await
        .unwrap()
}

async fn ticket(app: &TestApp, token: &str, id: &str) -> Value {
    app.get(token, &format!("/tickets/{id}")).await.json().await.unwrap()
}

#[tokio::test]
async fn escalations_go_to_the_least_busy_online_agent_and_wait_when_all_are_full() {
    let app = spawn_app_with(&[("JOXAI_AGENT_CAPACITY", "2")]).await;
    let (alice, alice_token) = app.token_for("alice", Role::Agent).await;
    let (bob, bob_token) = app.token_for("bob", Role::Agent).await;
    assert_eq!(presence(&app, &alice_token, "online").await.status(), 200);
    assert_eq!(presence(&app, &bob_token, "Online").await.status(), 200);

    let mut owners = Vec::new();
    for _ in 0..4 {
        let (_, id) = escalate(&app, "medium").await;
        owners.push(ticket(&app, &alice_token, &id).await["assigned_to"].as_i64().unwrap());
    }
    let (a, b) = (i64::from(alice.id), i64::from(bob.id));
    assert_eq!(owners, vec![a, b, a, b], "fewest open first, ties to whoever waited longest");

    // Both are full: the next one waits in the queue.
    let (conversation, waiting) = escalate(&app, "high").await;
    let queued = ticket(&app, &alice_token, &waiting).await;
    assert_eq!((queued["status"].as_str(), queued["assigned_to"].as_i64()), (Some("OPEN"), None));

    // Bob frees capacity: the waiting ticket is his, and its customer is told.
    let (tickets, _) = {
        let res = app.get_with(&bob_token, "/tickets", &[("assigned_to", bob.id.to_string())]).await;
        (res.json::<Vec<Value>>().await.unwrap(), ())
    };
    let res = app
        .send(
            Method::PATCH,
            &bob_token,
            &format!("/tickets/{}/status", tickets[0]["ticket_id"].as_str().unwrap()),
            Some(json!({ "status": "resolved" })),
        )
        .await;
    assert_eq!(res.status(), 200);
    let routed = ticket(&app, &bob_token, &waiting).await;
    assert_eq!((routed["assigned_to"].as_i64(), routed["status"].as_str()), (Some(b), Some("IN_PROGRESS")));
    let detail: Value = app.get_json(&bob_token, &format!("/conversations/{conversation}")).await;
    assert_eq!(detail["status"], "ASSIGNED");
    assert!(detail["messages"].as_array().unwrap().iter().any(|m| m["content"].as_str().unwrap().contains("joined")));
}

#[tokio::test]
async fn nobody_online_means_a_queue_that_drains_most_urgent_first() {
    let app = spawn_app_with(&[("JOXAI_AGENT_CAPACITY", "1")]).await;
    let (alice, token) = app.token_for("alice", Role::Agent).await;
    let (_, medium) = escalate(&app, "medium").await;
    let (_, urgent) = escalate(&app, "urgent").await;
    assert!(ticket(&app, &token, &urgent).await["assigned_to"].is_null());

    let res = presence(&app, &token, "online").await;
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["presence"], "online");
    assert_eq!(ticket(&app, &token, &urgent).await["assigned_to"], alice.id, "most urgent first");
    assert!(ticket(&app, &token, &medium).await["assigned_to"].is_null(), "capacity 1");

    // Away: no new work; offline closes the work session.
    presence(&app, &token, "away").await;
    let (_, later) = escalate(&app, "low").await;
    assert!(ticket(&app, &token, &later).await["assigned_to"].is_null());
    presence(&app, &token, "offline").await;
    let agents: Vec<Value> = app.get(&token, "/agents").await.json().await.unwrap();
    let me = agents.iter().find(|a| a["id"] == alice.id).unwrap();
    assert_eq!(me["presence"], "offline");
    assert_eq!(me["open_tickets"], 1);
    assert_eq!(me["capacity"], 1);
    assert!(me["worked_today_secs"].as_i64().unwrap() >= 0);
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let open = domain::entities::work_sessions::Entity::find()
        .filter(domain::entities::work_sessions::Column::EndedAt.is_null())
        .all(&app.state.db)
        .await
        .unwrap();
    assert!(open.is_empty(), "offline ends the session");
}

#[tokio::test]
async fn presence_needs_a_working_role_and_a_known_status() {
    let app = spawn_app_with(&[]).await;
    let (_, viewer) = app.token_for("viewer", Role::Viewer).await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    assert_eq!(presence(&app, &viewer, "online").await.status(), 403);
    assert_eq!(presence(&app, &agent, "sleeping").await.status(), 422);
    assert_eq!(
        app.client
            .put(app.api("/agents/me/presence"))
            .json(&json!({ "status": "online" }))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let audited = app.audit().await.into_iter().filter(|r| r.action == "agent.presence").count();
    assert_eq!(audited, 0, "nothing changed");
}

#[tokio::test]
async fn a_waiting_ticket_routed_twice_at_once_goes_to_one_agent_once() {
    use domain::entities::tickets;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = spawn_app_with(&[]).await;
    let (_, ticket_id) = escalate(&app, "medium").await;
    let (_, alice) = app.token_for("alice", Role::Agent).await;
    let (_, bob) = app.token_for("bob", Role::Agent).await;
    // Online without picking it up: their presence is stored directly, as two servers would see it.
    for token in [&alice, &bob] {
        assert_eq!(presence(&app, token, "away").await.status(), 200);
    }
    let online = "UPDATE agent_presence SET status = 'online'";
    sea_orm::ConnectionTrait::execute_unprepared(&app.state.db, online).await.unwrap();
    let waiting = tickets::Entity::find().filter(tickets::Column::TicketId.eq(&ticket_id)).one(&app.state.db);
    let waiting = waiting.await.unwrap().unwrap();
    assert!(waiting.assigned_to.is_none());
    let state = &app.state;
    let (first, second) = tokio::join!(
        domain::tickets::routing::route(state, &waiting),
        domain::tickets::routing::route(state, &waiting)
    );
    let routed = [first.unwrap(), second.unwrap()].into_iter().flatten().count();
    assert_eq!(routed, 1, "one of the two routings wins");
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let chat = ticket(&app, &lead, &ticket_id).await;
    assert!(chat["assigned_to"].is_number());
    // Message text is sealed at rest: read, open, then look.
    let stored = domain::entities::messages::Entity::find().all(&app.state.db).await.unwrap();
    let joined = domain::conversations::store::opened(&app.state, stored)
        .unwrap()
        .into_iter()
        .filter(|m| m.content.contains("joined the conversation"))
        .count();
    assert_eq!(joined, 1, "the customer is told once who joined");
}
