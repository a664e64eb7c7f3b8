//! The error contract: JSON bodies, unknown `/api` routes, oversized and malformed bodies.

use serde_json::Value;

use crate::harness::{spawn_app, spawn_app_with};

#[tokio::test]
async fn unknown_api_routes_are_json_404() {
    let app = spawn_app().await;
    for path in ["/api/v1/nope", "/api/nope", "/api/v2/auth/login"] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
        assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
        assert_eq!(res.json::<Value>().await.unwrap()["detail"], "Not Found");
    }
}

#[tokio::test]
async fn malformed_and_oversized_bodies() {
    let app = spawn_app_with(&[("JOXAI_MAX_BODY_BYTES", "1024")]).await;
    let post = |body: String, ct: &'static str| {
        app.client.post(app.api("/auth/login")).header("content-type", ct).body(body).send()
    };
    let res = post("{not json".into(), "application/json").await.unwrap();
    assert_eq!(res.status(), 400);
    assert!(res.json::<Value>().await.unwrap()["detail"].is_string());

    let res = post(r#"{"username": 5}"#.into(), "application/json").await.unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.json::<Value>().await.unwrap()["detail"].is_string());

    let res = post("username=a".into(), "text/plain").await.unwrap();
    assert_eq!(res.status(), 415);
    assert!(res.json::<Value>().await.unwrap()["detail"].is_string());

    let big = format!(r#"{{"username": "{}", "password": "x"}}"#, "a".repeat(4096));
    let res = post(big, "application/json").await.unwrap();
    assert_eq!(res.status(), 413);
    assert_eq!(res.json::<Value>().await.unwrap()["detail"], "Request body too large");
}

#[tokio::test]
async fn text_with_a_nul_character_is_refused_before_anything_is_stored() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.api("/chat/start"))
        .header("content-type", "application/json")
        .body(r#"{"user_id": "ana\u0000"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.json::<serde_json::Value>().await.unwrap()["detail"].as_str().unwrap().contains("NUL"));
    let res = app.client.get(app.api("/knowledge/search?q=tarjeta%00")).send().await.unwrap();
    assert_eq!(res.status(), 422);
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(domain::entities::conversations::Entity::find().count(&app.state.db).await.unwrap(), 0);
    // A number PostgreSQL would keep but could not give back as a float is refused too.
    let (_, token) = app.token_for("v", domain::model::Role::Viewer).await;
    let body = serde_json::json!({ "value": 1.7976931348623157e308 });
    let res = app.client.post(app.api("/settings/user/me/limit")).bearer_auth(&token).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 422);
}
