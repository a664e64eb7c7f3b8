//! `/api/v1/openapi.json` describes every route the server answers, and `/api/v1/docs` renders it
//! as a page that needs nothing from the network.

use serde_json::Value;

use crate::harness::spawn_app;

#[tokio::test]
async fn the_document_is_openapi_3_1_and_every_operation_it_lists_is_served() {
    let app = spawn_app().await;
    let res = app.client.get(app.api("/openapi.json")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    // The realtime protocol's frames are documented with the rest.
    for frame in ["CustomerFrame", "StaffFrame", "ClientFrame", "StaffNews", "Stored"] {
        assert!(doc["components"]["schemas"][frame].is_object(), "{frame} is documented");
    }

    let paths = doc["paths"].as_object().unwrap();
    // The API reference's routes and ours, spot-checked by name.
    for (path, method) in [
        ("/auth/login", "post"),
        ("/chat/start", "post"),
        ("/chat/message", "post"),
        ("/chat/escalate", "post"),
        ("/chat/{id}/messages", "get"),
        ("/tickets", "get"),
        ("/tickets", "post"),
        ("/tickets/{ticket_id}/assign", "post"),
        ("/tickets/{ticket_id}/status", "patch"),
        ("/conversations/{id}/takeover", "post"),
        ("/knowledge/search", "get"),
        ("/ws", "get"),
    ] {
        assert!(paths.get(path).and_then(|p| p.get(method)).is_some(), "{method} {path} is documented");
    }
    let mut operation_ids = std::collections::HashSet::new();
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            assert!(operation_ids.insert(op["operationId"].as_str().unwrap().to_owned()), "{method} {path}: unique id");
            assert!(op["tags"][0].is_string(), "{method} {path} has a tag");
            assert!(op["responses"].as_object().is_some_and(|r| !r.is_empty()), "{method} {path} has responses");
            // Served: the router knows the path and the method (no JSON 404 for an unknown route,
            // no 405). Ids that do not exist may still give 404 with another message.
            let concrete = path.replace("{ticket_id}", "TKT-00000000").replace("{id}", "0");
            let req = app.client.request(method.to_uppercase().parse().unwrap(), app.api(&concrete));
            let res = req.send().await.unwrap();
            assert_ne!(res.status(), 405, "{method} {path} is routed");
            let body = res.text().await.unwrap_or_default();
            assert_ne!(body, r#"{"detail":"Not Found"}"#, "{method} {path} is routed");
        }
    }
    assert!(operation_ids.len() >= 45, "{} operations documented", operation_ids.len());

    // Schemas the operations name are in the document.
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in ["TicketOut", "SendMessageResponse", "ErrorBody", "TicketStatus", "Priority", "ConversationDetail"] {
        assert!(schemas.contains_key(name), "schema {name}");
    }
    assert_eq!(schemas["TicketStatus"]["enum"], serde_json::json!(["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"]));
}

#[tokio::test]
async fn the_docs_page_is_readable_html_without_scripts() {
    let app = spawn_app().await;
    let res = app.client.get(app.api("/docs")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let page = res.text().await.unwrap();
    assert!(page.contains("/api/v1/tickets/{ticket_id}/assign"));
    assert!(page.contains("id=\"schema-TicketOut\""));
    assert!(!page.contains("<script"), "works offline: no scripts");
    assert!(!page.contains("src=") && !page.contains("<link"), "nothing loaded from elsewhere");
}
