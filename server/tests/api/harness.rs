//! `spawn_app()`: a running server on a fresh database, plus helpers.

use std::collections::HashMap;

use domain::AppState;
use domain::model::{CreateUserRequest, Role, UserOut};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};

/// A server under test. Dropping it drops its database.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub state: AppState,
    _db: TestDb,
}

/// A fresh database for one test.
pub struct TestDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

impl TestDb {
    pub async fn new() -> TestDb {
        let id = uuid::Uuid::new_v4().simple().to_string();
        match std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
            Some(admin_url) => {
                let name = format!("joxai_test_{id}");
                let admin = Database::connect(&admin_url).await.expect("connect to TEST_DATABASE_URL");
                admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await.expect("create database");
                let _ = admin.close().await;
                let base = admin_url.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(admin_url.clone());
                TestDb { url: format!("{base}/{name}"), cleanup: Cleanup::Postgres { admin_url, name } }
            }
            None => {
                let path = std::env::temp_dir().join(format!("joxai_test_{id}.db"));
                TestDb { url: format!("sqlite://{}?mode=rwc", path.display()), cleanup: Cleanup::File(path) }
            }
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.cleanup, Cleanup::Postgres { .. })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Postgres { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop runs inside or outside a runtime: use a thread with its own.
                let (done, dropped) = std::sync::mpsc::channel();
                std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                    rt.block_on(async {
                        if let Ok(admin) = Database::connect(&admin_url).await {
                            let _ = admin
                                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                                .await;
                            let _ = admin.close().await;
                        }
                    });
                    let _ = done.send(());
                });
                // Done within a second, but for one case: a connection the test's server was still
                // signing in with cannot go on while this blocks the test's runtime, and PostgreSQL
                // makes the drop wait for it until its authentication timeout (a minute). Then
                // the drop, already sent, completes once the test has returned and let it go.
                let _ = dropped.recv_timeout(std::time::Duration::from_secs(5));
            }
        }
    }
}

/// The data key ring every test server seals with (tests that rotate add a newer key).
pub const DATA_KEYS: &str = "t1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
pub const DATA_INDEX_KEY: &str = "ZGlmZmVyZW50LWluZGV4LWtleS0zMi1ieXRlcy1sb24=";

/// Spawns the app with the test defaults.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// Spawns the app with extra configuration variables.
pub async fn spawn_app_with(vars: &[(&str, &str)]) -> TestApp {
    let db = TestDb::new().await;
    let mut env: HashMap<String, String> = HashMap::from([
        ("DATABASE_URL".into(), db.url.clone()),
        ("JOXAI_JWT_SECRET".into(), "test-secret-test-secret-test-secret-0123".into()),
        ("JOXAI_DEMO_SEED".into(), "false".into()),
        ("JOXAI_DATA_KEYS".into(), DATA_KEYS.into()),
        ("JOXAI_DATA_INDEX_KEY".into(), DATA_INDEX_KEY.into()),
        ("JOXAI_LOGIN_RATE_PER_MINUTE".into(), "1000".into()),
        ("JOXAI_CHAT_START_PER_MINUTE".into(), "1000".into()),
        ("JOXAI_CHAT_MESSAGE_PER_MINUTE".into(), "1000".into()),
        ("JOXAI_TICKETS_PER_MINUTE".into(), "1000".into()),
        ("JOXAI_ANALYTICS_PER_MINUTE".into(), "1000".into()),
        ("JOXAI_SITE_ROOT".into(), std::env::temp_dir().join("joxai-test-site").display().to_string()),
    ]);
    for (k, v) in vars {
        env.insert((*k).into(), (*v).into());
    }
    let config = domain::config::Config::load_from(&env).expect("config");
    let state = server::prepare(config).await.expect("prepare");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = server::app(state.clone());
    server::start_workers(&state);
    if db.is_postgres() {
        // Listening before the test starts: a test that ended while the LISTEN connection was still
        // signing in left PostgreSQL waiting a minute for it, and the database's drop with it.
        tokio::time::timeout(std::time::Duration::from_secs(10), state.events.listening()).await.expect("listening");
    }
    tokio::spawn(server::serve(listener, app, std::future::pending()));
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    TestApp { base: format!("http://{addr}"), client, state, _db: db }
}

impl TestApp {
    /// The SQLite file, when the test runs on SQLite.
    pub fn sqlite_path(&self) -> Option<String> {
        let rest = self._db.url.strip_prefix("sqlite://")?;
        Some(rest.split('?').next().unwrap_or(rest).to_owned())
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn api(&self, path: &str) -> String {
        format!("{}/api/v1{path}", self.base)
    }

    /// Creates a user directly through the domain.
    pub async fn user(&self, name: &str, role: Role) -> UserOut {
        let req = CreateUserRequest {
            username: name.into(),
            email: format!("{name}@bank.test"),
            full_name: format!("{name} Person"),
            password: format!("{name}-password"),
            role,
        };
        domain::users::create_unchecked(&self.state, &req).await.unwrap()
    }

    /// Logs in and returns the whole response body.
    pub async fn login(&self, username: &str, password: &str) -> reqwest::Response {
        self.client
            .post(self.api("/auth/login"))
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .unwrap()
    }

    /// Creates a user with `role` and returns a bearer token for them.
    pub async fn token_for(&self, name: &str, role: Role) -> (UserOut, String) {
        let user = self.user(name, role).await;
        let body: Value = self.login(name, &format!("{name}-password")).await.json().await.unwrap();
        (user, body["access_token"].as_str().unwrap().to_owned())
    }

    /// `METHOD /api/v1{path}` as the holder of `token`, with `body` as JSON if given.
    pub async fn send(
        &self,
        method: reqwest::Method,
        token: &str,
        path: &str,
        body: Option<Value>,
    ) -> reqwest::Response {
        let mut req = self.client.request(method, self.api(path)).bearer_auth(token);
        if let Some(body) = body {
            req = req.json(&body);
        }
        req.send().await.unwrap()
    }

    /// `POST /chat/start` in `language`: the whole answer (conversation id, visitor token, …).
    pub async fn start_chat(&self, language: &str) -> Value {
        let res =
            self.client.post(self.api("/chat/start")).json(&json!({ "language": language })).send().await.unwrap();
        res.json().await.unwrap()
    }

    /// `GET /api/v1{path}` as the customer holding `visitor_token`.
    pub async fn customer_get(&self, visitor_token: &str, path: &str) -> reqwest::Response {
        self.client.get(self.api(path)).header("x-visitor-token", visitor_token).send().await.unwrap()
    }

    /// `POST /api/v1{path}` with `body` as the customer holding `visitor_token`.
    pub async fn customer_post(&self, visitor_token: &str, path: &str, body: &Value) -> reqwest::Response {
        self.client.post(self.api(path)).header("x-visitor-token", visitor_token).json(body).send().await.unwrap()
    }

    /// `POST /chat/{id}/rating` with `body` as the customer holding `visitor_token`.
    pub async fn customer_rates(&self, conversation: &str, visitor_token: &str, body: &Value) -> reqwest::Response {
        self.customer_post(visitor_token, &format!("/chat/{conversation}/rating"), body).await
    }

    /// `POST /chat/message` `{conversation_id, message}` as the customer holding `visitor_token`.
    pub async fn customer_says(&self, conversation: &str, visitor_token: &str, message: &str) -> reqwest::Response {
        let body = json!({ "conversation_id": conversation, "message": message });
        self.customer_post(visitor_token, "/chat/message", &body).await
    }

    /// `POST /chat/escalate` `body` as the customer holding `visitor_token`, as JSON.
    pub async fn customer_escalates(&self, visitor_token: &str, body: &Value) -> Value {
        self.customer_post(visitor_token, "/chat/escalate", body).await.json().await.unwrap()
    }

    /// `POST /assistant/ask` `{question}` as the holder of `token`: the answer, which must be a 200.
    pub async fn ask(&self, token: &str, question: &str) -> Value {
        let res =
            self.send(reqwest::Method::POST, token, "/assistant/ask", Some(json!({ "question": question }))).await;
        assert_eq!(res.status(), 200);
        res.json().await.unwrap()
    }

    /// `GET /api/v1{path}` as the holder of `token`.
    pub async fn get(&self, token: &str, path: &str) -> reqwest::Response {
        self.client.get(self.api(path)).bearer_auth(token).send().await.unwrap()
    }

    /// `GET /api/v1{path}?{query}` as the holder of `token`.
    pub async fn get_with<Q: serde::Serialize + ?Sized>(
        &self,
        token: &str,
        path: &str,
        query: &Q,
    ) -> reqwest::Response {
        self.client.get(self.api(path)).query(query).bearer_auth(token).send().await.unwrap()
    }

    /// `GET /api/v1{path}` as the holder of `token`, as JSON.
    pub async fn get_json(&self, token: &str, path: &str) -> Value {
        self.client.get(self.api(path)).bearer_auth(token).send().await.unwrap().json().await.unwrap()
    }

    /// `POST /api/v1{path}` with `body` as the holder of `token`, as JSON.
    pub async fn post_json(&self, token: &str, path: &str, body: &Value) -> Value {
        self.client.post(self.api(path)).bearer_auth(token).json(body).send().await.unwrap().json().await.unwrap()
    }

    /// Makes every refresh token look issued `secs` ago (a later refresh, an old sign-in).
    pub async fn age_refresh_tokens(&self, secs: i64) {
        use domain::entities::refresh_tokens::{Column, Entity};
        use sea_orm::{EntityTrait, sea_query::Expr};
        let then = chrono::Utc::now() - chrono::Duration::seconds(secs);
        Entity::update_many().col_expr(Column::CreatedAt, Expr::value(then)).exec(&self.state.db).await.unwrap();
    }

    /// Audit records, oldest first, as (action, outcome, row).
    pub async fn audit(&self) -> Vec<domain::entities::audit_log::Model> {
        use sea_orm::{EntityTrait, QueryOrder};
        domain::entities::audit_log::Entity::find()
            .order_by_asc(domain::entities::audit_log::Column::Id)
            .all(&self.state.db)
            .await
            .unwrap()
    }
}

/// `text` percent-encoded for a URL's path or query (unreserved characters kept).
pub fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// An identity token as the bank's server signs it with the inbox's secret: it names the customer
/// `sub` for the inbox `key`, and expires `exp_in` seconds from now (issued a minute before it
/// expires when that is in the past).
pub fn identity_token(secret: &str, key: &str, sub: &str, exp_in: i64) -> String {
    use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
    let now = chrono::Utc::now().timestamp();
    let claims = json!({ "sub": sub, "aud": key, "iat": now.min(now + exp_in - 60), "exp": now + exp_in });
    encode(&Header::new(Algorithm::HS256), &claims, &EncodingKey::from_secret(secret.as_bytes())).unwrap()
}
