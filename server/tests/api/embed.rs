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
    let res = app.client.get(app.url("/widget.js")).header("accept-encoding", "br").send().await.unwrap();
    assert_eq!(res.headers()["content-encoding"], "br");

    let page = app.client.get(app.url("/demo")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("<html lang=\"es\">"));
    assert!(page.contains(r#"<script src="/widget.js" data-inbox="ibx_demo""#));
    let english = app.client.get(app.url("/demo?lang=en&inbox=ibx_other")).send().await.unwrap().text().await.unwrap();
    assert!(english.contains("<html lang=\"en\">") && english.contains(r#"data-inbox="ibx_other""#));
    let hostile = app.client.get(app.url("/demo")).query(&[("inbox", "\"><script>x</script>")]).send().await.unwrap();
    assert!(!hostile.text().await.unwrap().contains("<script>x"), "only plain keys reach the page");
}

#[tokio::test]
async fn release_files_are_hashed_compressed_and_cached_for_a_year() {
    let root = std::env::temp_dir().join(format!("joxai-widget-{}", uuid::Uuid::new_v4()));
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let js = "widget-0123456789abcdef.js";
    std::fs::write(pkg.join(js), "export default function init() {}").unwrap();
    let mut gz = flate2_free_gzip(b"export default function init() {}");
    std::fs::write(pkg.join(format!("{js}.gz")), &mut gz).unwrap();
    std::fs::write(
        pkg.join("manifest.json"),
        concat!(
            r#"{"js": "widget-0123456789abcdef.js", "wasm": "widget_bg-0123456789abcdef.wasm", "#,
            r#""css": "widget-0123456789abcdef.css"}"#,
        ),
    )
    .unwrap();
    let app = crate::harness::spawn_app_with(&[("JOXAI_WIDGET_ROOT", root.to_str().unwrap())]).await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let inbox =
        app.post_json(&admin, "/inboxes", &json!({ "name": "B", "allowed_origins": ["https://b.example"] })).await;
    let page = app
        .client
        .get(app.url("/widget"))
        .query(&[("inbox", inbox["key"].as_str().unwrap())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("/widget/pkg/widget-0123456789abcdef.js"));
    assert!(page.contains("module_or_path: '/widget/pkg/widget_bg-0123456789abcdef.wasm'"));
    assert!(page.contains("/widget/pkg/widget-0123456789abcdef.css"));

    let res =
        app.client.get(app.url(&format!("/widget/pkg/{js}"))).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-encoding"], "gzip");
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    let res = app.client.get(app.url("/widget/pkg/manifest.json")).send().await.unwrap();
    assert_eq!(res.headers()["cache-control"], "no-cache");
}

/// A gzip member holding `data` uncompressed (stored blocks), so the test needs no compressor.
fn flate2_free_gzip(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    out.push(1); // final stored block
    let len = data.len() as u16;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&(!len).to_le_bytes());
    out.extend_from_slice(data);
    out.extend_from_slice(&crc32(data).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
