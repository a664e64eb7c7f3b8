//! The sockets: a customer's conversation stream and the staff stream, both numbered; a socket
//! that reconnects with the last number it saw gets what it missed; staff events are routed by
//! role; the visitor token guards the customer socket.

use reqwest::Method;
use std::time::Duration;

use domain::model::Role;
use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::harness::{TestApp, spawn_app};

pub type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

fn ws_url(app: &TestApp, path: &str) -> String {
    format!("{}{path}", app.api("").replacen("http", "ws", 1))
}

pub async fn connect(url: &str) -> Socket {
    tokio_tungstenite::connect_async(url).await.unwrap().0
}

/// The next JSON event (pings and pongs skipped).
pub async fn next(socket: &mut Socket) -> Value {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(5), socket.next()).await.expect("an event in time");
        if let Some(Ok(Message::Text(text))) = frame {
            return serde_json::from_str(&text).unwrap();
        }
        assert!(matches!(frame, Some(Ok(Message::Ping(_) | Message::Pong(_)))), "{frame:?}");
    }
}

/// Events until one matches `until` (inclusive).
pub async fn until(socket: &mut Socket, until: impl Fn(&Value) -> bool) -> Vec<Value> {
    let mut seen = Vec::new();
    loop {
        let event = next(socket).await;
        let done = until(&event);
        seen.push(event);
        if done {
            return seen;
        }
    }
}

async fn start(app: &TestApp) -> (String, String) {
    let chat: Value =
        app.client.post(app.api("/chat/start")).json(&json!({})).send().await.unwrap().json().await.unwrap();
    (chat["conversation_id"].as_str().unwrap().to_owned(), chat["visitor_token"].as_str().unwrap().to_owned())
}

async fn say(app: &TestApp, id: &str, token: &str, message: &str) {
    assert_eq!(app.customer_says(id, token, message).await.status(), 200);
}

#[tokio::test]
async fn a_customer_socket_streams_and_resumes_without_loss() {
    let app = spawn_app().await;
    domain::seed::demo_knowledge(&app.state).await.unwrap();
    let (id, token) = start(&app).await;
    let url = |after: i64| ws_url(&app, &format!("/chat/ws?conversation_id={id}&token={token}&after_seq={after}"));

    let mut socket = connect(&url(0)).await;
    let greeting = next(&mut socket).await;
    assert_eq!((greeting["type"].as_str(), greeting["seq"].as_i64()), (Some("new_message"), Some(1)));
    say(&app, &id, &token, "¿A qué hora abren las sucursales?").await;
    let question = next(&mut socket).await;
    assert_eq!((question["seq"].as_i64(), question["message"]["role"].as_str()), (Some(2), Some("customer")));
    let answer = next(&mut socket).await;
    assert_eq!((answer["seq"].as_i64(), answer["message"]["role"].as_str()), (Some(3), Some("assistant")));
    assert_eq!(answer["message"]["metadata"]["sources"][0]["title"], "Horario de sucursales");

    // Dropped: what happens meanwhile arrives on reconnect, once, in order.
    socket.close(None).await.unwrap();
    drop(socket);
    say(&app, &id, &token, "¿Y los sábados?").await;
    let escalated = app.customer_escalates(&token, &json!({ "conversation_id": id })).await;
    assert!(escalated["ticket_id"].is_string());
    let mut socket = connect(&url(3)).await;
    let missed = until(&mut socket, |e| e["type"] == "escalated").await;
    let seqs: Vec<i64> = missed.iter().map(|e| e["seq"].as_i64().unwrap()).collect();
    assert_eq!(seqs, vec![4, 5, 6]);

    // Live after the replay (the customer now waits for a person: their place in line comes too),
    // and a ping is answered.
    socket.send(Message::Text(json!({ "type": "ping" }).to_string().into())).await.unwrap();
    assert_eq!(until(&mut socket, |e| e["type"] != "queue").await.pop().unwrap()["type"], "pong");

    // Another conversation's token does not open this one.
    let (_, other_token) = start(&app).await;
    let wrong = ws_url(&app, &format!("/chat/ws?conversation_id={id}&token={other_token}"));
    match tokio_tungstenite::connect_async(&wrong).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => assert_eq!(response.status(), 403),
        other => panic!("expected 403, got {:?}", other.map(|_| ())),
    }
}

#[tokio::test]
async fn staff_hear_their_work_live_and_resume_after_a_drop() {
    let app = spawn_app().await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let (alice, alice_token) = app.token_for("alice", Role::Agent).await;
    let (bob, _) = app.token_for("bob", Role::Agent).await;
    let (_, admin) = app.token_for("root", Role::Admin).await;

    let mut lead_socket = connect(&ws_url(&app, &format!("/ws?token={lead}"))).await;
    let mut alice_socket = connect(&ws_url(&app, &format!("/ws?token={alice_token}"))).await;
    assert_eq!(next(&mut lead_socket).await["type"], "hello");
    assert_eq!(next(&mut alice_socket).await["type"], "hello");

    // A customer escalates: everyone hears about the new, unassigned ticket.
    let (first, first_token) = start(&app).await;
    app.customer_escalates(&first_token, &json!({ "conversation_id": first })).await;
    let escalated = |e: &Value| e["data"]["message"]["metadata"]["event"] == "escalated";
    let heard = until(&mut alice_socket, escalated).await;
    let created = heard.iter().find(|e| e["type"] == "ticket_created").expect("ticket_created");
    let ticket_id = created["data"]["ticket_id"].as_str().unwrap().to_owned();
    until(&mut lead_socket, escalated).await;

    // Given to Bob: the supervisor hears it; Alice hears nothing more of that conversation.
    let res = app
        .send(Method::POST, &lead, &format!("/tickets/{ticket_id}/assign"), Some(json!({ "agentId": bob.id })))
        .await;
    assert_eq!(res.status(), 200);
    let assigned = until(&mut lead_socket, |e| e["type"] == "ticket_assigned").await;
    let last_seen = assigned.last().unwrap()["seq"].as_u64().unwrap();
    say(&app, &first, &first_token, "¿Hola?").await;
    let (second, second_token) = start(&app).await;
    app.customer_escalates(&second_token, &json!({ "conversation_id": second })).await;
    let heard = until(&mut alice_socket, |e| e["type"] == "ticket_created").await;
    assert!(
        heard.iter().all(|e| e["data"]["conversation_id"] != first.as_str()),
        "alice heard about bob's conversation: {heard:?}"
    );
    assert!(heard.iter().any(|e| e["data"]["conversation_id"] == second.as_str()));
    assert_ne!(alice.id, bob.id);

    // The supervisor drops and comes back: the missed events arrive, numbered without gaps.
    drop(lead_socket);
    let mut lead_socket = connect(&ws_url(&app, &format!("/ws?token={lead}&after_seq={last_seen}"))).await;
    assert_eq!(next(&mut lead_socket).await["type"], "hello");
    let missed = until(&mut lead_socket, |e| e["type"] == "ticket_created").await;
    let seqs: Vec<u64> = missed.iter().map(|e| e["seq"].as_u64().unwrap()).collect();
    assert_eq!(seqs.first(), Some(&(last_seen + 1)));
    assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "{seqs:?}");

    let stats: Value = app.get(&admin, "/ws/stats").await.json().await.unwrap();
    assert!(stats["staff_connections"].as_u64().unwrap() >= 2);
    let res = app.get(&alice_token, "/ws/stats").await;
    assert_eq!(res.status(), 403);
    match tokio_tungstenite::connect_async(ws_url(&app, "/ws?token=not-a-token")).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => assert_eq!(response.status(), 401),
        other => panic!("expected 401, got {:?}", other.map(|_| ())),
    }
}

/// Waits until the server closes `socket` (events before that are skipped).
async fn closed_within(socket: &mut Socket, secs: u64) -> bool {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
    loop {
        match tokio::time::timeout_at(deadline, socket.next()).await {
            Err(_) => return false,
            Ok(None | Some(Err(_)) | Some(Ok(Message::Close(_)))) => return true,
            Ok(Some(Ok(_))) => {}
        }
    }
}

#[tokio::test]
async fn a_staff_socket_closes_when_its_user_may_no_longer_listen() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("root", Role::Admin).await;
    for change in
        [json!({ "is_active": false }), json!({ "role": "Viewer" }), json!({ "password": "a-new-password-1" })]
    {
        let (agent, token) = app.token_for(&format!("agent{}", uuid::Uuid::new_v4().simple()), Role::Agent).await;
        let mut socket = connect(&ws_url(&app, &format!("/ws?token={token}"))).await;
        assert_eq!(next(&mut socket).await["type"], "hello");
        let res = app.send(reqwest::Method::PATCH, &admin, &format!("/users/{}", agent.id), Some(change.clone())).await;
        assert_eq!(res.status(), 200, "{change}");
        assert!(closed_within(&mut socket, 10).await, "still open after {change}");
    }
}

#[tokio::test]
async fn sockets_are_bounded_and_a_cookie_socket_must_come_from_the_panel() {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let app = spawn_app().await;
    let (id, token) = start(&app).await;
    let url = ws_url(&app, &format!("/chat/ws?conversation_id={id}&token={token}"));

    // A few sockets per conversation; the next is refused until one closes.
    let mut open = Vec::new();
    for _ in 0..5 {
        open.push(connect(&url).await);
    }
    match tokio_tungstenite::connect_async(&url).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => assert_eq!(response.status(), 429),
        other => panic!("expected 429, got {:?}", other.map(|_| ())),
    }
    let mut first = open.remove(0);
    first.close(None).await.unwrap();
    drop(first);
    let mut again = None;
    for _ in 0..50 {
        if let Ok((socket, _)) = tokio_tungstenite::connect_async(&url).await {
            again = Some(socket);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut socket = again.expect("a slot frees when a socket closes");

    // A frame over 16 KB ends the socket.
    socket.send(Message::Text("x".repeat(20 * 1024).into())).await.unwrap_or(());
    assert!(closed_within(&mut socket, 5).await, "an oversized frame is refused");

    // With the session cookie as the credential, the Origin must be the panel's own.
    let (_, staff) = app.token_for("ana", Role::Agent).await;
    let cookie = format!("{}={staff}", app::api::session::ACCESS_COOKIE);
    let request = |origin: &str| {
        let mut req = ws_url(&app, "/ws").into_client_request().unwrap();
        req.headers_mut().insert("cookie", cookie.parse().unwrap());
        req.headers_mut().insert("origin", origin.parse().unwrap());
        req
    };
    match tokio_tungstenite::connect_async(request("https://evil.example")).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => assert_eq!(response.status(), 403),
        other => panic!("expected 403, got {:?}", other.map(|_| ())),
    }
    let (mut socket, _) = tokio_tungstenite::connect_async(request(&app.base)).await.unwrap();
    assert_eq!(next(&mut socket).await["type"], "hello");
}

/// A socket opened on the session cookie ends with the session: signing out (or the session
/// lapsing) closes it within seconds, though its access token is still unexpired.
#[tokio::test]
async fn a_cookie_socket_closes_when_its_session_ends() {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let app = spawn_app().await;
    app.user("bea", Role::Agent).await;
    let body: Value = app.login("bea", "bea-password").await.json().await.unwrap();
    let access = body["access_token"].as_str().unwrap();
    let refresh = body["refresh_token"].as_str().unwrap();
    let cookie =
        format!("{}={access}; {}={refresh}", app::api::session::ACCESS_COOKIE, app::api::session::REFRESH_COOKIE);
    let mut req = ws_url(&app, "/ws").into_client_request().unwrap();
    req.headers_mut().insert("cookie", cookie.parse().unwrap());
    req.headers_mut().insert("origin", app.base.parse().unwrap());
    let (mut socket, _) = tokio_tungstenite::connect_async(req).await.unwrap();
    assert_eq!(next(&mut socket).await["type"], "hello");
    assert!(!closed_within(&mut socket, 4).await, "a live session keeps its socket");
    let res = app.send(Method::POST, access, "/auth/logout", Some(json!({ "refresh_token": refresh }))).await;
    assert_eq!(res.status(), 204);
    assert!(closed_within(&mut socket, 10).await, "still open after signing out");
}
