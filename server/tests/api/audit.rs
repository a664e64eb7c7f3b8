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
        let res = app
            .client
            .post(app.api("/customers"))
            .bearer_auth(&admin)
            .json(&json!({ "full_name": name }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    }

    for token in [&lead, &agent] {
        assert_eq!(app.client.get(app.api("/audit")).bearer_auth(token).send().await.unwrap().status(), 403);
        assert_eq!(app.client.post(app.api("/audit/verify")).bearer_auth(token).send().await.unwrap().status(), 403);
    }
    let res = app.client.get(app.api("/audit?action=CUSTOMER_CREATE")).bearer_auth(&viewer).send().await.unwrap();
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
        assert_eq!(app.client.get(app.api(bad)).bearer_auth(&viewer).send().await.unwrap().status(), 422, "{bad}");
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
