//! `/customers` (the CRM): staff read, every profile view is audited; AGENT and up write,
//! SUPERVISOR and up deactivate; e-mail and account number are unique; bad input changes nothing.

use domain::model::Role;
use serde_json::{Value, json};

use crate::harness::{TestApp, identity_token, spawn_app, url_encode};

fn ana() -> Value {
    json!({
        "full_name": "Ana Torres",
        "email": "Ana.Torres@Example.com",
        "phone": "+52 55 1234 5678",
        "account_number": "ACC-100200",
        "customer_type": "individual",
        "preferences": { "language": "es" },
        "tags": ["VIP", "premium", "vip"],
        "notes": "Prefiere llamadas por la tarde",
    })
}

async fn count(app: &TestApp, token: &str) -> String {
    let res = app.send(reqwest::Method::GET, token, "/customers", None).await;
    res.headers()["x-total-count"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn staff_create_find_edit_and_deactivate_customers() {
    use reqwest::Method;
    let app = spawn_app().await;
    let (agent_user, agent) = app.token_for("agent", Role::Agent).await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let (viewer_user, viewer) = app.token_for("viewer", Role::Viewer).await;

    // Create: the reference's short answer; e-mail lower case, tags without repeats.
    assert_eq!(app.send(Method::POST, &viewer, "/customers", Some(ana())).await.status(), 403);
    let res = app.send(Method::POST, &agent, "/customers", Some(ana())).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["email"], "ana.torres@example.com");
    assert_eq!((created["customer_type"].as_str(), created["status"].as_str()), (Some("INDIVIDUAL"), Some("ACTIVE")));
    let keys: Vec<&String> = created.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 6, "id, full_name, email, customer_type, status, created_at: {keys:?}");
    let id = created["id"].as_i64().unwrap();

    // Unique e-mail (any case) and account number: 409, nothing stored.
    let same_email = json!({ "full_name": "Otra", "email": "ANA.TORRES@example.com" });
    let res = app.send(Method::POST, &agent, "/customers", Some(same_email)).await;
    assert_eq!(res.status(), 409);
    assert!(res.json::<Value>().await.unwrap()["detail"].as_str().unwrap().contains("e-mail"));
    let same_account = json!({ "full_name": "Otra", "account_number": "ACC-100200" });
    assert_eq!(app.send(Method::POST, &agent, "/customers", Some(same_account)).await.status(), 409);
    // Bad input: 422 naming the field, nothing stored.
    for (bad, field) in [
        (json!({ "full_name": " " }), "full_name"),
        (json!({ "full_name": "B", "email": "no-at-sign" }), "email"),
        (json!({ "full_name": "B", "phone": "llámame" }), "phone"),
        (json!({ "full_name": "B", "account_number": "ACC 1" }), "account_number"),
        (json!({ "full_name": "B", "preferences": [1, 2] }), "preferences"),
        (json!({ "full_name": "B", "tags": [""] }), "tags"),
        (json!({ "full_name": "B", "assigned_agent_id": viewer_user.id }), "assigned_agent_id"),
        (json!({ "full_name": "B", "assigned_agent_id": 999_999 }), "assigned_agent_id"),
    ] {
        let res = app.send(Method::POST, &agent, "/customers", Some(bad.clone())).await;
        assert_eq!(res.status(), 422, "{bad}");
        assert_eq!(res.json::<Value>().await.unwrap()["field"], field, "{bad}");
    }
    let res = app.send(Method::POST, &agent, "/customers", Some(json!({ "full_name": "B", "status": "GONE" }))).await;
    assert_eq!(res.status(), 422, "unknown status");
    assert_eq!(count(&app, &viewer).await, "1");

    // A business customer assigned to the agent, for the filters.
    let acme = json!({ "full_name": "ACME 100% Seguros S.A.", "customer_type": "BUSINESS", "account_number": "EMP-9",
        "tags": ["empresa"], "assigned_agent_id": agent_user.id });
    assert_eq!(app.send(Method::POST, &lead, "/customers", Some(acme)).await.status(), 201);
    let list: Vec<Value> =
        app.send(Method::GET, &viewer, "/customers?customer_type=BUSINESS", None).await.json().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["assigned_agent_id"], agent_user.id);
    let list: Vec<Value> = app
        .send(Method::GET, &viewer, &format!("/customers?assigned_agent_id={}", agent_user.id), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list[0]["full_name"], "ACME 100% Seguros S.A.");
    let res = app.send(Method::GET, &viewer, "/customers?limit=2&skip=1", None).await;
    assert_eq!(res.headers()["x-total-count"], "2");
    assert_eq!(res.json::<Vec<Value>>().await.unwrap().len(), 1);
    assert_eq!(app.send(Method::GET, &viewer, "/customers?limit=501", None).await.status(), 422);
    assert_eq!(app.send(Method::GET, &viewer, "/customers?status=nope", None).await.status(), 422);
    let full: Vec<Value> = app
        .send(Method::GET, &viewer, "/customers?status=ACTIVE&customer_type=INDIVIDUAL", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(full[0]["tags"], json!(["vip", "premium"]));
    assert_eq!(full[0]["preferences"], json!({ "language": "es" }));
    assert_eq!(full[0]["created_by_id"], agent_user.id);

    // Search: name, e-mail, phone, account number and tags, any case; `%` is literal.
    for (q, expect) in [
        ("torres", "Ana Torres"),
        ("EXAMPLE.COM", "Ana Torres"),
        ("1234", "Ana Torres"),
        ("acc-100", "Ana Torres"),
        ("premium", "Ana Torres"),
        ("100%", "ACME 100% Seguros S.A."),
        ("empresa", "ACME 100% Seguros S.A."),
    ] {
        let found: Vec<Value> = app
            .send(Method::GET, &viewer, &format!("/customers/search?q={}", url_encode(q)), None)
            .await
            .json()
            .await
            .unwrap();
        let names: Vec<&str> = found.iter().filter_map(|c| c["full_name"].as_str()).collect();
        assert_eq!(names, vec![expect], "search {q}");
    }
    let none: Vec<Value> = app.send(Method::GET, &viewer, "/customers/search?q=zzz", None).await.json().await.unwrap();
    assert!(none.is_empty());
    assert_eq!(app.send(Method::GET, &viewer, "/customers/search?q=%20", None).await.status(), 422);
    let typed: Vec<Value> = app
        .send(Method::GET, &viewer, "/customers/search?q=a&customer_type=BUSINESS", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(typed.len(), 1);

    // Update: only the named fields; "" clears; a clash is 409 and changes nothing.
    let path = format!("/customers/{id}");
    let res = app.send(Method::PUT, &agent, &path, Some(json!({ "full_name": "Ana Torres Ruiz", "phone": "" }))).await;
    assert_eq!(res.status(), 200);
    let updated: Value = res.json().await.unwrap();
    assert_eq!(updated["full_name"], "Ana Torres Ruiz");
    assert_eq!(updated.as_object().unwrap().len(), 3, "id, full_name, updated_at");
    let res = app.send(Method::PUT, &agent, &path, Some(json!({ "account_number": "EMP-9" }))).await;
    assert_eq!(res.status(), 409);
    assert_eq!(app.send(Method::PUT, &agent, &path, Some(json!({ "email": "x@" }))).await.status(), 422);
    assert_eq!(app.send(Method::PUT, &viewer, &path, Some(json!({ "notes": "x" }))).await.status(), 403);
    assert_eq!(app.send(Method::PUT, &agent, "/customers/999999", Some(json!({}))).await.status(), 404);
    let profile: Value = app.send(Method::GET, &viewer, &path, None).await.json().await.unwrap();
    assert_eq!((profile["phone"].clone(), profile["account_number"].clone()), (Value::Null, json!("ACC-100200")));
    assert_eq!(profile["updated_by_id"], agent_user.id);

    // Stats, then the soft delete (SUPERVISOR and up).
    let stats = app.get_json(&viewer, "/customers/stats").await;
    assert_eq!(
        (stats["total"].as_u64(), stats["active"].as_u64(), stats["business"].as_u64()),
        (Some(2), Some(2), Some(1))
    );
    assert_eq!((stats["unassigned"].as_u64(), stats["new_last_30_days"].as_u64()), (Some(1), Some(2)));
    assert_eq!(app.send(Method::DELETE, &agent, &path, None).await.status(), 403);
    let res = app.send(Method::DELETE, &lead, &path, None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({ "message": "Customer deactivated successfully", "customer_id": id })
    );
    assert_eq!(app.send(Method::DELETE, &lead, "/customers/999999", None).await.status(), 404);
    let inactive: Vec<Value> =
        app.send(Method::GET, &viewer, "/customers?status=INACTIVE", None).await.json().await.unwrap();
    assert_eq!(inactive[0]["id"], id, "still there, inactive");
    assert_eq!(app.get_json(&viewer, "/customers/stats").await["inactive"], 1);

    let actions: Vec<String> = app.audit().await.into_iter().map(|r| r.action).collect();
    for action in ["CUSTOMER_CREATE", "CUSTOMER_UPDATE", "CUSTOMER_VIEWED", "CUSTOMER_DELETE"] {
        assert!(actions.iter().any(|a| a == action), "{action} audited");
    }
}

#[tokio::test]
async fn a_profile_shows_the_customers_conversations_and_tickets() {
    use reqwest::Method;
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let (_, viewer) = app.token_for("viewer", Role::Viewer).await;
    let customer = json!({ "full_name": "Luis Pérez", "email": "luis@example.com", "account_number": "ACC-77" });
    let id = app.send(Method::POST, &admin, "/customers", Some(customer)).await.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let inbox: Value = app
        .post_json(&admin, "/inboxes", &json!({ "name": "Web", "allowed_origins": ["https://banco.example"] }))
        .await;
    // The bank's page proves who the customer is: the token names the account number.
    let secret = inbox["identity_secret"].as_str().unwrap();
    let token = identity_token(secret, inbox["key"].as_str().unwrap(), "ACC-77", 300);
    let chat: Value = app
        .client
        .post(app.api("/chat/start"))
        .json(&json!({ "inbox": inbox["key"], "identity_token": token }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let conversation = chat["conversation_id"].as_str().unwrap().to_owned();
    // They leave a message outside hours from their e-mail: a ticket.
    let res = app
        .client
        .post(app.api("/chat/offline"))
        .json(&json!({
            "inbox": inbox["key"], "name": "Luis", "email": "luis@example.com",
            "message": "Necesito mi estado de cuenta",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    // Someone else's chat is not theirs.
    app.client.post(app.api("/chat/start")).json(&json!({ "inbox": inbox["key"] })).send().await.unwrap();

    let profile = app.get_json(&viewer, &format!("/customers/{id}")).await;
    assert_eq!(profile["full_name"], "Luis Pérez");
    let conversations: Vec<&str> =
        profile["conversations"].as_array().unwrap().iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(conversations, vec![conversation.as_str()]);
    let tickets = profile["tickets"].as_array().unwrap();
    assert_eq!(tickets.len(), 1);
    assert_eq!(tickets[0]["category"], "offline");
    assert_eq!(app.send(Method::GET, &viewer, "/customers/999999", None).await.status(), 404);
    assert_eq!(app.send(Method::GET, &viewer, "/customers/abc", None).await.status(), 422);

    let viewed = app.audit().await.into_iter().filter(|r| r.action == "CUSTOMER_VIEWED").count();
    assert_eq!(viewed, 1, "each profile view is audited, the failed ones not as views");
}
