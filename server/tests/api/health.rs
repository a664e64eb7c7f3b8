//! `/healthz` and `/readyz`.

use serde_json::Value;

use crate::harness::spawn_app;

#[tokio::test]
async fn health_and_readiness() {
    let app = spawn_app().await;
    let res = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let res = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["database"], "ok");

    // Close the pool underneath the running server: readiness must say so, health stays up.
    app.state.db.clone().close().await.unwrap();
    let res = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(res.status(), 503);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], "unavailable");
    assert!(body["detail"].is_string());
    assert_eq!(app.client.get(app.url("/healthz")).send().await.unwrap().status(), 200);
}
