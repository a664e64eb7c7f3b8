//! Service levels: deadlines from the priority's targets (a setting), recomputed with the
//! priority; the queue ordered by time left; a missed deadline told to supervisors once even with
//! two servers watching; attainment by period and agent.

use chrono::{DateTime, Duration, Utc};
use domain::model::Role;
use reqwest::Method;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app_with};

fn time(v: &Value) -> DateTime<Utc> {
    v.as_str().unwrap().parse().unwrap()
}

async fn open(app: &TestApp, token: &str, priority: &str) -> Value {
    let body = json!({ "subject": format!("{priority} work"), "customer_name": "Ana", "priority": priority });
    let res = app.send(Method::POST, token, "/tickets", Some(body)).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// Moves a ticket's first-response deadline into the past, as if its time had run out.
async fn run_out(app: &TestApp, ticket_id: &str) {
    domain::entities::tickets::Entity::update_many()
        .col_expr(domain::entities::tickets::Column::FirstResponseDueAt, Expr::value(Utc::now() - Duration::minutes(1)))
        .filter(domain::entities::tickets::Column::TicketId.eq(ticket_id))
        .exec(&app.state.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn deadlines_follow_priority_breaches_are_told_once_and_attainment_is_counted() {
    // The watch itself waits an hour here: the test sweeps by hand, twice at once, as two servers.
    let app = spawn_app_with(&[("JOXAI_SLA_CHECK_SECONDS", "3600")]).await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let (agent, agent_token) = app.token_for("agent", Role::Agent).await;

    // Targets: a refused value changes nothing; a good one applies to the next ticket.
    let urgent_only = json!({ "URGENT": { "first_response_minutes": 30, "resolution_minutes": 5 } });
    let bad = json!({ "key": "sla.targets", "value": urgent_only });
    let res = app.send(Method::POST, &admin, "/settings/system", Some(bad)).await;
    assert_eq!(res.status(), 422);
    assert_eq!(res.json::<Value>().await.unwrap()["field"], "value");
    let urgent = open(&app, &admin, "urgent").await;
    let opened = time(&urgent["created_at"]);
    assert_eq!(time(&urgent["first_response_due_at"]) - opened, Duration::minutes(15), "the default target");
    assert_eq!(time(&urgent["resolution_due_at"]) - opened, Duration::hours(4));
    let target =
        |first: f64, resolution: f64| json!({ "first_response_minutes": first, "resolution_minutes": resolution });
    let targets = json!({
        "URGENT": target(0.5, 60.0), "HIGH": target(30.0, 240.0),
        "MEDIUM": target(120.0, 960.0), "LOW": target(600.0, 4800.0),
    });
    let body = json!({ "key": "sla.targets", "value": targets });
    assert_eq!(app.send(Method::POST, &admin, "/settings/system", Some(body)).await.status(), 201);
    let high = open(&app, &admin, "high").await;
    assert_eq!(time(&high["first_response_due_at"]) - time(&high["created_at"]), Duration::minutes(30));
    let low = open(&app, &admin, "low").await;
    // A new priority moves the deadlines, counted from the opening.
    let path = format!("/tickets/{}/priority", urgent["ticket_id"].as_str().unwrap());
    let moved: Value =
        app.send(Method::PATCH, &admin, &path, Some(json!({ "priority": "LOW" }))).await.json().await.unwrap();
    assert_eq!(time(&moved["first_response_due_at"]) - opened, Duration::minutes(600));
    let path = format!("/tickets/{}/priority", urgent["ticket_id"].as_str().unwrap());
    app.send(Method::PATCH, &admin, &path, Some(json!({ "priority": "URGENT" }))).await;

    // The queue by time left: the urgent ticket (30 s), then high (30 min), then low; a resolved
    // ticket has nothing due and comes last.
    let done = open(&app, &admin, "urgent").await;
    let path = format!("/tickets/{}/status", done["ticket_id"].as_str().unwrap());
    app.send(Method::PATCH, &admin, &path, Some(json!({ "status": "RESOLVED" }))).await;
    let queue: Vec<Value> = serde_json::from_value(app.get_json(&admin, "/tickets?sort=due").await).unwrap();
    let order: Vec<&str> = queue.iter().map(|t| t["ticket_id"].as_str().unwrap()).collect();
    let ids = [&urgent, &high, &low, &done].map(|t| t["ticket_id"].as_str().unwrap());
    assert_eq!(order, ids, "nearest deadline first, nothing due last");
    let res = app.send(Method::GET, &admin, "/tickets?sort=oldest", None).await;
    assert_eq!(res.status(), 422);

    // The urgent ticket runs out of time: two servers sweep at once, one tells.
    let late = urgent["ticket_id"].as_str().unwrap();
    run_out(&app, late).await;
    let (a, b) = tokio::join!(domain::tickets::sla::sweep(&app.state), domain::tickets::sla::sweep(&app.state));
    assert_eq!(a.unwrap() + b.unwrap(), 1, "one breach, told once");
    assert_eq!(domain::tickets::sla::sweep(&app.state).await.unwrap(), 0, "and not again");
    let told: Vec<Value> = serde_json::from_value(app.get_json(&lead, "/notifications/me").await).unwrap();
    let breach: Vec<&Value> =
        told.iter().filter(|n| n["subject"].as_str().unwrap().starts_with(&format!("SLA breached: {late}"))).collect();
    assert_eq!(breach.len(), 1, "{told:?}");
    assert!(breach[0]["subject"].as_str().unwrap().contains("first response overdue"));
    assert!(app.audit().await.iter().any(|e| e.action == "ticket.sla_breached"));

    // A conversation handed to the agent, answered in time and resolved: both deadlines met.
    let chat = app.start_chat("en").await;
    let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    app.customer_says(id, token, "I want to talk to a person please").await;
    let tickets: Vec<Value> = serde_json::from_value(app.get_json(&admin, "/tickets?status=OPEN").await).unwrap();
    let mine = tickets.iter().find(|t| t["conversation_id"] == id).unwrap()["ticket_id"].as_str().unwrap().to_owned();
    let assign = json!({ "agentId": agent.id });
    app.send(Method::POST, &admin, &format!("/tickets/{mine}/assign"), Some(assign)).await;
    let reply = json!({ "content": "Hello, I am here." });
    let res = app.send(Method::POST, &agent_token, &format!("/conversations/{id}/messages"), Some(reply)).await;
    assert!(res.status().is_success());
    let resolve = json!({ "status": "RESOLVED" });
    app.send(Method::PATCH, &agent_token, &format!("/tickets/{mine}/status"), Some(resolve)).await;

    let s = app.get_json(&lead, "/analytics/sla?days=7").await;
    assert_eq!(
        (s["first_response"]["met"].as_u64(), s["first_response"]["breached"].as_u64()),
        (Some(1), Some(1)),
        "{s}"
    );
    assert_eq!(s["first_response"]["rate"], 0.5);
    assert_eq!((s["resolution"]["met"].as_u64(), s["resolution"]["breached"].as_u64()), (Some(2), Some(0)), "{s}");
    let theirs = s["by_agent"].as_array().unwrap().iter().find(|r| r["agent_id"] == agent.id).unwrap();
    assert_eq!(theirs["first_response"]["met"], 1);
    let own = app.get_json(&agent_token, "/analytics/sla?days=7").await;
    let rows = own["by_agent"].as_array().unwrap();
    assert!(rows.len() == 1 && rows[0]["agent_id"] == agent.id, "an agent sees only their own row: {own}");
    assert_eq!(own["first_response"], s["first_response"], "and the totals");
    assert_eq!(app.send(Method::GET, &lead, "/analytics/sla?days=0", None).await.status(), 422);
}
