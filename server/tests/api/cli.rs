//! The `joxai` binary: bad configuration fails with one line naming the variable; `demo-seed`
//! loads staff and the knowledge base once; `prepare` (`serve`'s start-up helper) sets up the
//! database and writes the escalation detector; `user create` then `serve` then `POST /auth/login`
//! works.

use std::process::{Command, Stdio};
use std::time::Duration;

use sea_orm::EntityTrait;

use crate::harness::TestDb;

pub const BIN: &str = env!("CARGO_BIN_EXE_joxai");

pub fn joxai(db: &TestDb) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", &db.url)
        .env("JOXAI_JWT_SECRET", "cli-secret-cli-secret-cli-secret-0123456")
        .env("JOXAI_DEMO_SEED", "false")
        .env("JOXAI_DATA_KEYS", crate::harness::DATA_KEYS)
        .env("JOXAI_DATA_INDEX_KEY", crate::harness::DATA_INDEX_KEY)
        .current_dir(std::env::temp_dir());
    cmd
}

/// `joxai serve` on a free loopback port with its output discarded: the command (to add to, then
/// spawn) and the port.
pub fn serve(db: &TestDb) -> (Command, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut cmd = joxai(db);
    cmd.arg("serve").env("JOXAI_ADDR", format!("127.0.0.1:{port}")).stdout(Stdio::null()).stderr(Stdio::null());
    (cmd, port)
}

#[tokio::test]
async fn bad_configuration_names_the_variable() {
    let db = TestDb::new().await;
    for (var, value) in [
        ("JOXAI_ADDR", "not-an-address"),
        ("JOXAI_RATE_LIMITS", "sometimes"),
        ("JOXAI_ENV", "staging"),
        ("JOXAI_LLM_PROVIDER", "gemini"),
        ("JOXAI_ASSISTANT_THRESHOLD", "1.5"),
        ("JOXAI_LOG_FORMAT", "xml"),
        ("JOXAI_INSTANCES", "0"),
    ] {
        let out = joxai(&db).arg("migrate").env(var, value).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{var}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(stderr.contains(var), "{stderr}");
    }
    let out = joxai(&db).arg("migrate").env("JOXAI_ENV", "production").env_remove("JOXAI_JWT_SECRET").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("JOXAI_JWT_SECRET"));
}

#[tokio::test]
async fn demo_seed_loads_staff_and_the_knowledge_base_once() {
    let db = TestDb::new().await;
    let out = joxai(&db).arg("demo-seed").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("admin@joxai.local"), "{stderr}");
    let loaded = domain::seed::demo_articles().unwrap().len();
    assert!(stderr.contains(&format!("loaded {loaded} demo knowledge-base articles")), "{stderr}");
    let again = joxai(&db).arg("demo-seed").output().unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains("loaded 0 demo knowledge-base articles"));
}

/// `serve`'s start-up work runs in a helper process, `joxai prepare`: it migrates, seeds the demo
/// data and writes the trained escalation detector to standard output (its logs on standard error).
#[tokio::test]
async fn prepare_sets_up_the_database_and_writes_the_detector() {
    let db = TestDb::new().await;
    let out = joxai(&db).arg("prepare").env("JOXAI_DEMO_SEED", "true").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(domain::assistant::escalation::learned::Model::from_bytes(&out.stdout).is_some(), "a trained model");
    assert!(String::from_utf8_lossy(&out.stderr).contains("admin@joxai.local"));
    let again = joxai(&db).arg("demo-seed").output().unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains("loaded 0 demo knowledge-base articles"));
}

#[tokio::test]
async fn user_create_then_serve_then_login() {
    let db = TestDb::new().await;
    let out = joxai(&db).arg("migrate").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = joxai(&db)
        .args(["user", "create", "--email", "ops@bank.test", "--password", "ops-password", "--role", "Supervisor"])
        .args(["--name", "Olga Ops"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = joxai(&db)
        .args(["user", "create", "--email", "ops@bank.test", "--password", "ops-password", "--role", "agent"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "duplicate user is refused");
    let out = joxai(&db)
        .args(["user", "create", "--email", "x@bank.test", "--password", "ops-password", "--role", "king"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "unknown role is refused");
    // The password can come on standard input, out of the process list.
    let mut create = joxai(&db)
        .args(["user", "create", "--email", "ana@bank.test", "--password-stdin", "--role", "agent"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut create.stdin.take().unwrap(), b"from-stdin-pass\n").unwrap();
    let out = create.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let (mut serving, port) = serve(&db);
    let mut child = serving.spawn().unwrap();
    let client = reqwest::Client::new();
    let url = format!("http://127.0.0.1:{port}/api/v1/auth/login");
    let mut answer = None;
    for _ in 0..100 {
        let body = serde_json::json!({ "username": "ops@bank.test", "password": "ops-password" });
        if let Ok(res) = client.post(&url).json(&body).send().await {
            answer = Some(res);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let stdin_login = serde_json::json!({ "username": "ana@bank.test", "password": "from-stdin-pass" });
    let from_stdin = client.post(&url).json(&stdin_login).send().await.map(|r| r.status());
    // A second server on the same SQLite file is refused, saying why; PostgreSQL takes several.
    let second = (!db.is_postgres()).then(|| {
        let other = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        joxai(&db).arg("serve").env("JOXAI_ADDR", format!("127.0.0.1:{other}")).output().unwrap()
    });
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(from_stdin.unwrap(), 200, "the password read from standard input signs in");
    let res = answer.expect("server answered");
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["user"]["role"], "SUPERVISOR");
    assert_eq!(body["user"]["full_name"], "Olga Ops");
    if let Some(second) = second {
        assert!(!second.status.success());
        let stderr = String::from_utf8_lossy(&second.stderr);
        assert!(stderr.contains("another JoxAI server is already serving the SQLite database"), "{stderr}");
    }
}

#[test]
fn sqlite_urls_name_their_file() {
    use domain::db::sqlite_file;
    assert_eq!(sqlite_file("sqlite:///var/lib/joxai.db?mode=rwc").unwrap(), std::path::Path::new("/var/lib/joxai.db"));
    assert_eq!(sqlite_file("sqlite://joxai.db").unwrap(), std::path::Path::new("joxai.db"));
    assert_eq!(sqlite_file("sqlite:data/joxai.db").unwrap(), std::path::Path::new("data/joxai.db"));
    assert_eq!(sqlite_file("sqlite::memory:"), None);
    assert_eq!(sqlite_file("postgres://u:p@db/joxai"), None);
}

#[tokio::test]
async fn backup_copies_a_running_sqlite_database_and_never_overwrites() {
    let db = TestDb::new().await;
    let copy = std::env::temp_dir().join(format!("joxai-backup-{}.db", uuid::Uuid::new_v4().simple()));
    if db.is_postgres() {
        let out = joxai(&db).arg("backup").arg(&copy).output().unwrap();
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
        return;
    }
    let create = |email: &str| {
        let out = joxai(&db)
            .args(["user", "create", "--email", email, "--password", "ops-password", "--role", "agent"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    create("kept@bank.test");
    let mut server = serve(&db).0.spawn().unwrap();
    let out = joxai(&db).arg("backup").arg(&copy).output().unwrap();
    let again = joxai(&db).arg("backup").arg(&copy).output().unwrap();
    let _ = server.kill();
    let _ = server.wait();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!again.status.success(), "a backup never overwrites");
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    create("later@bank.test");

    // Restoring is serving the copy: it holds what was there when it was taken.
    let restored = sea_orm::Database::connect(format!("sqlite://{}?mode=ro", copy.display())).await.unwrap();
    let users = domain::entities::users::Entity::find().all(&restored).await.unwrap();
    assert_eq!(users.iter().map(|u| u.email.as_str()).collect::<Vec<_>>(), vec!["kept@bank.test"]);
    let _ = restored.close().await;
    let _ = std::fs::remove_file(&copy);
}

#[tokio::test]
async fn json_logs_carry_each_request_id() {
    let db = TestDb::new().await;
    let log = std::env::temp_dir().join(format!("joxai-log-{}.jsonl", uuid::Uuid::new_v4().simple()));
    let (mut serving, port) = serve(&db);
    serving.env("JOXAI_LOG_FORMAT", "json").env("RUST_LOG", "info,tower_http=debug");
    let mut server = serving.stdout(std::fs::File::create(&log).unwrap()).spawn().unwrap();
    let client = reqwest::Client::new();
    let url = format!("http://127.0.0.1:{port}/healthz");
    let mut answered = None;
    for _ in 0..100 {
        if let Ok(res) = client.get(&url).header("x-request-id", "probe-42.a").send().await {
            answered = Some(res);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let hostile = client.get(&url).header("x-request-id", "two words").send().await.unwrap();
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(answered.expect("served").headers()["x-request-id"], "probe-42.a");
    let replaced = hostile.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(replaced.len(), 32, "a new id instead of the caller's unsafe one: {replaced}");
    let text = std::fs::read_to_string(&log).unwrap();
    let _ = std::fs::remove_file(&log);
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).expect(l)).collect();
    let ours: Vec<_> = lines.iter().filter(|l| l["span"]["id"] == "probe-42.a").collect();
    assert!(ours.len() >= 2, "the request's lines carry its id: {text}");
    assert!(ours.iter().all(|l| l["span"]["route"] == "/healthz"));
    assert!(lines.iter().any(|l| l["span"]["id"] == replaced.as_str()));
}
