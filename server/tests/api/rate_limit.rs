//! Rate limits: login 5/min per client IP (`X-Forwarded-For` only when trusted), chat starts per
//! IP, messages per conversation, `/tickets` per staff member; 429 with `Retry-After`.

use serde_json::Value;

use crate::harness::spawn_app_with;

#[tokio::test]
async fn sixth_login_in_a_minute_is_429() {
    let app = spawn_app_with(&[("JOXAI_LOGIN_RATE_PER_MINUTE", "5")]).await;
    for _ in 0..5 {
        // X-Forwarded-For is ignored without JOXAI_TRUST_PROXY: all of these are one client.
        let res = app
            .client
            .post(app.api("/auth/login"))
            .header("x-forwarded-for", format!("10.0.0.{}", rand_octet()))
            .json(&serde_json::json!({ "username": "x", "password": "y" }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
    }
    let res = app.login("x", "y").await;
    assert_eq!(res.status(), 429);
    let retry: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry));
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["detail"], format!("Rate limit exceeded. Try again in {retry} seconds."));
    // Other endpoints are not affected.
    assert_eq!(app.client.get(app.url("/healthz")).send().await.unwrap().status(), 200);
}

fn rand_octet() -> u8 {
    (uuid::Uuid::new_v4().as_bytes()[0] % 200) + 1
}

#[tokio::test]
async fn trusted_proxy_limits_each_forwarded_client_whatever_it_forges() {
    let app = spawn_app_with(&[
        ("JOXAI_LOGIN_RATE_PER_MINUTE", "2"),
        ("JOXAI_TRUST_PROXY", "true"),
        ("JOXAI_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8"),
    ])
    .await;
    // A new username each time, so the per-account lock does not come into it.
    let attempt = |forwarded: String| {
        app.client
            .post(app.api("/auth/login"))
            .json(&serde_json::json!({ "username": forwarded, "password": "y" }))
            .header("x-forwarded-for", forwarded)
            .send()
    };
    // The client is the right-most address that is not one of our proxies: whatever it wrote to
    // the left of that (a new address each time) buys no fresh budget.
    for forged in ["1.1.1.1", "2.2.2.2"] {
        let res = attempt(format!("{forged}, 203.0.113.1, 10.0.0.1")).await.unwrap();
        assert_eq!(res.status(), 401);
    }
    let res = attempt("3.3.3.3, 203.0.113.1, 10.0.0.1".into()).await.unwrap();
    assert_eq!(res.status(), 429);
    assert_eq!(attempt("203.0.113.2, 10.0.0.1".into()).await.unwrap().status(), 401);
    let audit = app.audit().await;
    assert!(audit.iter().any(|r| r.ip.as_deref() == Some("203.0.113.2")));
    assert!(!audit.iter().any(|r| r.ip.as_deref() == Some("1.1.1.1")), "forged addresses are never the client");

    // IPv6 clients share one budget per /64.
    for host in ["2001:db8:1:2::1", "2001:db8:1:2::2"] {
        assert_eq!(attempt(host.into()).await.unwrap().status(), 401);
    }
    assert_eq!(attempt("2001:db8:1:2:ffff::9".into()).await.unwrap().status(), 429);
    assert_eq!(attempt("2001:db8:1:3::1".into()).await.unwrap().status(), 401, "another /64");
}

#[tokio::test]
async fn forwarded_addresses_from_a_peer_that_is_not_our_proxy_are_ignored() {
    let app = spawn_app_with(&[
        ("JOXAI_LOGIN_RATE_PER_MINUTE", "2"),
        ("JOXAI_TRUST_PROXY", "true"),
        ("JOXAI_TRUSTED_PROXIES", "10.0.0.0/8"),
    ])
    .await;
    for i in 0..3 {
        let res = app
            .client
            .post(app.api("/auth/login"))
            .header("x-forwarded-for", format!("198.51.100.{i}"))
            .json(&serde_json::json!({ "username": "x", "password": "y" }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), if i < 2 { 401 } else { 429 }, "the peer (127.0.0.1) is the client");
    }
}

#[tokio::test]
async fn limits_can_be_switched_off() {
    let app = spawn_app_with(&[("JOXAI_LOGIN_RATE_PER_MINUTE", "1"), ("JOXAI_RATE_LIMITS", "off")]).await;
    for _ in 0..4 {
        assert_eq!(app.login("x", "y").await.status(), 401);
    }
}

#[tokio::test]
async fn admin_panel_sign_in_shares_the_login_budget() {
    let app = spawn_app_with(&[("JOXAI_LOGIN_RATE_PER_MINUTE", "2")]).await;
    let sign_in = || {
        app.client
            .post(app.url("/_sfn/login"))
            .header("origin", &app.base)
            .form(&[("username", "x"), ("password", "y")])
            .send()
    };
    assert_ne!(sign_in().await.unwrap().status(), 429);
    assert_eq!(app.login("x", "y").await.status(), 401);
    let res = sign_in().await.unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(app.login("x", "y").await.status(), 429);
}

#[tokio::test]
async fn chat_and_ticket_budgets_are_per_ip_per_conversation_and_per_staff_member() {
    let app = spawn_app_with(&[
        ("JOXAI_CHAT_START_PER_MINUTE", "3"),
        ("JOXAI_CHAT_MESSAGE_PER_MINUTE", "2"),
        ("JOXAI_TICKETS_PER_MINUTE", "2"),
    ])
    .await;
    let start = || app.client.post(app.api("/chat/start")).json(&serde_json::json!({})).send();
    let mut ids = Vec::new();
    for _ in 0..3 {
        let body: Value = start().await.unwrap().json().await.unwrap();
        let (id, token) = (body["conversation_id"].as_str().unwrap(), body["visitor_token"].as_str().unwrap());
        ids.push((id.to_owned(), token.to_owned()));
    }
    let res = start().await.unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));

    let say = |i: usize| app.customer_says(&ids[i].0, &ids[i].1, "hola");
    for _ in 0..2 {
        assert_eq!(say(0).await.status(), 200);
    }
    let res = say(0).await;
    assert_eq!(res.status(), 429);
    assert!(res.json::<Value>().await.unwrap()["detail"].as_str().unwrap().starts_with("Rate limit exceeded"));
    assert_eq!(say(1).await.status(), 200, "another conversation has its own budget");

    let (_, alice) = app.token_for("alice", domain::model::Role::Agent).await;
    let (_, bob) = app.token_for("bob", domain::model::Role::Agent).await;
    let tickets = |token: &str| app.client.get(app.api("/tickets")).bearer_auth(token).send();
    for _ in 0..2 {
        assert_eq!(tickets(&alice).await.unwrap().status(), 200);
    }
    assert_eq!(tickets(&alice).await.unwrap().status(), 429);
    assert_eq!(tickets(&bob).await.unwrap().status(), 200, "each staff member has their own budget");
}

#[tokio::test]
async fn an_admin_resizes_a_limit_while_the_server_runs() {
    use domain::model::Role;
    use reqwest::Method;
    let app = spawn_app_with(&[("JOXAI_CHAT_START_PER_MINUTE", "1000")]).await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let start = || app.client.post(app.api("/chat/start")).json(&serde_json::json!({})).send();
    assert_eq!(start().await.unwrap().status(), 200);

    // Down to 2 a minute: the third start is refused, without a restart.
    let body = serde_json::json!({ "key": "rate_limits.chat_start_per_minute", "value": 2 });
    assert_eq!(app.send(Method::POST, &admin, "/settings/system", Some(body)).await.status(), 201);
    assert_eq!(start().await.unwrap().status(), 200);
    assert_eq!(start().await.unwrap().status(), 200);
    let refused = start().await.unwrap();
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));

    // A value out of range is refused with the reason and changes nothing.
    let bad = serde_json::json!({ "value": 0 });
    let res = app.send(Method::PUT, &admin, "/settings/system/rate_limits.chat_start_per_minute", Some(bad)).await;
    assert_eq!(res.status(), 422);
    assert!(res.json::<Value>().await.unwrap()["detail"].as_str().unwrap().contains("1 to 100,000"));
    assert_eq!(start().await.unwrap().status(), 429);

    // Deleting the setting goes back to the configured 1,000 a minute.
    let res = app.send(Method::DELETE, &admin, "/settings/system/rate_limits.chat_start_per_minute", None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(start().await.unwrap().status(), 200);
}

#[tokio::test]
async fn heavy_server_functions_share_the_budgets_of_their_rest_twins() {
    let app = spawn_app_with(&[("JOXAI_ANALYTICS_PER_MINUTE", "3")]).await;
    let (_, token) = app.token_for("auditor", domain::model::Role::Admin).await;
    let cookie = format!("joxai_access={token}");
    let sfn = |name: &str| {
        app.client
            .post(app.url(&format!("/_sfn/{name}")))
            .header("origin", &app.base)
            .header("cookie", &cookie)
            .header("accept", "application/json")
            .send()
    };
    // The dashboard in the panel and the REST audit check draw on one budget per staff member.
    assert_ne!(sfn("analytics/dashboard").await.unwrap().status(), 429);
    let verify = app.client.post(app.api("/audit/verify")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(verify.status(), 200);
    assert_ne!(sfn("audit/verify").await.unwrap().status(), 429);
    let res = sfn("analytics/dashboard").await.unwrap();
    assert_eq!(res.status(), 429);
    let res = app.client.post(app.api("/audit/verify")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), 429);
}
