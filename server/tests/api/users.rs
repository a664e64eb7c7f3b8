//! `/users`: ADMIN only; create (201, role any case), list, get, patch; errors; audit.

use domain::model::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::spawn_app;

#[tokio::test]
async fn admin_manages_users() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("root", Role::Admin).await;
    let res = app
        .client
        .post(app.api("/users"))
        .bearer_auth(&admin)
        .header("user-agent", "admin-ui/2")
        .json(&json!({
            "username": "hal", "email": "Hal@Bank.test", "full_name": "Hal Agent", "password": "hal-password",
            "role": "agent",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let hal: Value = res.json().await.unwrap();
    assert_eq!(hal["role"], "AGENT");
    assert_eq!(hal["email"], "hal@bank.test");
    assert_eq!(hal["is_active"], true);
    assert!(hal.get("password_hash").is_none());
    let id = hal["id"].as_i64().unwrap();

    assert_eq!(app.login("hal", "hal-password").await.status(), 200);

    let list: Value = app.get(&admin, "/users").await.json().await.unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);

    let res = app.get(&admin, &format!("/users/{id}")).await;
    assert_eq!(res.json::<Value>().await.unwrap()["username"], "hal");

    let res = app
        .send(
            Method::PATCH,
            &admin,
            &format!("/users/{id}"),
            Some(json!({ "role": "Supervisor", "full_name": "Hal Lead" })),
        )
        .await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!((body["role"].as_str(), body["full_name"].as_str()), (Some("SUPERVISOR"), Some("Hal Lead")));

    // A new password works, the old one no longer does.
    let res =
        app.send(Method::PATCH, &admin, &format!("/users/{id}"), Some(json!({ "password": "a-new-password" }))).await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.login("hal", "hal-password").await.status(), 401);
    assert_eq!(app.login("hal", "a-new-password").await.status(), 200);

    let audit = app.audit().await;
    let create = audit.iter().find(|r| r.action == "user.create").unwrap();
    assert_eq!(create.outcome, "success");
    assert_eq!(create.resource_id.as_deref(), Some(id.to_string().as_str()));
    assert_eq!(create.user_agent.as_deref(), Some("admin-ui/2"));
    assert_eq!(create.endpoint.as_deref(), Some("/api/v1/users"));
    assert_eq!(audit.iter().filter(|r| r.action == "user.update").count(), 2);
    let update = audit.iter().find(|r| r.action == "user.update").unwrap();
    assert_eq!(update.method.as_deref(), Some("PATCH"));
    assert!(!update.details.to_string().contains("a-new-password"));
    assert_eq!(app.state.audit.verify().await.unwrap(), None);
}

#[tokio::test]
async fn only_admins_may_touch_users() {
    let app = spawn_app().await;
    let (admin_user, _) = app.token_for("root", Role::Admin).await;
    for role in [Role::Supervisor, Role::Agent, Role::Viewer] {
        let name = format!("u{}", role.as_str().to_lowercase());
        let (_, token) = app.token_for(&name, role).await;
        let res = app.get(&token, "/users").await;
        assert_eq!(res.status(), 403, "{role} lists users");
        let res = app
            .client
            .post(app.api("/users"))
            .bearer_auth(&token)
            .json(&json!({
                "username": "x", "email": "x@bank.test", "full_name": "X", "password": "x-password", "role": "ADMIN",
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{role} creates a user");
        let res = app
            .send(Method::PATCH, &token, &format!("/users/{}", admin_user.id), Some(json!({ "is_active": false })))
            .await;
        assert_eq!(res.status(), 403, "{role} deactivates the admin");
    }
    let res = app.client.get(app.api("/users")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    // Nothing changed.
    assert_eq!(app.login("root", "root-password").await.status(), 200);
    let audit = app.audit().await;
    assert!(audit.iter().filter(|r| r.action == "user.create").all(|r| r.outcome == "failure"));
}

#[tokio::test]
async fn bad_user_input_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let (root, admin) = app.token_for("root", Role::Admin).await;
    app.user("taken", Role::Agent).await;
    let cases = [
        (
            json!({
                "username": "taken", "email": "new@bank.test", "full_name": "A", "password": "long-enough",
                "role": "agent",
            }),
            409,
            None,
        ),
        (
            json!({
                "username": "new", "email": "taken@bank.test", "full_name": "A", "password": "long-enough",
                "role": "agent",
            }),
            409,
            None,
        ),
        (
            json!({
                "username": "new", "email": "not-an-email", "full_name": "A", "password": "long-enough",
                "role": "agent",
            }),
            422,
            Some("email"),
        ),
        (
            json!({
                "username": "new", "email": "new@bank.test", "full_name": "A", "password": "short", "role": "agent",
            }),
            422,
            Some("password"),
        ),
        (
            json!({
                "username": "", "email": "new@bank.test", "full_name": "A", "password": "long-enough", "role": "agent",
            }),
            422,
            Some("username"),
        ),
        (
            json!({
                "username": "new", "email": "new@bank.test", "full_name": "A", "password": "long-enough",
                "role": "wizard",
            }),
            422,
            Some("role"),
        ),
        (json!({ "username": "new", "email": "new@bank.test" }), 422, Some("password")),
    ];
    for (body, status, field) in cases {
        let res = app.client.post(app.api("/users")).bearer_auth(&admin).json(&body).send().await.unwrap();
        assert_eq!(res.status(), status, "{body}");
        let err: Value = res.json().await.unwrap();
        assert!(err["detail"].is_string(), "{err}");
        if let Some(field) = field {
            assert_eq!(err["field"], field);
        }
    }
    let list: Value = app.get(&admin, "/users").await.json().await.unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);

    let res = app.get(&admin, "/users/9999").await;
    assert_eq!(res.status(), 404);
    assert_eq!(res.json::<Value>().await.unwrap()["detail"], "User not found");
    let res = app.get(&admin, "/users/abc").await;
    assert_eq!(res.status(), 422);
    // An admin cannot lock themselves out.
    let res =
        app.send(Method::PATCH, &admin, &format!("/users/{}", root.id), Some(json!({ "is_active": false }))).await;
    assert_eq!(res.status(), 409);
}
