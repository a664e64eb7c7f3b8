//! What a bank's page loads: the loader, the frame (only for allowed origins), the demo page.

use domain::model::Role;
use serde_json::json;

use crate::harness::spawn_app;

#[tokio::test]
async fn the_frame_may_only_be_embedded_by_the_inbox_origins() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let body = json!({ "name": "Banco", "allowed_origins": ["https://www.banco.example", "https://m.banco.example"] });
    let inbox = app.post_json(&admin, "/inboxes", &body).await;
    let key = inbox["key"].as_str().unwrap();

    let res = app.client.get(app.url("/widget")).query(&[("inbox", key)]).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-security-policy"],
        "frame-ancestors https://www.banco.example https://m.banco.example"
    );
    let page = res.text().await.unwrap();
    assert!(page.contains("/widget/pkg/widget.js"));

    for unknown in ["ibx_nope", "", "<script>"] {
        let res = app.client.get(app.url("/widget")).query(&[("inbox", unknown)]).send().await.unwrap();
        assert_eq!(res.status(), 404, "{unknown}");
    }
    let id = inbox["id"].as_i64().unwrap();
    app.client.delete(app.api(&format!("/inboxes/{id}"))).bearer_auth(&admin).send().await.unwrap();
    let res = app.client.get(app.url("/widget")).query(&[("inbox", key)]).send().await.unwrap();
    assert_eq!(res.status(), 404, "a deactivated inbox's frame does not load");
}

#[tokio::test]
async fn the_loader_and_the_demo_page_are_served() {
    let app = spawn_app().await;
    let res = app.client.get(app.url("/widget.js")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/javascript"));
    assert!(res.headers()["cache-control"].to_str().unwrap().contains("max-age=300"));
    assert!(res.text().await.unwrap().contains("JoxAI"));

    let page = app.client.get(app.url("/demo")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("<html lang=\"es\">"));
    assert!(page.contains(r#"<script src="/widget.js" data-inbox="ibx_demo""#));
    let english = app.client.get(app.url("/demo?lang=en&inbox=ibx_other")).send().await.unwrap().text().await.unwrap();
    assert!(english.contains("<html lang=\"en\">") && english.contains(r#"data-inbox="ibx_other""#));
    let hostile = app.client.get(app.url("/demo")).query(&[("inbox", "\"><script>x</script>")]).send().await.unwrap();
    assert!(!hostile.text().await.unwrap().contains("<script>x"), "only plain keys reach the page");
}
