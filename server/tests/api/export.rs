//! `/export/{kind}`: conversations with transcripts, tickets and analytics as CSV and JSON,
//! streamed; managers only; audited; bad input.

use domain::model::Role;
use reqwest::Method;
use serde_json::Value;

use crate::harness::spawn_app;

#[tokio::test]
async fn conversations_tickets_and_analytics_export_as_csv_and_json() {
    let app = spawn_app().await;
    let (_, supervisor) = app.token_for("super", Role::Supervisor).await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    // More conversations than one page of the export (200), so paging is exercised.
    let mut ids = Vec::new();
    for i in 0..205 {
        let started = app.start_chat("en").await;
        let id = started["conversation_id"].as_str().unwrap().to_owned();
        if i < 2 {
            let text = if i == 0 {
                "=SUM(A1) how do I, \"quote\", open an account?"
            } else {
                "Someone stole my card, I need a person"
            };
            let token = started["visitor_token"].as_str().unwrap();
            assert_eq!(app.customer_says(&id, token, text).await.status(), 200);
        }
        ids.push(id);
    }

    let res = app.send(Method::GET, &supervisor, "/export/conversations?format=csv&days=7", None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("joxai-conversations.csv"));
    let csv = res.text().await.unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "conversation_id,started_at,status,language,customer_ref,assigned_to,csat_score,seq,role,sent_at,content"
    );
    for id in &ids {
        assert!(csv.contains(id.as_str()), "every conversation, across pages: {id}");
    }
    assert!(csv.contains("\"'=SUM(A1) how do I, \"\"quote\"\", open an account?\""), "quoted and defused: {csv}");

    let res = app.send(Method::GET, &supervisor, "/export/conversations?format=json", None).await;
    assert_eq!(res.headers()["content-type"], "application/json");
    let all: Vec<Value> = res.json().await.unwrap();
    assert_eq!(all.len(), 205);
    let first = all.iter().find(|c| c["conversation_id"] == ids[0].as_str()).unwrap();
    let roles: Vec<&str> = first["messages"].as_array().unwrap().iter().map(|m| m["role"].as_str().unwrap()).collect();
    assert!(roles.contains(&"customer") && roles.contains(&"assistant"), "the transcript: {roles:?}");

    let tickets: Vec<Value> =
        app.send(Method::GET, &supervisor, "/export/tickets?format=json", None).await.json().await.unwrap();
    assert_eq!(tickets.len(), 1, "the stolen card");
    let csv = app.send(Method::GET, &supervisor, "/export/tickets", None).await.text().await.unwrap();
    assert_eq!(csv.lines().count(), 2);
    assert!(csv.contains(tickets[0]["ticket_id"].as_str().unwrap()));

    let csv = app.send(Method::GET, &supervisor, "/export/analytics?days=3", None).await.text().await.unwrap();
    assert_eq!(csv.lines().count(), 4, "a header and three days: {csv}");
    assert!(csv.lines().last().unwrap().contains(",205,"), "today's conversations: {csv}");
    let figures: Value =
        app.send(Method::GET, &supervisor, "/export/analytics?format=json", None).await.json().await.unwrap();
    assert_eq!(figures["dashboard"]["total_conversations"], 205);

    let exports: Vec<String> =
        app.audit().await.into_iter().filter(|a| a.action.starts_with("export.")).map(|a| a.action).collect();
    assert_eq!(exports.len(), 6, "every export is audited: {exports:?}");

    assert_eq!(app.send(Method::GET, &agent, "/export/tickets", None).await.status(), 403);
    for (path, status) in [("/export/tickets?format=xml", 422), ("/export/tickets?days=0", 422), ("/export/users", 404)]
    {
        let res = app.send(Method::GET, &supervisor, path, None).await;
        assert_eq!(res.status(), status, "{path}");
        assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    }
    assert_eq!(app.client.get(app.api("/export/tickets")).send().await.unwrap().status(), 401);
}
