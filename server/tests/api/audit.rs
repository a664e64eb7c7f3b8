//! `/audit`: ADMIN and VIEWER read the log with filters and verify its hash chain; a tampered
//! record is found; other roles get 403.

use domain::model::Role;
use sea_orm::{ActiveModelTrait, EntityTrait, QueryOrder, Set};
use serde_json::{Value, json};

use crate::harness::spawn_app;

#[tokio::test]
async fn admins_and_viewers_read_and_verify_the_audit_log_and_tampering_is_found() {
    let app = spawn_app().await;
    let (admin_user, admin) = app.token_for("admin", Role::Admin).await;
    let (_, viewer) = app.token_for("viewer", Role::Viewer).await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    for name in ["Ana", "Luis"] {
        let res = app.send(reqwest::Method::POST, &admin, "/customers", Some(json!({ "full_name": name }))).await;
        assert_eq!(res.status(), 201);
    }

    for token in [&lead, &agent] {
        assert_eq!(app.get(token, "/audit").await.status(), 403);
        assert_eq!(app.client.post(app.api("/audit/verify")).bearer_auth(token).send().await.unwrap().status(), 403);
    }
    let res = app.get(&viewer, "/audit?action=CUSTOMER_CREATE").await;
    assert_eq!(res.headers()["x-total-count"], "2");
    let list: Vec<Value> = res.json().await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        (list[0]["actor_id"].as_i64(), list[0]["resource_type"].as_str()),
        (Some(i64::from(admin_user.id)), Some("customer"))
    );
    assert!(list[0]["id"].as_i64() > list[1]["id"].as_i64(), "newest first");
    assert_eq!(list[0]["hash"].as_str().unwrap().len(), 64);
    let mine: Vec<Value> = app
        .get_json(&viewer, &format!("/audit?actor_id={}&resource_type=customer&limit=1", admin_user.id))
        .await
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(mine.len(), 1);
    let later: Vec<Value> =
        app.get_json(&viewer, "/audit?since=2999-01-01T00:00:00Z").await.as_array().unwrap().clone();
    assert!(later.is_empty());
    let until: Vec<Value> =
        app.get_json(&viewer, "/audit?until=2000-01-01T00:00:00Z").await.as_array().unwrap().clone();
    assert!(until.is_empty());
    for bad in ["/audit?limit=501", "/audit?since=yesterday", "/audit?actor_id=x"] {
        assert_eq!(app.get(&viewer, bad).await.status(), 422, "{bad}");
    }

    let ok: Value =
        app.client.post(app.api("/audit/verify")).bearer_auth(&viewer).send().await.unwrap().json().await.unwrap();
    assert_eq!(ok["intact"], true);
    assert!(ok["checked"].as_u64().unwrap() >= 6);
    assert_eq!(ok["first_broken_id"], Value::Null);

    // Someone edits a record in the database: the chain check names it.
    use domain::entities::audit_log;
    let rows = audit_log::Entity::find().order_by_asc(audit_log::Column::Id).all(&app.state.db).await.unwrap();
    let victim = rows[2].clone();
    let mut active: audit_log::ActiveModel = victim.clone().into();
    active.actor_name = Set(Some("someone else".into()));
    active.update(&app.state.db).await.unwrap();
    let broken: Value =
        app.client.post(app.api("/audit/verify")).bearer_auth(&admin).send().await.unwrap().json().await.unwrap();
    assert_eq!((broken["intact"].as_bool(), broken["first_broken_id"].as_i64()), (Some(false), Some(victim.id)));
    assert_eq!(broken["checked"].as_i64(), Some(3));
    let verifications: Vec<Value> =
        app.get_json(&admin, "/audit?action=audit.verify").await.as_array().unwrap().clone();
    assert_eq!(verifications.len(), 2, "each check is recorded");
    assert_eq!(verifications[0]["outcome"], "failure");
}

#[tokio::test]
async fn two_servers_append_one_chain_sealed_with_a_key_outside_the_database() {
    use domain::audit::{AuditKeys, AuditLog, Entry, Outcome, RequestMeta};
    let key = "k".repeat(40);
    let app = crate::harness::spawn_app_with(&[("JOXAI_AUDIT_KEY", key.as_str())]).await;
    let keys = |current: &str, previous: &[&str]| AuditKeys {
        current: current.as_bytes().to_vec(),
        previous: previous.iter().map(|k| k.as_bytes().to_vec()).collect(),
    };
    // Two servers: two logs, each with its own lock, on one database.
    let servers =
        [AuditLog::new(app.state.db.clone(), keys(&key, &[])), AuditLog::new(app.state.db.clone(), keys(&key, &[]))];
    let mut handles = Vec::new();
    for (n, log) in servers.iter().enumerate() {
        for i in 0..15 {
            let log = log.clone();
            handles.push(tokio::spawn(async move {
                let entry =
                    Entry::new("test.append", Outcome::Success).details(serde_json::json!({ "server": n, "i": i }));
                log.record(entry, &RequestMeta::default()).await.unwrap();
            }));
        }
    }
    for h in handles {
        h.await.unwrap();
    }
    let appended = app.audit().await.iter().filter(|r| r.action == "test.append").count();
    assert_eq!(appended, 30);
    assert_eq!(app.state.audit.verify().await.unwrap(), None, "one chain, no fork");

    // Another key does not verify it; after a rotation the old key, kept as previous, still does.
    let other = "o".repeat(40);
    let rotated = AuditLog::new(app.state.db.clone(), keys(&other, &[]));
    assert!(rotated.verify().await.unwrap().is_some(), "sealed with a key the database does not hold");
    let rotated = AuditLog::new(app.state.db.clone(), keys(&other, &[&key]));
    assert_eq!(rotated.verify().await.unwrap(), None);
    rotated.record(Entry::new("test.rotated", Outcome::Success), &RequestMeta::default()).await.unwrap();
    assert_eq!(rotated.verify().await.unwrap(), None, "old records under the previous key, new ones under the new");

    // Someone who can write to the database edits a record and re-hashes it without the key.
    use sha2::Digest;
    let last = domain::entities::audit_log::Entity::find()
        .order_by_desc(domain::entities::audit_log::Column::Id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let mut forged: domain::entities::audit_log::ActiveModel = last.clone().into();
    let details = serde_json::json!({ "forged": true });
    let content = serde_json::json!([
        last.created_at.timestamp_micros(),
        last.actor_id,
        last.actor_name,
        last.action,
        last.resource_type,
        last.resource_id,
        last.ip,
        last.user_agent,
        last.endpoint,
        last.method,
        details,
        last.outcome,
        last.prev_hash,
    ]);
    forged.details = Set(details);
    forged.hash = Set(hex::encode(sha2::Sha256::digest(content.to_string().as_bytes())));
    forged.update(&app.state.db).await.unwrap();
    assert_eq!(rotated.verify().await.unwrap(), Some(last.id), "a plain hash no longer passes");
}

#[tokio::test]
async fn reading_a_transcript_and_changing_where_alerts_go_are_audited() {
    let app = spawn_app().await;
    let (agent, token) = app.token_for("agent", Role::Agent).await;
    let chat = app.start_chat("es").await;
    let id = chat["conversation_id"].as_str().unwrap();
    for _ in 0..3 {
        let res = app.get(&token, &format!("/conversations/{id}")).await;
        assert_eq!(res.status(), 200);
    }
    let audit = app.audit().await;
    let viewed: Vec<_> = audit.iter().filter(|r| r.action == "CONVERSATION_VIEWED").collect();
    assert_eq!(viewed.len(), 1, "one view per reader and window, however often a live page re-reads");
    assert_eq!((viewed[0].actor_id, viewed[0].resource_id.as_deref()), (Some(agent.id), Some(id)));

    let body = json!({ "value": "+52 55 1234 5678" });
    let res = app.send(reqwest::Method::POST, &token, "/settings/user/me/sms_phone", Some(body)).await;
    assert_eq!(res.status(), 200);
    let changed = app.audit().await.into_iter().find(|r| r.action == "settings.sms_phone_changed").expect("audited");
    assert_eq!(changed.actor_id, Some(agent.id));
    assert!(!changed.details.to_string().contains("1234"), "the number itself is not in the log");
    assert_eq!(app.state.audit.verify().await.unwrap(), None);
}

/// Privileged changes fail closed: when their audit record cannot be written, they do not happen
/// (the change and its record commit together). Exports and profile views are refused too.
#[tokio::test]
async fn privileged_changes_do_not_happen_when_their_audit_record_cannot_be_written() {
    use sea_orm::ConnectionTrait;
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let ticket = app
        .post_json(
            &admin,
            "/tickets",
            &serde_json::json!({ "subject": "Card", "description": "x", "customer_name": "Ana", "priority": "low" }),
        )
        .await;
    let ticket_id = ticket["ticket_id"].as_str().unwrap().to_owned();
    let chat = app.start_chat("es").await;
    let conversation = chat["conversation_id"].as_str().unwrap().to_owned();
    let count = |v: serde_json::Value| v.as_array().map_or(0, Vec::len);
    let before = (
        count(app.get_json(&admin, "/users").await),
        count(app.get_json(&admin, "/knowledge").await),
        count(app.get_json(&admin, "/settings/system").await),
    );

    // The audit table goes away: every record fails to be written.
    let db = &app.state.db;
    db.execute_unprepared("ALTER TABLE audit_log RENAME TO audit_log_away").await.unwrap();
    let article = serde_json::json!({ "title": "Fees", "content": "Transfers are free.", "category": "fees" });
    let user = serde_json::json!({
        "username": "eve", "email": "eve@bank.test", "full_name": "Eve", "password": "eve-password", "role": "admin"
    });
    let setting = serde_json::json!({ "key": "max_tickets_per_agent", "value": 10 });
    let priority = serde_json::json!({ "priority": "urgent" });
    use reqwest::Method;
    for (method, path, body) in [
        (Method::POST, "/knowledge".to_owned(), Some(article)),
        (Method::POST, "/users".to_owned(), Some(user)),
        (Method::POST, "/settings/system".to_owned(), Some(setting)),
        (Method::PATCH, format!("/tickets/{ticket_id}/priority"), Some(priority)),
        (Method::GET, "/export/tickets?format=csv&days=30".to_owned(), None),
        (Method::POST, format!("/conversations/{conversation}/close"), None),
    ] {
        let res = app.send(method, &admin, &path, body).await;
        assert_eq!(res.status(), 500, "{path} must not go ahead unaudited");
        let body: serde_json::Value = res.json().await.unwrap();
        assert!(body["detail"].is_string());
    }
    db.execute_unprepared("ALTER TABLE audit_log_away RENAME TO audit_log").await.unwrap();

    // Nothing changed, and the chain is whole.
    let after = (
        count(app.get_json(&admin, "/users").await),
        count(app.get_json(&admin, "/knowledge").await),
        count(app.get_json(&admin, "/settings/system").await),
    );
    assert_eq!(before, after);
    let ticket = app.get_json(&admin, &format!("/tickets/{ticket_id}")).await;
    assert_eq!(ticket["priority"], "LOW");
    let detail = app.get_json(&admin, &format!("/conversations/{conversation}")).await;
    assert!(detail["status"].is_string());
    assert_ne!(detail["status"].as_str().map(str::to_ascii_lowercase).as_deref(), Some("closed"), "{detail}");
    assert_eq!(app.state.audit.verify().await.unwrap(), None);
    let priority = serde_json::json!({ "priority": "urgent" });
    let res = app.send(Method::PATCH, &admin, &format!("/tickets/{ticket_id}/priority"), Some(priority)).await;
    assert_eq!(res.status(), 200);
    assert!(app.audit().await.iter().any(|r| r.action == "ticket.priority"));
}
