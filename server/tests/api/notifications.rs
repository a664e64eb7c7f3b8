//! `/notifications`: every notification goes through the outbox and a real SMTP server started by
//! the test; a refusing server is retried until it recovers; a permanent refusal fails and is
//! sent again on request; the owner's bell counts; roles.

use std::time::Duration;

use domain::model::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app, spawn_app_with};
use crate::smtp::SmtpServer;

/// Polls the caller's notifications until `done` holds for the newest one (up to 20 s).
async fn newest_until(app: &TestApp, token: &str, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..1000 {
        let list: Vec<Value> = app.get_json(token, "/notifications/me").await.as_array().cloned().unwrap_or_default();
        if let Some(newest) = list.first().filter(|n| done(n)) {
            return newest.clone();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the newest notification never reached the expected state");
}

async fn ticket(app: &TestApp, token: &str) -> String {
    let body = json!({ "subject": "Card blocked", "description": "Customer cannot pay", "priority": "high",
        "category": "cards", "customer_name": "Jane Smith", "customer_email": "jane@example.com" });
    let res = app.send(Method::POST, token, "/tickets", Some(body)).await;
    assert_eq!(res.status(), 200);
    res.json::<Value>().await.unwrap()["ticket_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn assignments_and_status_changes_are_mailed_through_smtp_and_survive_an_outage() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(&[
        ("JOXAI_SMTP_URL", smtp.url.as_str()),
        ("JOXAI_SMTP_FROM", "JoxAI Bank <soporte@bank.test>"),
        ("JOXAI_NOTIFY_RETRY_BASE_MS", "50"),
        ("JOXAI_PUBLIC_URL", "https://support.bank.test"),
    ])
    .await;
    let (_, supervisor) = app.token_for("super", Role::Supervisor).await;
    let (agent, agent_token) = app.token_for("agent", Role::Agent).await;
    let (_, other) = app.token_for("other", Role::Agent).await;

    // Assigned by a supervisor: the agent gets an e-mail with a text and an HTML part.
    let id = ticket(&app, &supervisor).await;
    let res = app
        .send(Method::POST, &supervisor, &format!("/tickets/{id}/assign"), Some(json!({ "agentId": agent.id })))
        .await;
    assert_eq!(res.status(), 200);
    let mail = smtp.wait_for(1).await;
    assert_eq!(mail[0].to, vec!["agent@bank.test".to_owned()]);
    assert_eq!(mail[0].from, "soporte@bank.test");
    let data = &mail[0].data;
    assert!(data.contains("Subject: New Ticket Assigned"), "{data}");
    assert!(data.contains("text/plain") && data.contains("text/html"), "both parts: {data}");
    assert!(data.contains(&format!("You have been assigned ticket {id}")));
    assert!(data.contains(&format!("https://support.bank.test/tickets/{id}")));

    let sent = newest_until(&app, &agent_token, |n| n["status"] == "SENT").await;
    assert_eq!(sent["notification_type"], "EMAIL");
    assert_eq!(sent["category"], "TICKET");
    assert_eq!(sent["subject"], "New Ticket Assigned");
    assert_eq!(sent["body"].as_str().unwrap().lines().nth(2).unwrap(), format!("You have been assigned ticket {id}"));
    assert_eq!((sent["resource_type"].as_str(), sent["resource_id"].as_str()), (Some("ticket"), Some(id.as_str())));
    assert_eq!(sent["delivery_attempts"], 1);
    assert!(sent["sent_at"].as_i64().unwrap() > 1_700_000_000);
    assert_eq!(sent["recipient_email"], "agent@bank.test");
    assert!(sent["error_message"].is_null());

    // The bell: one unread; reading it marks it read; nobody else may read it.
    assert_eq!(app.get_json(&agent_token, "/notifications/me/unread").await["unread"], 1);
    let nid = sent["id"].as_i64().unwrap();
    let res = app.send(Method::GET, &other, &format!("/notifications/{nid}"), None).await;
    assert_eq!(res.status(), 404, "someone else's");
    let one = app.get_json(&agent_token, &format!("/notifications/{nid}")).await;
    assert_eq!((one["id"].as_i64(), one["status"].as_str()), (Some(nid), Some("SENT")));
    assert_eq!(app.get_json(&agent_token, "/notifications/me/unread").await["unread"], 0);

    // The mail server refuses for a while: the notification stays PENDING with the error, and is
    // delivered once the server recovers.
    smtp.refuse(451);
    let res =
        app.send(Method::PATCH, &supervisor, &format!("/tickets/{id}/status"), Some(json!({ "status": "OPEN" }))).await;
    assert_eq!(res.status(), 200);
    let waiting = newest_until(&app, &agent_token, |n| n["delivery_attempts"].as_i64() >= Some(1)).await;
    assert_eq!(waiting["status"], "PENDING");
    assert!(waiting["error_message"].as_str().unwrap().contains("451"), "{waiting}");
    assert_eq!(smtp.received().len(), 1, "nothing delivered while refused");
    smtp.refuse(0);
    let mail = smtp.wait_for(2).await;
    assert!(mail[1].data.contains(&format!("Ticket {id} changed from IN_PROGRESS to OPEN")), "{}", mail[1].data);
    let delivered = newest_until(&app, &agent_token, |n| n["status"] == "SENT").await;
    assert!(delivered["delivery_attempts"].as_i64().unwrap() >= 2);

    // A permanent refusal fails at once; a supervisor sends it again.
    smtp.refuse(554);
    app.send(Method::PATCH, &supervisor, &format!("/tickets/{id}/status"), Some(json!({ "status": "IN_PROGRESS" })))
        .await;
    let failed = newest_until(&app, &agent_token, |n| n["status"] == "FAILED").await;
    assert_eq!(failed["delivery_attempts"], 1);
    let fid = failed["id"].as_i64().unwrap();
    let res = app.send(Method::POST, &agent_token, &format!("/notifications/{fid}/retry"), None).await;
    assert_eq!(res.status(), 403, "agents may not retry");
    smtp.refuse(0);
    let res = app.send(Method::POST, &supervisor, &format!("/notifications/{fid}/retry"), None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({ "message": "Notification queued for retry", "notification_id": fid })
    );
    smtp.wait_for(3).await;
    newest_until(&app, &agent_token, |n| n["status"] == "SENT" && n["id"].as_i64() == Some(fid)).await;
    let res = app.send(Method::POST, &supervisor, &format!("/notifications/{fid}/retry"), None).await;
    assert_eq!(res.status(), 409, "only a failed one");
    let res = app.send(Method::POST, &supervisor, "/notifications/999999/retry", None).await;
    assert_eq!(res.status(), 404);
    assert!(app.audit().await.iter().any(|a| a.action == "notification.retry"));

    // Statistics: managers only, counted by the database.
    let res = app.send(Method::GET, &agent_token, "/notifications/stats", None).await;
    assert_eq!(res.status(), 403, "AGENT gets 403 on notification stats");
    let stats = app.get_json(&supervisor, "/notifications/stats").await;
    assert_eq!(stats["sent"], 3);
    assert_eq!(stats["total"], stats["pending"].as_u64().unwrap() + 3 + stats["failed"].as_u64().unwrap());
    assert_eq!(stats["by_type"]["EMAIL"], stats["total"]);
    assert_eq!(stats["by_category"]["TICKET"], stats["total"]);

    // Filters and bad input.
    let mine: Vec<Value> = serde_json::from_value(
        app.get_json(&agent_token, "/notifications/me?status=sent&category=TICKET&limit=2").await,
    )
    .unwrap();
    assert_eq!(mine.len(), 2);
    for (path, status) in [
        ("/notifications/me?limit=0", 422),
        ("/notifications/me?limit=201", 422),
        ("/notifications/me?status=LOST", 422),
        ("/notifications/abc", 422),
    ] {
        let res = app.send(Method::GET, &agent_token, path, None).await;
        assert_eq!(res.status(), status, "{path}");
        assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    }
    let res = app.client.get(app.api("/notifications/me")).send().await.unwrap();
    assert_eq!(res.status(), 401);
}

/// An inbox for the offline form, created by an admin.
async fn demo_inbox(app: &TestApp) -> Value {
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let body = json!({ "name": "Banco Demo", "allowed_origins": ["https://www.banco.example"] });
    app.post_json(&admin, "/inboxes", &body).await
}

#[tokio::test]
async fn escalations_alert_supervisors_and_offline_messages_get_a_receipt() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(&[("JOXAI_SMTP_URL", smtp.url.as_str())]).await;
    let (_, supervisor) = app.token_for("super", Role::Supervisor).await;

    let started = app.client.post(app.api("/chat/start")).json(&json!({ "language": "en" })).send().await.unwrap();
    let started = started.json::<Value>().await.unwrap();
    let res = app
        .customer_post(
            started["visitor_token"].as_str().unwrap(),
            "/chat/escalate",
            &json!({ "conversation_id": started["conversation_id"] }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let mail = smtp.wait_for(1).await;
    assert_eq!(mail[0].to, vec!["super@bank.test".to_owned()]);
    assert!(mail[0].data.contains("Escalation alert"), "{}", mail[0].data);
    let alert = newest_until(&app, &supervisor, |n| n["status"] == "SENT").await;
    assert_eq!(alert["category"], "CONVERSATION");

    // An offline message: a receipt to the customer in their language, an alert to supervisors.
    let inbox = demo_inbox(&app).await;
    let body = json!({ "inbox": inbox["key"], "name": "Ana Pérez", "email": "ana@example.com",
        "message": "Necesito una constancia", "language": "es" });
    let res = app.client.post(app.api("/chat/offline")).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let ticket = res.json::<Value>().await.unwrap()["ticket_id"].as_str().unwrap().to_owned();
    let mail = smtp.wait_for(3).await;
    let receipt = mail.iter().find(|m| m.to == vec!["ana@example.com".to_owned()]).expect("a receipt");
    assert!(receipt.data.contains(&ticket), "{}", receipt.data);
    assert!(receipt.data.contains("Recibimos tu mensaje"), "in Spanish: {}", receipt.data);
    assert!(
        mail.iter().any(|m| m.to == vec!["super@bank.test".to_owned()] && m.data.contains("Offline message received"))
    );
}

#[tokio::test]
async fn without_an_smtp_server_notifications_fail_with_a_clear_reason() {
    let app = spawn_app().await;
    let (_, supervisor) = app.token_for("super", Role::Supervisor).await;
    let (agent, agent_token) = app.token_for("agent", Role::Agent).await;
    let id = ticket(&app, &supervisor).await;
    app.send(Method::POST, &supervisor, &format!("/tickets/{id}/assign"), Some(json!({ "agentId": agent.id }))).await;
    let failed = newest_until(&app, &agent_token, |n| n["status"] == "FAILED").await;
    assert!(failed["error_message"].as_str().unwrap().contains("JOXAI_SMTP_URL"), "{failed}");
    assert_eq!(app.get_json(&agent_token, "/notifications/me/unread").await["unread"], 1, "the bell still rings");
    let stats = app.get_json(&supervisor, "/notifications/stats").await;
    assert_eq!((stats["total"].as_u64(), stats["failed"].as_u64()), (Some(1), Some(1)));
}

#[tokio::test]
async fn the_offline_form_cannot_mail_free_text_nor_flood_an_address() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(&[("JOXAI_SMTP_URL", smtp.url.as_str())]).await;
    let (_, supervisor) = app.token_for("super", Role::Supervisor).await;
    let inbox = demo_inbox(&app).await;
    let hostile = "Your account is locked <b>call 555-0100</b> at http://evil.example";
    let offline = || {
        let body = json!({ "inbox": inbox["key"], "name": hostile, "email": "victim@example.com",
            "message": "Verify at http://evil.example/login today", "language": "en" });
        app.client.post(app.api("/chat/offline")).json(&body).send()
    };
    assert_eq!(offline().await.unwrap().status(), 201);
    let mail = smtp.wait_for(2).await;
    // The receipt goes to whatever address the form was given: nothing the sender typed is in it.
    let receipt = mail.iter().find(|m| m.to == vec!["victim@example.com".to_owned()]).expect("a receipt");
    for typed in ["evil.example", "locked", "555-0100", "Verify"] {
        assert!(!receipt.data.contains(typed), "{typed} in the receipt: {}", receipt.data);
    }
    // Supervisors see the sender's words only quoted, as data, never as markup.
    let alert = mail.iter().find(|m| m.to == vec!["super@bank.test".to_owned()]).expect("an alert");
    assert!(!alert.data.contains("<b>"), "{}", alert.data);
    assert!(alert.data.contains("Customer: \"Your account is locked (b)call"), "{}", alert.data);

    // A few messages an hour per address, counted in the database; then 429 and nothing stored.
    for _ in 0..2 {
        assert_eq!(offline().await.unwrap().status(), 201);
    }
    let res = offline().await.unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    let tickets: Vec<Value> = app.get_json(&supervisor, "/tickets").await.as_array().unwrap().clone();
    assert_eq!(tickets.len(), 3);
}
