//! `/auth/*`: login, me, refresh rotation and reuse detection, logout, JWT rules, deactivation.

use domain::model::Role;
use jsonwebtoken::{EncodingKey, Header, encode};
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::spawn_app;

#[tokio::test]
async fn login_by_username_or_email_returns_the_reference_shape() {
    let app = spawn_app().await;
    let user = app.user("ana", Role::Agent).await;
    for name in ["ana", "ana@bank.test", "ANA@BANK.TEST"] {
        let res = app.login(name, "ana-password").await;
        assert_eq!(res.status(), 200, "login as {name}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["token_type"], "bearer");
        assert!(body["access_token"].as_str().unwrap().len() > 20);
        assert!(body["refresh_token"].is_string());
        assert_eq!(body["user"]["id"], user.id);
        assert_eq!(body["user"]["username"], "ana");
        assert_eq!(body["user"]["email"], "ana@bank.test");
        assert_eq!(body["user"]["full_name"], "ana Person");
        assert_eq!(body["user"]["role"], "AGENT");
    }
    let audit = app.audit().await;
    assert!(audit.iter().any(|r| r.action == "auth.login" && r.outcome == "success"));
}

#[tokio::test]
async fn wrong_credentials_are_401_and_audited() {
    let app = spawn_app().await;
    app.user("ben", Role::Agent).await;
    for (name, password) in [("ben", "nope-nope"), ("nobody", "whatever1"), ("", ""), ("ben", "")] {
        let res = app
            .client
            .post(app.api("/auth/login"))
            .header("user-agent", "test-agent/1")
            .json(&json!({ "username": name, "password": password }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body, json!({ "detail": "Incorrect username or password" }));
    }
    let failures: Vec<_> = app.audit().await.into_iter().filter(|r| r.action == "auth.login").collect();
    assert_eq!(failures.len(), 4);
    assert!(failures.iter().all(|r| r.outcome == "failure"));
    assert_eq!(failures[0].ip.as_deref(), Some("127.0.0.1"));
    assert_eq!(failures[0].user_agent.as_deref(), Some("test-agent/1"));
    assert_eq!(failures[0].endpoint.as_deref(), Some("/api/v1/auth/login"));
    assert_eq!(failures[0].method.as_deref(), Some("POST"));
    assert_eq!(app.state.audit.verify().await.unwrap(), None, "audit chain intact");
}

#[tokio::test]
async fn me_needs_a_valid_token() {
    let app = spawn_app().await;
    let (user, token) = app.token_for("cara", Role::Supervisor).await;
    let res = app.get(&token, "/auth/me").await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["id"], user.id);
    assert_eq!(body["role"], "SUPERVISOR");

    let res = app.client.get(app.api("/auth/me")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
}

fn claims(sub: i32, exp_offset: i64, iss: &str, aud: &str) -> Value {
    let now = chrono::Utc::now().timestamp();
    json!({
        "sub": sub.to_string(), "role": "ADMIN", "ver": 0, "iat": now, "exp": now + exp_offset, "iss": iss, "aud": aud,
    })
}

#[tokio::test]
async fn forged_expired_and_foreign_tokens_are_401() {
    use base64::Engine;
    let app = spawn_app().await;
    let (user, _) = app.token_for("dan", Role::Admin).await;
    let secret = EncodingKey::from_secret(b"test-secret-test-secret-test-secret-0123");
    let b64 = |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    let good = claims(user.id, 600, "joxai", "joxai-staff");
    let tokens = [
        // alg: none
        format!("{}.{}.", b64(&json!({"alg": "none", "typ": "JWT"})), b64(&good)),
        // another HMAC algorithm with the right secret
        encode(&Header::new(jsonwebtoken::Algorithm::HS512), &good, &secret).unwrap(),
        // wrong secret
        encode(&Header::default(), &good, &EncodingKey::from_secret(b"another-secret-another-secret-xx")).unwrap(),
        // expired
        encode(&Header::default(), &claims(user.id, -3600, "joxai", "joxai-staff"), &secret).unwrap(),
        // wrong issuer, wrong audience
        encode(&Header::default(), &claims(user.id, 600, "someone", "joxai-staff"), &secret).unwrap(),
        encode(&Header::default(), &claims(user.id, 600, "joxai", "elsewhere"), &secret).unwrap(),
        "not-a-jwt".to_owned(),
    ];
    for token in tokens {
        let res = app.get(&token, "/auth/me").await;
        assert_eq!(res.status(), 401, "token {token}");
    }
    // The same claims signed properly do work: the rejections above are about the token.
    let ok = encode(&Header::default(), &good, &secret).unwrap();
    let res = app.get(&ok, "/auth/me").await;
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = spawn_app().await;
    app.user("eva", Role::Agent).await;
    let first: Value = app.login("eva", "eva-password").await.json().await.unwrap();
    let r1 = first["refresh_token"].as_str().unwrap();

    let res = app.client.post(app.api("/auth/refresh")).json(&json!({ "refresh_token": r1 })).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let second: Value = res.json().await.unwrap();
    let r2 = second["refresh_token"].as_str().unwrap();
    assert_ne!(r1, r2);
    let me = app.client.get(app.api("/auth/me")).bearer_auth(second["access_token"].as_str().unwrap());
    assert_eq!(me.send().await.unwrap().status(), 200);

    // Two tabs refreshing with the same cookie at the same moment is not reuse: both get a pair.
    let res = app.client.post(app.api("/auth/refresh")).json(&json!({ "refresh_token": r1 })).send().await.unwrap();
    assert_eq!(res.status(), 200, "a concurrent refresh moments later");
    assert!(!app.audit().await.iter().any(|r| r.action == "auth.refresh_reuse"));

    // Reusing the rotated token later: refused, and the live one of the same family dies too.
    app.age_refresh_tokens(60).await;
    let res = app.client.post(app.api("/auth/refresh")).json(&json!({ "refresh_token": r1 })).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let res = app.client.post(app.api("/auth/refresh")).json(&json!({ "refresh_token": r2 })).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert!(app.audit().await.iter().any(|r| r.action == "auth.refresh_reuse"));

    // Another login is a new family and unaffected.
    let third: Value = app.login("eva", "eva-password").await.json().await.unwrap();
    let r3 = third["refresh_token"].as_str().unwrap();
    let res = app.client.post(app.api("/auth/refresh")).json(&json!({ "refresh_token": r3 })).send().await.unwrap();
    assert_eq!(res.status(), 200);

    let res =
        app.client.post(app.api("/auth/refresh")).json(&json!({ "refresh_token": "garbage" })).send().await.unwrap();
    assert_eq!(res.status(), 401);

    // However often it is refreshed, a sign-in ends after JOXAI_SESSION_MAX_HOURS (12 by default).
    let fourth: Value = app.login("eva", "eva-password").await.json().await.unwrap();
    app.age_refresh_tokens(13 * 3600).await;
    let body = json!({ "refresh_token": fourth["refresh_token"] });
    let res = app.client.post(app.api("/auth/refresh")).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert!(res.json::<Value>().await.unwrap()["detail"].as_str().unwrap().contains("sign in again"));
}

#[tokio::test]
async fn logout_revokes_the_refresh_token() {
    let app = spawn_app().await;
    app.user("fay", Role::Agent).await;
    let body: Value = app.login("fay", "fay-password").await.json().await.unwrap();
    let access = body["access_token"].as_str().unwrap();
    let refresh = body["refresh_token"].as_str().unwrap();
    let res = app.send(Method::POST, access, "/auth/logout", Some(json!({ "refresh_token": refresh }))).await;
    assert_eq!(res.status(), 204);
    let res =
        app.client.post(app.api("/auth/refresh")).json(&json!({ "refresh_token": refresh })).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert!(app.audit().await.iter().any(|r| r.action == "auth.logout"));
    let res = app.client.post(app.api("/auth/logout")).send().await.unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn deactivated_users_cannot_log_in_and_their_tokens_stop_working() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("boss", Role::Admin).await;
    let (gus, gus_token) = app.token_for("gus", Role::Agent).await;
    let gus_login: Value = app.login("gus", "gus-password").await.json().await.unwrap();
    let res = app.send(Method::PATCH, &admin, &format!("/users/{}", gus.id), Some(json!({ "is_active": false }))).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["is_active"], false);

    assert_eq!(app.login("gus", "gus-password").await.status(), 401);
    let res = app.get(&gus_token, "/auth/me").await;
    assert_eq!(res.status(), 401);
    let refresh = gus_login["refresh_token"].as_str().unwrap();
    let res =
        app.client.post(app.api("/auth/refresh")).json(&json!({ "refresh_token": refresh })).send().await.unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn repeated_wrong_passwords_lock_the_account_whatever_the_address() {
    let app = crate::harness::spawn_app_with(&[("JOXAI_RATE_LIMITS", "off")]).await;
    let (_, admin) = app.token_for("root", Role::Admin).await;
    app.user("alice", Role::Agent).await;
    app.user("bob", Role::Agent).await;
    for _ in 0..5 {
        assert_eq!(app.login("alice", "guess").await.status(), 401);
    }
    // Locked: even the right password is refused, before it is checked.
    let res = app.login("alice", "alice-password").await;
    assert_eq!(res.status(), 429);
    assert!(res.json::<Value>().await.unwrap()["detail"].as_str().unwrap().contains("try again"));
    assert_eq!(app.login("ALICE ", "alice-password").await.status(), 429, "the same account in any case");
    assert_eq!(app.login("bob", "bob-password").await.status(), 200, "other accounts are not affected");
    // An unknown name locks the same way, so a lock does not say the account exists.
    for _ in 0..5 {
        assert_eq!(app.login("nobody", "guess").await.status(), 401);
    }
    assert_eq!(app.login("nobody", "guess").await.status(), 429);

    // Audited, and the admins are told (once).
    let audit = app.audit().await;
    assert_eq!(audit.iter().filter(|r| r.action == "auth.lockout").count(), 2);
    assert!(audit.iter().any(|r| r.action == "auth.login" && r.details.to_string().contains("locked")));
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let notices = domain::entities::notifications::Entity::find()
        .filter(domain::entities::notifications::Column::Subject.contains("Sign-in locked"))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(notices.len(), 1, "one notice, to the one admin, about the real account");
    let _ = admin;

    // When the lock runs out the right password works and clears the count.
    use domain::entities::login_failures;
    let row = login_failures::Entity::find_by_id("alice".to_owned()).one(&app.state.db).await.unwrap().unwrap();
    let mut expired: login_failures::ActiveModel = row.into();
    expired.locked_until = sea_orm::Set(Some(chrono::Utc::now() - chrono::Duration::seconds(1)));
    sea_orm::ActiveModelTrait::update(expired, &app.state.db).await.unwrap();
    assert_eq!(app.login("alice", "alice-password").await.status(), 200);
    assert!(login_failures::Entity::find_by_id("alice".to_owned()).one(&app.state.db).await.unwrap().is_none());
}

#[tokio::test]
async fn staff_rename_themselves_and_change_their_own_password_ending_their_other_sessions() {
    let app = spawn_app().await;
    let (agent, token) = app.token_for("ana", Role::Agent).await;
    let other: Value = app.login("ana", "ana-password").await.json().await.unwrap();
    let (other_access, other_refresh) = (other["access_token"].as_str().unwrap(), other["refresh_token"].clone());

    // The name: 1 to 255 characters; anyone signed in, for themselves only.
    assert_eq!(app.send(Method::PUT, &token, "/auth/me", Some(json!({ "full_name": " " }))).await.status(), 422);
    let res = app.send(Method::PUT, &token, "/auth/me", Some(json!({ "full_name": "Ana Agente" }))).await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.get_json(&token, "/auth/me").await["full_name"], "Ana Agente");
    assert_eq!(
        app.client.put(app.api("/auth/me")).json(&json!({ "full_name": "X" })).send().await.unwrap().status(),
        401
    );

    // The password: the current one is required, the new one checked; bad input changes nothing.
    let change = |current: &str, new: &str| json!({ "current_password": current, "new_password": new });
    for (body, field) in [
        (change("wrong-password", "a-new-password"), "current_password"),
        (change("ana-password", "short"), "new_password"),
        (change("ana-password", "ana-password"), "new_password"),
    ] {
        let res = app.send(Method::POST, &token, "/auth/password", Some(body)).await;
        assert_eq!(res.status(), 422);
        let error: Value = res.json().await.unwrap();
        assert!(error["detail"].is_string() && error["field"] == field, "{error}");
    }
    assert_eq!(app.login("ana", "ana-password").await.status(), 200, "unchanged so far");
    let res = app.send(Method::POST, &token, "/auth/password", Some(change("ana-password", "a-new-password"))).await;
    assert_eq!(res.status(), 200);
    let renewed: Value = res.json().await.unwrap();
    let renewed_token = renewed["access_token"].as_str().unwrap();
    assert_eq!(app.get_json(renewed_token, "/auth/me").await["id"], agent.id, "this session goes on");
    // Every other session is over: access tokens (this one's old token too) and refresh tokens.
    for old in [token.as_str(), other_access] {
        assert_eq!(app.get(old, "/auth/me").await.status(), 401);
    }
    let refresh = app.client.post(app.api("/auth/refresh")).json(&json!({ "refresh_token": other_refresh })).send();
    assert_eq!(refresh.await.unwrap().status(), 401);
    assert_eq!(app.login("ana", "ana-password").await.status(), 401);
    assert_eq!(app.login("ana", "a-new-password").await.status(), 200);
    let audit = app.audit().await;
    let changed: Vec<_> = audit.iter().filter(|r| r.action == "auth.password_changed").collect();
    assert_eq!(changed.len(), 2, "the refused attempt and the change");
    assert!(!format!("{:?}", changed).contains("a-new-password"), "no password in the log");
}
