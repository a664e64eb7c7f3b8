//! The admin panel over HTTP: sign-in through the server function sets hardened cookies, pages
//! enforce roles with real status codes, cross-origin posts are refused, sessions refresh.

use domain::model::Role;

use crate::harness::{TestApp, spawn_app, spawn_app_with};

pub async fn sign_in(app: &TestApp, user: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/_sfn/login"))
        .header("origin", &app.base)
        .header("accept", "application/json")
        .form(&[("username", user), ("password", password)])
        .send()
        .await
        .unwrap()
}

pub fn cookies(res: &reqwest::Response) -> Vec<String> {
    res.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect()
}

pub fn cookie_header(set_cookies: &[String]) -> String {
    set_cookies.iter().map(|c| c.split(';').next().unwrap().to_owned()).collect::<Vec<_>>().join("; ")
}

#[tokio::test]
async fn sign_in_sets_hardened_cookies_and_pages_check_roles() {
    let app = spawn_app().await;
    app.user("admin", Role::Admin).await;
    app.user("agent", Role::Agent).await;

    let res = app.client.get(app.url("/login")).header("accept-language", "en-GB,en;q=0.9").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("Sign in") && html.contains("<html lang=\"en\""), "{html}");
    // A browser that asks for no language gets JOXAI_DEFAULT_LANGUAGE (Spanish unless configured).
    let res = app.client.get(app.url("/login")).send().await.unwrap();
    let html = res.text().await.unwrap();
    assert!(html.contains("Iniciar sesión") && html.contains("<html lang=\"es\""), "{html}");

    let res = app.client.get(app.url("/users")).header("accept", "text/html").send().await.unwrap();
    assert!(res.status().is_redirection(), "anonymous /users: {}", res.status());
    assert_eq!(res.headers()["location"], "/login");

    let res = sign_in(&app, "agent", "wrong-password").await;
    assert!(cookies(&res).is_empty());
    assert!(res.text().await.unwrap().contains("Incorrect username or password"));

    let res = sign_in(&app, "agent", "agent-password").await;
    let set = cookies(&res);
    assert_eq!(set.len(), 2, "{set:?}");
    for c in &set {
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.contains("Path=/"), "{c}");
    }
    let agent = cookie_header(&set);
    let res = app.client.get(app.url("/users")).header("cookie", &agent).send().await.unwrap();
    assert_eq!(res.status(), 403);
    // (in the default language, Spanish)
    let html = res.text().await.unwrap();
    assert!(html.contains("Tu rol no tiene acceso a esta página."), "{html}");
    let res = app.client.get(app.url("/")).header("cookie", &agent).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("agent Person") && html.contains("AGENT"), "shell shows the user and role");
    assert!(html.contains("<html lang=\"es\""), "the page says its language");
    assert!(!html.contains("href=\"/users\""), "agents get no Users link");

    let admin = cookie_header(&cookies(&sign_in(&app, "admin", "admin-password").await));
    let res = app.client.get(app.url("/users")).header("cookie", &admin).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("agent@bank.test") && html.contains("href=\"/users\""));

    // Server functions enforce the role too, not only the page.
    let res = app
        .client
        .post(app.url("/_sfn/users/create"))
        .header("origin", &app.base)
        .header("cookie", &agent)
        .form(&[
            ("username", "z"),
            ("email", "z@bank.test"),
            ("full_name", "Z"),
            ("password", "z-password"),
            ("role", "ADMIN"),
        ])
        .send()
        .await
        .unwrap();
    assert!(!res.status().is_success());
    assert_eq!(app.login("z", "z-password").await.status(), 401);
}

#[tokio::test]
async fn cross_origin_posts_are_refused() {
    let app = spawn_app().await;
    app.user("admin", Role::Admin).await;
    for origin in [Some("https://evil.example"), None] {
        let mut req =
            app.client.post(app.url("/_sfn/login")).form(&[("username", "admin"), ("password", "admin-password")]);
        if let Some(o) = origin {
            req = req.header("origin", o);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 403, "{origin:?}");
        assert!(cookies(&res).is_empty());
    }
}

#[tokio::test]
async fn an_expired_access_cookie_is_refreshed_from_the_refresh_cookie() {
    let app = spawn_app().await;
    app.user("admin", Role::Admin).await;
    let set = cookies(&sign_in(&app, "admin", "admin-password").await);
    let refresh = set.iter().find(|c| c.starts_with("joxai_refresh=")).unwrap().split(';').next().unwrap().to_owned();
    let res = app
        .client
        .get(app.url("/users"))
        .header("cookie", format!("joxai_access=expired.token.value; {refresh}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let renewed = cookies(&res);
    assert!(renewed.iter().any(|c| c.starts_with("joxai_access=") && !c.contains("Max-Age=0")));
    // The old refresh token was rotated: presenting it again (later than a concurrent tab would)
    // ends the session.
    app.age_refresh_tokens(60).await;
    let res = app
        .client
        .get(app.url("/users"))
        .header("accept", "text/html")
        .header("cookie", &refresh)
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection());
}

#[tokio::test]
async fn production_cookies_are_secure() {
    let app = spawn_app_with(&[("JOXAI_ENV", "production")]).await;
    app.user("admin", Role::Admin).await;
    let set = cookies(&sign_in(&app, "admin", "admin-password").await);
    assert_eq!(set.len(), 2);
    assert!(set.iter().all(|c| c.contains("; Secure")), "{set:?}");
}

#[tokio::test]
async fn pages_carry_a_nonce_csp_and_the_hardening_headers() {
    let app = spawn_app().await;
    for path in ["/login", "/users", "/no-such-page"] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        let h = res.headers().clone();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
        let csp = h["content-security-policy"].to_str().unwrap().to_owned();
        for part in ["default-src 'self'", "frame-ancestors 'none'", "'wasm-unsafe-eval'", "object-src 'none'"] {
            assert!(csp.contains(part), "{path}: {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        if path == "/login" {
            // The page's inline scripts carry this response's nonce, so they run and nothing else does.
            let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).unwrap().to_owned();
            let html = res.text().await.unwrap();
            let scripts = html.matches("<script").count();
            assert!(scripts > 0 && html.matches(&format!("nonce=\"{nonce}\"")).count() >= scripts, "{html}");
        }
    }
    // Two responses, two nonces.
    let csp = |res: reqwest::Response| res.headers()["content-security-policy"].to_str().unwrap().to_owned();
    let a = csp(app.client.get(app.url("/login")).send().await.unwrap());
    let b = csp(app.client.get(app.url("/login")).send().await.unwrap());
    assert_ne!(a, b);
    // HSTS only where the deployment says it is production.
    let res = app.client.get(app.url("/login")).send().await.unwrap();
    assert!(res.headers().get("strict-transport-security").is_none(), "development");
    let production = spawn_app_with(&[
        ("JOXAI_ENV", "production"),
        ("JOXAI_JWT_SECRET", "a-production-secret-of-enough-length-0123456789"),
    ])
    .await;
    let res = production.client.get(production.url("/login")).send().await.unwrap();
    assert!(res.headers()["strict-transport-security"].to_str().unwrap().starts_with("max-age="));
}

#[tokio::test]
async fn refused_server_functions_answer_with_the_status_of_their_rest_twin() {
    let app = spawn_app().await;
    app.user("admin", Role::Admin).await;
    app.user("agent", Role::Agent).await;
    let res = sign_in(&app, "admin", "wrong-password").await;
    assert_eq!(res.status(), 401);
    assert!(res.text().await.unwrap().contains("Refused"), "the panel's error body is kept");

    let create = |cookie: String, email: &'static str| {
        app.client
            .post(app.url("/_sfn/users/create"))
            .header("origin", &app.base)
            .header("cookie", cookie)
            .header("accept", "application/json")
            .form(&[
                ("username", "zoe"),
                ("email", email),
                ("full_name", "Zoe"),
                ("password", "zoe-password-1"),
                ("role", "AGENT"),
            ])
            .send()
    };
    let agent = cookie_header(&cookies(&sign_in(&app, "agent", "agent-password").await));
    assert_eq!(create(agent, "zoe@bank.test").await.unwrap().status(), 403);
    let admin = cookie_header(&cookies(&sign_in(&app, "admin", "admin-password").await));
    let res = create(admin.clone(), "not-an-address").await.unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("\"field\":\"email\""));
    assert_eq!(create(admin.clone(), "zoe@bank.test").await.unwrap().status(), 200);
    assert_eq!(create(admin, "zoe@bank.test").await.unwrap().status(), 409, "the same user again");
}

#[tokio::test]
async fn the_panel_names_its_hashed_files_and_serves_them_compressed_for_a_year() {
    let root = std::env::temp_dir().join(format!("joxai-site-{}", uuid::Uuid::new_v4()));
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let (js, wasm, css) = ("kq-_Ab3dZ0x1y2w3v4u5tA", "1B2M2Y8AsgTpgAmY7PhCfg", "Zm9vYmFyYmF6cXV4cXV1eA");
    std::fs::write(root.join("hash.txt"), format!("js: {js}\nwasm: {wasm}\ncss: {css}\n")).unwrap();
    std::fs::write(pkg.join(format!("joxai.{js}.js")), "export default function init() {}").unwrap();
    std::fs::write(pkg.join(format!("joxai.{wasm}.wasm")), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(pkg.join(format!("joxai.{wasm}.wasm.br")), b"brotli bytes").unwrap();
    std::fs::write(pkg.join(format!("joxai.{css}.css")), "body {}").unwrap();
    std::fs::write(pkg.join("notes.txt"), "not hashed").unwrap();
    let app = spawn_app_with(&[("JOXAI_SITE_ROOT", root.to_str().unwrap())]).await;

    let page = app.client.get(app.url("/login")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("/pkg/joxai.{js}.js")), "{page}");
    assert!(page.contains(&format!("/pkg/joxai.{wasm}.wasm")));
    assert!(page.contains(&format!("/pkg/joxai.{css}.css")));

    let res = app.client.get(app.url(&format!("/pkg/joxai.{wasm}.wasm"))).header("accept-encoding", "br").send();
    let res = res.await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-encoding"], "br");
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    let res = app.client.get(app.url("/pkg/notes.txt")).send().await.unwrap();
    assert_eq!(res.headers()["cache-control"], "no-cache");
    let _ = std::fs::remove_dir_all(root);
}

#[tokio::test]
async fn a_spanish_page_names_the_cached_script_of_its_texts() {
    let app = spawn_app().await;
    let page = |lang: &'static str| {
        let req = app.client.get(app.url("/login")).header("accept-language", lang);
        async move { req.send().await.unwrap().text().await.unwrap() }
    };
    let spanish = page("es").await;
    let start = spanish.find("/i18n/es-").expect("a Spanish page names its texts' script");
    let src = &spanish[start..start + spanish[start..].find(".js").unwrap() + 3];
    assert!(spanish.contains("Iniciar sesión"), "drawn in Spanish on the server");
    assert!(spanish.len() < 8_000, "the texts are not in the page itself: {} bytes", spanish.len());
    assert!(!page("en").await.contains("/i18n/"), "an English page needs no texts");

    let res = app.client.get(app.url(src)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/javascript"));
    let script = res.text().await.unwrap();
    let json = script.strip_prefix("window.joxaiEs=").and_then(|s| s.strip_suffix(';')).expect("one assignment");
    let pairs: Vec<(String, String)> = serde_json::from_str(&serde_json::from_str::<String>(json).unwrap()).unwrap();
    assert!(pairs.contains(&("Sign in".to_owned(), "Iniciar sesión".to_owned())), "{script}");
    let res = app.client.get(app.url("/i18n/es-0000000000000000.js")).send().await.unwrap();
    assert_eq!(res.status(), 404, "another name is no script");
}
