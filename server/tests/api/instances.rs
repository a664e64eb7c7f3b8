//! Two `joxai serve` processes on one PostgreSQL: a customer on one and their agent on the other
//! hear each other live, and when the customer's server dies the widget resumes on the other
//! without losing a message. (SQLite serves one process; `cli.rs` shows a second one refused.)

use std::process::Child;
use std::time::Duration;

use serde_json::{Value, json};

use crate::cli::joxai;
use crate::harness::TestDb;
use crate::realtime::{Socket, connect, next, until};

/// A running `joxai serve`, killed when dropped.
struct Server {
    child: Child,
    base: String,
    client: reqwest::Client,
}

impl Server {
    async fn start(db: &TestDb) -> Server {
        let (mut serving, port) = crate::cli::serve(db);
        let child = serving.spawn().unwrap();
        let server = Server { child, base: format!("127.0.0.1:{port}"), client: reqwest::Client::new() };
        for _ in 0..300 {
            if server
                .client
                .get(format!("http://{}/healthz", server.base))
                .send()
                .await
                .is_ok_and(|r| r.status() == 200)
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("joxai serve did not answer on {}", server.base);
    }

    fn api(&self, path: &str) -> String {
        format!("http://{}/api/v1{path}", self.base)
    }

    fn ws(&self, path: &str) -> String {
        format!("ws://{}/api/v1{path}", self.base)
    }

    async fn post(&self, token: Option<&str>, path: &str, body: Value) -> reqwest::Response {
        let mut req = self.client.post(self.api(path)).json(&body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        req.send().await.unwrap()
    }

    async fn login(&self, username: &str) -> (i64, String) {
        let res = self.post(None, "/auth/login", json!({ "username": username, "password": "desk-password" })).await;
        let body: Value = res.json().await.unwrap();
        (body["user"]["id"].as_i64().unwrap(), body["access_token"].as_str().unwrap().to_owned())
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn is_agent_saying(text: &'static str) -> impl Fn(&Value) -> bool {
    move |e| e["message"]["role"] == "agent" && e["message"]["content"] == text
}

async fn seqs_until(socket: &mut Socket, done: impl Fn(&Value) -> bool) -> Vec<i64> {
    until(socket, done).await.iter().filter_map(|e| e["seq"].as_i64()).collect()
}

#[tokio::test]
async fn a_customer_and_an_agent_on_two_servers_hear_each_other_and_lose_nothing() {
    let db = TestDb::new().await;
    if !db.is_postgres() {
        return;
    }
    let out = joxai(&db).arg("migrate").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for (email, role) in [("ana@bank.test", "agent"), ("lead@bank.test", "supervisor")] {
        let out = joxai(&db)
            .args(["user", "create", "--email", email, "--password", "desk-password", "--role", role])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let mut a = Server::start(&db).await;
    let b = Server::start(&db).await;

    // Staff listen on both servers; the agent works on B.
    let (ana, ana_token) = b.login("ana@bank.test").await;
    let (_, lead_on_a) = a.login("lead@bank.test").await;
    let mut desk = connect(&b.ws(&format!("/ws?token={ana_token}"))).await;
    assert_eq!(next(&mut desk).await["type"], "hello");
    let mut lead = connect(&a.ws(&format!("/ws?token={lead_on_a}"))).await;
    assert_eq!(next(&mut lead).await["type"], "hello");

    // The customer chats through A and asks for a person; B's agent hears of the new ticket.
    let chat: Value = a.post(None, "/chat/start", json!({})).await.json().await.unwrap();
    let (id, visitor) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    let customer_ws = |server: &Server, after: i64| {
        server.ws(&format!("/chat/ws?conversation_id={id}&token={visitor}&after_seq={after}"))
    };
    let mut widget = connect(&customer_ws(&a, 0)).await;
    assert_eq!(next(&mut widget).await["seq"], 1, "the greeting");
    let escalate = a.client.post(a.api("/chat/escalate")).header("x-visitor-token", visitor);
    let escalated: Value = escalate.json(&json!({ "conversation_id": id })).send().await.unwrap().json().await.unwrap();
    let ticket = escalated["ticket_id"].as_str().expect("a ticket").to_owned();
    let heard = until(&mut desk, |e| e["type"] == "ticket_created").await;
    assert_eq!(heard.last().unwrap()["data"]["ticket_id"], ticket.as_str(), "told from A to B: {heard:?}");

    // The agent takes it on B and answers; the customer's socket on A receives it.
    let res = b.post(Some(&ana_token), &format!("/tickets/{ticket}/assign"), json!({ "agentId": ana })).await;
    assert_eq!(res.status(), 200);
    let res =
        b.post(Some(&ana_token), &format!("/conversations/{id}/messages"), json!({ "content": "Soy Ana." })).await;
    assert_eq!(res.status(), 201);
    let seen = seqs_until(&mut widget, is_agent_saying("Soy Ana.")).await;
    let last = *seen.last().unwrap();
    let assigned = until(&mut lead, |e| e["type"] == "ticket_assigned").await;
    assert_eq!(assigned.last().unwrap()["data"]["assigned_to"], ana, "told from B to A");
    let lead_cursor = assigned.last().unwrap()["seq"].as_u64().unwrap();

    // A dies mid-chat. The agent goes on writing; the widget comes back through B from where it was.
    a.kill();
    let text = json!({ "content": "¿Sigue ahí?" });
    assert_eq!(b.post(Some(&ana_token), &format!("/conversations/{id}/messages"), text).await.status(), 201);
    let mut widget = connect(&customer_ws(&b, last)).await;
    let missed = seqs_until(&mut widget, is_agent_saying("¿Sigue ahí?")).await;
    assert_eq!(missed, ((last + 1)..=*missed.last().unwrap()).collect::<Vec<_>>(), "in order, none missing");
    let says = b.client.post(b.api("/chat/message")).header("x-visitor-token", visitor);
    let res = says.json(&json!({ "conversation_id": id, "message": "Sí, aquí sigo" })).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let from_customer = |e: &Value| e["type"] == "new_message" && e["data"]["message"]["content"] == "Sí, aquí sigo";
    until(&mut desk, from_customer).await;

    // The transcript on B has every message once, numbered without gaps.
    let history = b.client.get(b.api(&format!("/chat/{id}/messages"))).header("x-visitor-token", visitor);
    let history: Vec<Value> = history.send().await.unwrap().json().await.unwrap();
    let seqs: Vec<i64> = history.iter().map(|m| m["seq"].as_i64().unwrap()).collect();
    assert_eq!(seqs, (1..=seqs.len() as i64).collect::<Vec<_>>());
    assert_eq!(history.iter().filter(|m| m["content"] == "¿Sigue ahí?").count(), 1);

    // The supervisor's cursor was numbered by A: B cannot fill the gap, so it says resync.
    let (_, lead_on_b) = b.login("lead@bank.test").await;
    let mut lead = connect(&b.ws(&format!("/ws?token={lead_on_b}&after_seq={lead_cursor}"))).await;
    assert_eq!(next(&mut lead).await["type"], "hello");
    assert_eq!(next(&mut lead).await["type"], "resync");
}

#[tokio::test]
async fn a_server_that_lost_the_others_for_a_moment_tells_its_sockets_to_resync() {
    let app = crate::harness::spawn_app().await;
    if app.state.db.get_database_backend() != sea_orm::DbBackend::Postgres {
        return;
    }
    let (_, token) = app.token_for("lead", domain::model::Role::Supervisor).await;
    let mut desk = connect(&format!("{}/ws?token={token}", app.api("").replacen("http", "ws", 1))).await;
    assert_eq!(next(&mut desk).await["type"], "hello");
    // Cut the connection this server listens on; whatever others said meanwhile is unknown.
    let cut = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
               WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()";
    let cut = sea_orm::Statement::from_string(sea_orm::DbBackend::Postgres, cut);
    let mut resync = None;
    for _ in 0..100 {
        if sea_orm::ConnectionTrait::query_all_raw(&app.state.db, cut.clone()).await.unwrap().len() == 1 {
            resync = Some(until(&mut desk, |e| e["type"] == "resync").await);
            break;
        }
        // The listener connects just after start-up.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(resync.is_some(), "the listening connection was found and cut");
}

#[tokio::test]
async fn on_sigterm_sockets_are_sent_to_reconnect_and_the_server_stops() {
    use futures::StreamExt;
    use tokio_tungstenite::tungstenite::Message;
    let db = TestDb::new().await;
    let out = joxai(&db)
        .args(["user", "create", "--email", "lead@bank.test", "--password", "desk-password", "--role", "supervisor"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut server = Server::start(&db).await;
    let (_, lead) = server.login("lead@bank.test").await;
    let mut desk = connect(&server.ws(&format!("/ws?token={lead}"))).await;
    let cursor = next(&mut desk).await["seq"].as_u64().unwrap();
    let chat: Value = server.post(None, "/chat/start", json!({})).await.json().await.unwrap();
    let (id, visitor) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    let mut widget = connect(&server.ws(&format!("/chat/ws?conversation_id={id}&token={visitor}"))).await;
    assert_eq!(next(&mut widget).await["seq"], 1);

    let pid = server.child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let close = loop {
        match tokio::time::timeout(Duration::from_secs(5), widget.next()).await.expect("a close in time") {
            Some(Ok(Message::Close(frame))) => break frame.expect("a close frame with a code"),
            Some(Ok(_)) => {}
            other => panic!("the socket ended without a close frame: {other:?}"),
        }
    };
    assert_eq!(u16::from(close.code), 1012, "service restart: reconnect");
    let mut exited = None;
    for _ in 0..150 {
        exited = server.child.try_wait().unwrap();
        if exited.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(exited.expect("stopped within the drain deadline").success());
    // What the customer was told was received is still there for the next server.
    let mut again = Server::start(&db).await;
    let history = again.client.get(again.api(&format!("/chat/{id}/messages"))).header("x-visitor-token", visitor);
    assert_eq!(history.send().await.unwrap().json::<Vec<Value>>().await.unwrap().len(), 1);
    // A staff cursor from before the restart cannot be replayed: resync.
    let (_, lead) = again.login("lead@bank.test").await;
    let mut desk = connect(&again.ws(&format!("/ws?token={lead}&after_seq={cursor}"))).await;
    assert_eq!(next(&mut desk).await["type"], "hello");
    assert_eq!(next(&mut desk).await["type"], "resync");
    again.kill();
}
