//! While a customer waits for a person: their place in line and an estimated wait on their socket,
//! moving as the queue moves, or when the bank opens; then read receipts both ways and the
//! unread counts in the staff's list.

use domain::model::Role;
use futures::SinkExt;
use reqwest::Method;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::harness::{TestApp, spawn_app};
use crate::realtime::{Socket, connect, next, until};

async fn waiting_customer(app: &TestApp, language: &str) -> (String, String, Socket) {
    let chat = app.start_chat(language).await;
    let (id, token) = (chat["conversation_id"].as_str().unwrap().to_owned(), chat["visitor_token"].as_str().unwrap());
    assert_eq!(
        app.customer_says(&id, token, if language == "es" { "¿Hola, me ayudan?" } else { "Hello, can you help?" })
            .await
            .status(),
        200
    );
    app.customer_escalates(token, &json!({ "conversation_id": id })).await;
    let url = format!("{}/chat/ws?conversation_id={id}&token={token}", app.api("").replacen("http", "ws", 1));
    let socket = connect(&url).await;
    (id, token.to_owned(), socket)
}

fn queue(e: &Value) -> bool {
    e["type"] == "queue"
}

#[tokio::test]
async fn a_waiting_customer_sees_their_place_and_both_sides_see_what_was_read() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let (agent, agent_token) = app.token_for("agent", Role::Agent).await;

    let (first, _, mut first_socket) = waiting_customer(&app, "en").await;
    let place = until(&mut first_socket, queue).await.pop().unwrap();
    assert_eq!((place["position"].as_u64(), place["conversation_id"].as_str()), (Some(1), Some(first.as_str())));
    assert!(place["text"].as_str().unwrap().starts_with("You are number 1 in line"), "{place}");
    assert!(place["wait_minutes"].as_u64().unwrap() >= 1);
    let (second, second_token, mut second_socket) = waiting_customer(&app, "es").await;
    let place = until(&mut second_socket, queue).await.pop().unwrap();
    assert_eq!(place["position"], 2);
    assert!(place["text"].as_str().unwrap().starts_with("Eres el número 2 en la fila"), "{place}");

    // The first is taken: they hear the wait is over, the second moves up.
    let tickets: Vec<Value> = serde_json::from_value(app.get_json(&admin, "/tickets?status=OPEN").await).unwrap();
    let ticket = |c: &str| tickets.iter().find(|t| t["conversation_id"] == c).unwrap()["ticket_id"].clone();
    let path = format!("/tickets/{}/assign", ticket(&first).as_str().unwrap());
    assert_eq!(app.send(Method::POST, &admin, &path, Some(json!({ "agentId": agent.id }))).await.status(), 200);
    let over = until(&mut first_socket, |e| queue(e) && e["text"] == "").await.pop().unwrap();
    assert_eq!(over["position"], 0);
    let moved = until(&mut second_socket, |e| queue(e) && e["position"] == 1).await.pop().unwrap();
    assert!(moved["text"].as_str().unwrap().starts_with("Eres el número 1"));

    // Outside business hours the text says when the bank opens (hours that are never now).
    let now = chrono::Utc::now();
    let today = chrono::Datelike::weekday(&now).num_days_from_monday() as usize;
    let closed_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][(today + 3) % 7];
    let hours = json!({ "utc_offset_minutes": 0, "days": [{ "day": closed_day, "open": "09:00", "close": "10:00" }] });
    let body = json!({ "key": "chat.business_hours", "value": hours });
    assert_eq!(app.send(Method::POST, &admin, "/settings/system", Some(body)).await.status(), 201);
    drop(second_socket);
    let url =
        format!("{}/chat/ws?conversation_id={second}&token={second_token}", app.api("").replacen("http", "ws", 1));
    let mut second_socket = connect(&url).await;
    let closed = until(&mut second_socket, queue).await.pop().unwrap();
    assert!(closed["text"].as_str().unwrap().starts_with("Ahora estamos cerrados"), "{closed}");
    assert!(closed["text"].as_str().unwrap().contains("a las 09:00"), "{closed}");

    // Read receipts: the agent reads the first conversation; its customer hears it.
    let detail = app.get_json(&agent_token, &format!("/conversations/{first}")).await;
    let last = detail["last_seq"].as_i64().unwrap();
    let list: Vec<Value> = serde_json::from_value(app.get_json(&admin, "/conversations").await).unwrap();
    let row = list.iter().find(|c| c["id"] == first.as_str()).unwrap();
    assert!(row["unread"].as_u64().unwrap() >= 1, "the customer's message is unread: {row}");
    let read_path = |id: &str| format!("/conversations/{id}/read");
    let res = app.send(Method::POST, &agent_token, &read_path(&first), Some(json!({ "up_to": 9999 }))).await;
    assert_eq!(res.status(), 200);
    let marks: Value = res.json().await.unwrap();
    assert_eq!(marks["agent_read_seq"], last, "capped at the last message");
    let read = until(&mut first_socket, |e| e["type"] == "read").await.pop().unwrap();
    assert_eq!(read["up_to"], last);
    let list: Vec<Value> = serde_json::from_value(app.get_json(&admin, "/conversations").await).unwrap();
    assert_eq!(list.iter().find(|c| c["id"] == first.as_str()).unwrap()["unread"], 0);
    let res = app.send(Method::POST, &agent_token, &read_path(&second), Some(json!({ "up_to": 1 }))).await;
    assert_eq!(res.status(), 200, "nobody's conversation: any agent may read it");
    let (_, other) = app.token_for("other", Role::Agent).await;
    let res = app.send(Method::POST, &other, &read_path(&first), Some(json!({ "up_to": 1 }))).await;
    assert_eq!(res.status(), 403, "another agent's conversation");
    let (_, viewer) = app.token_for("viewer", Role::Viewer).await;
    let res = app.send(Method::POST, &viewer, &read_path(&first), Some(json!({ "up_to": 1 }))).await;
    assert_eq!(res.status(), 403);
    let res = app.send(Method::POST, &admin, &read_path(&first), Some(json!({ "up_to": "x" }))).await;
    assert_eq!(res.status(), 422);

    // The agent writes; the customer's widget says it has shown it; the agent hears so.
    let ws = format!("{}/ws?token={agent_token}", app.api("").replacen("http", "ws", 1));
    let mut staff = connect(&ws).await;
    assert_eq!(next(&mut staff).await["type"], "hello");
    let reply = json!({ "content": "Hello, I am Ana." });
    let sent = app.send(Method::POST, &agent_token, &format!("/conversations/{first}/messages"), Some(reply)).await;
    let seq = sent.json::<Value>().await.unwrap()["seq"].as_i64().unwrap();
    until(&mut first_socket, |e| e["seq"] == seq).await;
    for up_to in [seq + 5, seq] {
        // Past what the socket sent is ignored; then the real mark.
        let frame = json!({ "type": "read", "up_to": up_to }).to_string();
        first_socket.send(Message::Text(frame.into())).await.unwrap();
    }
    let heard = until(&mut staff, |e| e["type"] == "customer_read").await.pop().unwrap();
    let data = &heard["data"];
    assert_eq!((data["conversation_id"].as_str(), data["up_to"].as_i64()), (Some(first.as_str()), Some(seq)));
    let detail = app.get_json(&agent_token, &format!("/conversations/{first}")).await;
    assert_eq!(detail["customer_read_seq"], seq);
}
