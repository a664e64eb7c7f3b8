//! `GET /system/status` and the `/system` page: the system's state, for ADMIN only.

use domain::model::Role;
use serde_json::Value;

use crate::admin_panel::{cookie_header, cookies, sign_in};
use crate::harness::spawn_app;

#[tokio::test]
async fn the_admin_sees_the_systems_state_and_nobody_else_does() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("root", Role::Admin).await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let status: Value = app.get_json(&admin, "/system/status").await;
    let backend =
        if app.state.db.get_database_backend() == sea_orm::DbBackend::Postgres { "postgres" } else { "sqlite" };
    assert_eq!(status["database"]["backend"], backend);
    assert_eq!(status["database"]["ok"], true);
    assert!(status["database"]["latency_ms"].as_f64().unwrap() >= 0.0);
    assert_eq!(status["version"], env!("CARGO_PKG_VERSION"));
    assert!(status["llm"].is_null(), "no provider configured");
    assert_eq!(status["smtp"]["configured"], false);
    assert_eq!((status["outbox"]["pending"].as_u64(), status["outbox"]["failed"].as_u64()), (Some(0), Some(0)));
    assert_eq!(status["sockets"]["customers"], 0);
    assert_eq!(status["shared_events"], backend == "postgres");

    let res = app.get(&lead, "/system/status").await;
    assert_eq!(res.status(), 403);
    assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    assert_eq!(app.client.get(app.api("/system/status")).send().await.unwrap().status(), 401);

    // The page, rendered on the server.
    let root = cookie_header(&cookies(&sign_in(&app, "root", "root-password").await));
    let res = app.client.get(app.url("/system")).header("cookie", &root).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("data-testid=\"system-status\"") && html.contains("href=\"/system\""), "{html}");
    assert!(html.contains(&format!("{backend}: responde en")), "in the default language, Spanish: {html}");
    let lead = cookie_header(&cookies(&sign_in(&app, "lead", "lead-password").await));
    let res = app.client.get(app.url("/system")).header("cookie", &lead).send().await.unwrap();
    assert_eq!(res.status(), 403);
}
