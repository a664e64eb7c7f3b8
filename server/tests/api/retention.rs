//! Retention with a moved clock: with closed conversations and finished tickets kept 30 days, the
//! answer log 365, notifications 180 and the audit log 3,650 (the defaults for those three), a run
//! 25 days from now deletes exactly what is past due — on SQLite and PostgreSQL — after a dry run
//! that only counts; the audit chain still verifies after its oldest records are pruned, and the
//! report is kept for the settings page.

use chrono::{Duration, Utc};
use domain::entities::{assistant_answers, audit_log, conversations, messages, notifications, ticket_notes, tickets};
use domain::model::Role;
use reqwest::Method;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app};

async fn ticket(app: &TestApp, token: &str, subject: &str) -> String {
    let body = json!({ "subject": subject, "description": "d", "customer_name": "C" });
    app.send(Method::POST, token, "/tickets", Some(body)).await.json::<Value>().await.unwrap()["ticket_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_retention_job_deletes_exactly_what_is_past_due() {
    let app = spawn_app().await;
    let db = &app.state.db;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let (agent, _) = app.token_for("agent", Role::Agent).await;
    for (key, days) in [("retention.closed_conversations_days", 30), ("retention.tickets_days", 30)] {
        let res = app.send(Method::POST, &admin, "/settings/system", Some(json!({ "key": key, "value": days }))).await;
        assert_eq!(res.status(), 201);
    }
    let mut ids = Vec::new();
    for _ in 0..3 {
        let chat = app.start_chat("en").await;
        let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
        assert_eq!(app.customer_says(id, token, "What are your opening hours?").await.status(), 200);
        ids.push(id.to_owned());
    }
    for id in &ids[..2] {
        let res = app.send(Method::POST, &admin, &format!("/conversations/{id}/close"), Some(json!({}))).await;
        assert_eq!(res.status(), 200);
    }
    let (old, kept, open) = (ids[0].clone(), ids[1].clone(), ids[2].clone());
    let (finished_old, finished_new, open_old) =
        (ticket(&app, &admin, "one").await, ticket(&app, &admin, "two").await, ticket(&app, &admin, "three").await);
    for case in [&finished_old, &finished_new] {
        let path = format!("/tickets/{case}/status");
        assert_eq!(app.send(Method::PATCH, &admin, &path, Some(json!({ "status": "resolved" }))).await.status(), 200);
    }
    let note = json!({ "body": "done" });
    assert_eq!(
        app.send(Method::POST, &admin, &format!("/tickets/{finished_old}/notes"), Some(note)).await.status(),
        201
    );
    let assign = json!({ "agentId": agent.id });
    assert_eq!(
        app.send(Method::POST, &admin, &format!("/tickets/{open_old}/assign"), Some(assign)).await.status(),
        200
    );

    // Age the records: the clock will read 25 days from now.
    let now = Utc::now();
    let ago = |days: i64| Expr::value(now - Duration::days(days));
    conversations::Entity::update_many()
        .col_expr(conversations::Column::ClosedAt, ago(10))
        .filter(conversations::Column::PublicId.is_in([old.as_str(), open.as_str()]))
        .exec(db)
        .await
        .unwrap();
    tickets::Entity::update_many()
        .col_expr(tickets::Column::UpdatedAt, ago(10))
        .filter(tickets::Column::TicketId.is_in([finished_old.as_str(), open_old.as_str()]))
        .exec(db)
        .await
        .unwrap();
    let first_answer = assistant_answers::Entity::find().order_by_asc(assistant_answers::Column::Id).one(db).await;
    let first_answer = first_answer.unwrap().unwrap().id;
    assistant_answers::Entity::update_many()
        .col_expr(assistant_answers::Column::CreatedAt, ago(345))
        .filter(assistant_answers::Column::Id.eq(first_answer))
        .exec(db)
        .await
        .unwrap();
    let aged_notes = notifications::Entity::update_many()
        .col_expr(notifications::Column::CreatedAt, ago(200))
        .col_expr(notifications::Column::Status, Expr::value("SENT"))
        .filter(notifications::Column::ResourceId.eq(open_old.as_str()))
        .exec(db)
        .await
        .unwrap()
        .rows_affected;
    assert!(aged_notes >= 1, "the assignment notified the agent");
    let oldest: Vec<i64> = audit_log::Entity::find()
        .select_only()
        .column(audit_log::Column::Id)
        .order_by_asc(audit_log::Column::Id)
        .limit(3)
        .into_tuple()
        .all(db)
        .await
        .unwrap();
    audit_log::Entity::update_many()
        .col_expr(audit_log::Column::CreatedAt, ago(3640))
        .filter(audit_log::Column::Id.is_in(oldest.clone()))
        .exec(db)
        .await
        .unwrap();
    let later = now + Duration::days(25);
    let expected =
        [("closed_conversations", 1), ("tickets", 1), ("answer_log", 1), ("notifications", aged_notes), ("audit", 3)];

    // A dry run counts and removes nothing.
    let dry = domain::retention::run(&app.state, later, true).await.unwrap();
    let due: Vec<(&str, u64)> = dry.kinds.iter().map(|k| (k.kind.as_str(), k.due)).collect();
    assert_eq!(due, expected);
    assert!(dry.kinds.iter().all(|k| k.removed == 0));
    assert_eq!(conversations::Entity::find().count(db).await.unwrap(), 3);

    let report = domain::retention::run(&app.state, later, false).await.unwrap();
    let removed: Vec<(&str, u64)> = report.kinds.iter().map(|k| (k.kind.as_str(), k.removed)).collect();
    assert_eq!(removed, expected);
    let left: Vec<String> =
        conversations::Entity::find().all(db).await.unwrap().into_iter().map(|c| c.public_id).collect();
    assert!(left.contains(&kept) && left.contains(&open) && !left.contains(&old), "{left:?}");
    let cases: Vec<String> = tickets::Entity::find().all(db).await.unwrap().into_iter().map(|t| t.ticket_id).collect();
    assert!(cases.contains(&finished_new) && cases.contains(&open_old) && !cases.contains(&finished_old));
    assert_eq!(ticket_notes::Entity::find().count(db).await.unwrap(), 0, "the removed ticket's note went with it");
    let transcripts: Vec<i32> = messages::Entity::find()
        .select_only()
        .column(messages::Column::ConversationId)
        .distinct()
        .into_tuple()
        .all(db)
        .await
        .unwrap();
    assert_eq!(transcripts.len(), 2, "the removed conversation's messages went with it");
    assert!(assistant_answers::Entity::find_by_id(first_answer).one(db).await.unwrap().is_none());
    assert!(audit_log::Entity::find().filter(audit_log::Column::Id.is_in(oldest)).one(db).await.unwrap().is_none());

    // The chain still verifies; running again finds nothing; the report is on the settings page.
    let verified: Value =
        app.client.post(app.api("/audit/verify")).bearer_auth(&admin).send().await.unwrap().json().await.unwrap();
    assert_eq!(verified["intact"], true, "{verified}");
    let again = domain::retention::run(&app.state, later, false).await.unwrap();
    assert!(again.kinds.iter().all(|k| k.due == 0), "{again:?}");
    let kept_report = app.get_json(&admin, "/settings/system/retention.last_report").await;
    assert_eq!(kept_report["value"]["dry_run"], false, "{kept_report}");

    // Admins run it from the API; nobody else; bad periods are refused.
    let res = app.send(Method::POST, &admin, "/retention/run", Some(json!({ "dry_run": true }))).await;
    assert_eq!(res.status(), 200);
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    assert_eq!(app.send(Method::POST, &lead, "/retention/run", Some(json!({}))).await.status(), 403);
    let bad = json!({ "key": "retention.audit_days", "value": 30 });
    assert_eq!(app.send(Method::POST, &admin, "/settings/system", Some(bad)).await.status(), 422);
}
