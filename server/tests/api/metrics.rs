//! `/metrics`: Prometheus text a scraper reads, named by the conventions, counted by route
//! template (ids never become labels), and readable only by whom it is meant for.

use std::collections::HashMap;

use domain::model::Role;

use crate::harness::{spawn_app, spawn_app_with};

/// Every family has HELP and TYPE; names are snake_case with the `joxai_` prefix; counters end in
/// `_total`, durations in `_seconds`; histogram samples are `_bucket`, `_sum` and `_count`.
fn check_conventions(text: &str) -> HashMap<String, String> {
    let mut kinds = HashMap::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').unwrap();
            assert!(text.contains(&format!("# HELP {name} ")), "no HELP for {name}");
            assert!(name.starts_with("joxai_"), "{name}");
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'), "{name}");
            assert_eq!(kind == "counter", name.ends_with("_total"), "{name} is a {kind}");
            if name.contains("duration") {
                assert!(name.ends_with("_seconds") && kind == "histogram", "{name}");
            }
            kinds.insert(name.to_owned(), kind.to_owned());
        } else if !line.starts_with('#') && !line.is_empty() {
            let name = line.split(['{', ' ']).next().unwrap();
            let family = ["_bucket", "_sum", "_count"]
                .iter()
                .find_map(|s| name.strip_suffix(s).filter(|f| kinds.get(*f).is_some_and(|k| k == "histogram")))
                .unwrap_or(name);
            assert!(kinds.contains_key(family), "sample before its TYPE: {line}");
            let value = line.rsplit(' ').next().unwrap();
            assert!(value.parse::<f64>().is_ok(), "{line}");
        }
    }
    kinds
}

#[tokio::test]
async fn metrics_count_requests_by_route_and_follow_the_conventions() {
    let app = spawn_app().await;
    let (_, token) = app.token_for("lead", Role::Supervisor).await;
    let chat = app.start_chat("es").await;
    let id = chat["conversation_id"].as_str().unwrap();
    assert_eq!(app.customer_says(id, chat["visitor_token"].as_str().unwrap(), "Hola").await.status(), 200);
    for ticket in ["TKT-NOPE-1", "TKT-NOPE-2"] {
        let res = app.get(&token, &format!("/tickets/{ticket}")).await;
        assert_eq!(res.status(), 404);
    }
    let res = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
    let text = res.text().await.unwrap();
    let kinds = check_conventions(&text);
    for name in [
        "joxai_http_requests_total",
        "joxai_http_request_duration_seconds",
        "joxai_websocket_connections",
        "joxai_assistant_answers_total",
        "joxai_outbox_notifications",
        "joxai_db_pool_connections",
        "joxai_uptime_seconds",
    ] {
        assert!(kinds.contains_key(name), "{name} missing:\n{text}");
    }
    let tickets = "joxai_http_requests_total{route=\"/api/v1/tickets/{ticket_id}\",method=\"GET\",status=\"404\"} 2";
    assert!(text.contains(tickets), "{text}");
    assert!(!text.contains("TKT-NOPE"), "an id became a label");
    assert!(text.contains("route=\"/api/v1/chat/message\",method=\"POST\",status=\"200\"} 1"), "{text}");
    assert!(text.contains("joxai_assistant_answers_total{outcome=\"answered\"} 1"), "{text}");

    // Through a proxy, or with a token nobody configured: refused.
    let res = app.client.get(app.url("/metrics")).header("x-forwarded-for", "203.0.113.9").send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert!(res.json::<serde_json::Value>().await.unwrap()["detail"].is_string());
}

#[tokio::test]
async fn with_a_metrics_token_only_its_holder_reads_them() {
    let app = spawn_app_with(&[("JOXAI_METRICS_TOKEN", "scrape-me-scrape-me-0123")]).await;
    let res = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(res.status(), 403);
    let res = app.client.get(app.url("/metrics")).bearer_auth("scrape-me-scrape-me-0124").send().await.unwrap();
    assert_eq!(res.status(), 403);
    let res = app.client.get(app.url("/metrics")).bearer_auth("scrape-me-scrape-me-0123").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("joxai_uptime_seconds"));
}
