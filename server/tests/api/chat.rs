//! `/chat/*`: start, message (stored first, answered, escalated), escalate (idempotent, even when
//! raced), history with the visitor token (and not with another conversation's), retries with a
//! client message id, and bad input that changes nothing.

use domain::model::Role;
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app};

async fn start(app: &TestApp, body: Value) -> Value {
    let res = app.client.post(app.api("/chat/start")).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn send(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.customer_post(token, "/chat/message", &body).await
}

/// Says `message` in the conversation `chat` (the answer of `/chat/start`) with its visitor token.
async fn say(app: &TestApp, chat: &Value, message: &str) -> Value {
    let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    let res = send(app, token, json!({ "conversation_id": id, "message": message, "context": {} })).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn history(app: &TestApp, conversation: &str, token: &str, after: i64) -> reqwest::Response {
    app.client
        .get(app.api(&format!("/chat/{conversation}/messages")))
        .query(&[("after_seq", after)])
        .header("x-visitor-token", token)
        .send()
        .await
        .unwrap()
}

async fn with_kb() -> TestApp {
    let app = spawn_app().await;
    domain::seed::demo_knowledge(&app.state).await.unwrap();
    app
}

async fn message_count(app: &TestApp) -> u64 {
    use sea_orm::{EntityTrait, PaginatorTrait};
    domain::entities::messages::Entity::find().count(&app.state.db).await.unwrap()
}

#[tokio::test]
async fn a_conversation_starts_with_a_greeting_and_a_visitor_token() {
    let app = spawn_app().await;
    let body =
        start(&app, json!({ "user_id": "customer_12345", "metadata": { "email": "customer@example.com" } })).await;
    let id = body["conversation_id"].as_str().unwrap();
    assert!(uuid::Uuid::parse_str(id).unwrap().get_version_num() == 4);
    assert_eq!(body["status"], "started");
    let first = &body["messages"][0];
    assert_eq!(first["id"], 1);
    assert_eq!(first["role"], "assistant");
    assert!(first["content"].as_str().unwrap().starts_with("¡Hola!"));
    assert!(first["timestamp"].is_string());
    assert!(body["visitor_token"].as_str().unwrap().len() >= 40);

    let english = start(&app, json!({ "language": "en" })).await;
    assert!(english["messages"][0]["content"].as_str().unwrap().starts_with("Hello!"));
    let res = app.client.post(app.api("/chat/start")).json(&json!({ "language": "fr" })).send().await.unwrap();
    assert_eq!(res.status(), 422);
}

#[tokio::test]
async fn messages_are_stored_redacted_and_answered_from_the_knowledge_base() {
    let app = with_kb().await;
    let chat = start(&app, json!({})).await;
    let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());

    let body = say(&app, &chat, "¿Cómo bloqueo mi tarjeta desde la app? Mi tarjeta es 4111 1111 1111 1111").await;
    assert!(body["message"].as_str().unwrap().contains("Bloquear tarjeta"), "{body}");
    assert_eq!(body["conversation_id"], id);
    assert_eq!(body["status"], "BOT");
    assert_eq!(body["metadata"]["sources"][0]["title"], "Bloquear una tarjeta perdida o robada");
    assert_eq!(body["metadata"]["provider"], "local");
    assert_eq!((body["message_seq"].as_i64(), body["reply_seq"].as_i64()), (Some(2), Some(3)));

    let res = history(&app, id, token, 0).await;
    assert_eq!(res.status(), 200);
    let messages: Vec<Value> = res.json().await.unwrap();
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[1]["role"], "customer");
    let stored = messages[1]["content"].as_str().unwrap();
    assert!(!stored.contains("4111 1111 1111 1111") && stored.contains("1111"), "{stored}");
    assert_eq!(messages[2]["role"], "assistant");
    assert_eq!(messages[2]["metadata"]["intent"], "knowledge");
    let after: Vec<Value> = history(&app, id, token, 2).await.json().await.unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0]["seq"], 3);

    // The answer is in the accuracy log, linked to the conversation.
    let (_, staff) = app.token_for("agent", Role::Agent).await;
    let log: Vec<Value> = app.get(&staff, "/assistant/answers").await.json().await.unwrap();
    assert_eq!(log[0]["channel"], "chat");
    assert_eq!(log[0]["conversation_id"], id);
}

#[tokio::test]
async fn an_urgent_report_opens_one_ticket_and_the_assistant_goes_quiet() {
    let app = with_kb().await;
    let chat =
        start(&app, json!({ "user_id": "cust-9", "metadata": { "name": "Ana Pérez", "email": "ana@example.com" } }))
            .await;
    let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());

    let body = say(&app, &chat, "Me robaron la tarjeta hace una hora").await;
    let ticket_id = body["ticket_id"].as_str().unwrap().to_owned();
    assert!(ticket_id.starts_with("TKT-") && ticket_id.len() == 12, "{ticket_id}");
    assert!(ticket_id[4..].chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
    assert_eq!(body["metadata"]["ticket_id"], ticket_id.as_str());
    assert_eq!(body["metadata"]["escalated"], true);
    assert_eq!(body["status"], "WAITING");
    assert!(body["message"].as_str().unwrap().contains(&ticket_id));

    // Asking for a person again, however often, returns the same ticket.
    for _ in 0..2 {
        let res = app.customer_post(token, "/chat/escalate", &json!({ "conversation_id": id })).await;
        assert_eq!(res.status(), 200);
        let escalated: Value = res.json().await.unwrap();
        assert_eq!(escalated["ticket_id"], ticket_id.as_str());
        assert_eq!(escalated["message"], "Conversation escalated to human agent");
    }

    // While a person has it, the assistant stays quiet, but the message is kept.
    let quiet = say(&app, &chat, "¿Sigue ahí alguien?").await;
    assert_eq!(quiet["message"], "");
    assert_eq!(quiet["status"], "WAITING");
    let messages: Vec<Value> = history(&app, id, token, 0).await.json().await.unwrap();
    assert_eq!(messages.last().unwrap()["content"], "¿Sigue ahí alguien?");

    let (_, staff) = app.token_for("agent", Role::Agent).await;
    let res = app.get(&staff, "/tickets").await;
    assert_eq!(res.headers()["x-total-count"], "1");
    let tickets: Vec<Value> = res.json().await.unwrap();
    assert_eq!(tickets[0]["ticket_id"], ticket_id.as_str());
    assert_eq!(tickets[0]["priority"], "URGENT");
    assert_eq!(tickets[0]["status"], "OPEN");
    assert_eq!(tickets[0]["category"], "stolen_card");
    assert_eq!(tickets[0]["customer_name"], "Ana Pérez");
    assert_eq!(tickets[0]["customer_email"], "ana@example.com");
    assert_eq!(tickets[0]["conversation_id"], id);
    let one: Value = app.get_json(&staff, &format!("/tickets/{}", ticket_id.to_lowercase())).await;
    assert_eq!(one["ticket_id"], ticket_id.as_str());
    let filtered = app.get_with(&staff, "/tickets", &[("status", "in_progress")]).await;
    assert_eq!(filtered.headers()["x-total-count"], "0");
    let bad = app.get_with(&staff, "/tickets", &[("status", "lost")]).await;
    assert_eq!(bad.status(), 422);
    assert_eq!(app.client.get(app.api("/tickets")).send().await.unwrap().status(), 401);
}

#[tokio::test]
async fn racing_escalations_open_a_single_ticket() {
    let app = spawn_app().await;
    let chat = start(&app, json!({})).await;
    let id = chat["conversation_id"].as_str().unwrap().to_owned();
    let mut handles = Vec::new();
    for _ in 0..6 {
        let (client, url, id) = (app.client.clone(), app.api("/chat/escalate"), id.clone());
        let token = chat["visitor_token"].as_str().unwrap().to_owned();
        handles.push(tokio::spawn(async move {
            let body = json!({ "conversation_id": id, "priority": "high", "category": "account_inquiry" });
            let res = client.post(url).header("x-visitor-token", token).json(&body).send().await.unwrap();
            assert_eq!(res.status(), 200);
            res.json::<Value>().await.unwrap()["ticket_id"].as_str().unwrap().to_owned()
        }));
    }
    let mut ids = Vec::new();
    for h in handles {
        ids.push(h.await.unwrap());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(domain::entities::tickets::Entity::find().count(&app.state.db).await.unwrap(), 1);
    let messages: Vec<Value> =
        history(&app, &id, chat["visitor_token"].as_str().unwrap(), 0).await.json().await.unwrap();
    assert_eq!(messages.iter().filter(|m| m["role"] == "system").count(), 1, "one hand-over notice");
}

#[tokio::test]
async fn a_retried_message_is_stored_and_answered_once() {
    let app = with_kb().await;
    let chat = start(&app, json!({})).await;
    let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    let body =
        json!({ "conversation_id": id, "message": "¿Qué comisiones cobra la cuenta?", "client_message_id": "m-1" });
    let first: Value = send(&app, token, body.clone()).await.json().await.unwrap();
    let again: Value = send(&app, token, body).await.json().await.unwrap();
    assert_eq!(first, again);
    let messages: Vec<Value> = history(&app, id, token, 0).await.json().await.unwrap();
    assert_eq!(messages.len(), 3, "greeting, message, reply — once each");
}

#[tokio::test]
async fn two_unsure_answers_in_a_row_hand_over() {
    let app = with_kb().await;
    let chat = start(&app, json!({ "language": "en" })).await;
    let first = say(&app, &chat, "Can you recommend a good restaurant?").await;
    assert_eq!(first["status"], "BOT");
    assert_eq!(first["metadata"]["intent"], "unknown");
    let second = say(&app, &chat, "What about a pizza place downtown?").await;
    assert_eq!(second["status"], "WAITING");
    assert_eq!(second["metadata"]["intent"], "low_confidence");
    assert!(second["ticket_id"].as_str().unwrap().starts_with("TKT-"));
}

#[tokio::test]
async fn bad_input_gets_a_clear_error_and_changes_nothing() {
    let app = spawn_app().await;
    let chat = start(&app, json!({})).await;
    let other = start(&app, json!({})).await;
    let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    let before = message_count(&app).await;

    let cases = [
        (json!({ "conversation_id": id, "message": "   " }), 422),
        (json!({ "conversation_id": id, "message": "x".repeat(4001) }), 413),
        (json!({ "conversation_id": id }), 422),
        (json!({ "conversation_id": id, "message": "hola", "client_message_id": "" }), 422),
        (json!({ "conversation_id": uuid::Uuid::new_v4().to_string(), "message": "hola" }), 404),
        (json!({ "conversation_id": "not-a-uuid", "message": "hola" }), 404),
    ];
    for (body, status) in cases {
        let res = send(&app, token, body.clone()).await;
        assert_eq!(res.status(), status, "{body}");
        assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    }
    let res = app
        .client
        .post(app.api("/chat/message"))
        .header("content-type", "application/json")
        .body("{\"conversation_id\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let res =
        app.customer_post(token, "/chat/escalate", &json!({ "conversation_id": id, "priority": "someday" })).await;
    assert_eq!(res.status(), 422);
    assert_eq!(message_count(&app).await, before, "nothing stored");

    // History: the token is required, and only opens its own conversation.
    let res = app.client.get(app.api(&format!("/chat/{id}/messages"))).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let res = history(&app, id, other["visitor_token"].as_str().unwrap(), 0).await;
    assert_eq!(res.status(), 403);
    let res = history(&app, id, token, -1).await;
    assert_eq!(res.status(), 422);
    let res = history(&app, &uuid::Uuid::new_v4().to_string(), token, 0).await;
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn a_conversation_id_alone_opens_nothing_and_the_policy_sets_the_priority() {
    let app = spawn_app().await;
    let (_, staff) = app.token_for("sup", Role::Supervisor).await;
    let chat = start(&app, json!({})).await;
    let other = start(&app, json!({})).await;
    let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    let stranger = other["visitor_token"].as_str().unwrap();
    let before = message_count(&app).await;

    // Writing or asking for a person needs this conversation's own visitor token.
    let message = json!({ "conversation_id": id, "message": "Quiero hablar con un agente" });
    let res = app.client.post(app.api("/chat/message")).json(&message).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    assert_eq!(send(&app, stranger, message.clone()).await.status(), 403);
    let escalate = |token: Option<&str>, body: Value| {
        let mut req = app.client.post(app.api("/chat/escalate")).json(&body);
        if let Some(token) = token {
            req = req.header("x-visitor-token", token);
        }
        req.send()
    };
    assert_eq!(escalate(None, json!({ "conversation_id": id })).await.unwrap().status(), 401);
    assert_eq!(escalate(Some(stranger), json!({ "conversation_id": id })).await.unwrap().status(), 403);
    assert_eq!(escalate(Some(""), json!({ "conversation_id": id })).await.unwrap().status(), 401);
    // The category is one of the documented names.
    let res = escalate(Some(token), json!({ "conversation_id": id, "category": "x".repeat(60) })).await.unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(message_count(&app).await, before, "nothing stored");
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(domain::entities::tickets::Entity::find().count(&app.state.db).await.unwrap(), 0, "no ticket");

    // The client's priority is ignored: a plain request for a person is MEDIUM…
    let body = json!({ "conversation_id": id, "priority": "urgent", "category": "account_inquiry" });
    let res: Value = escalate(Some(token), body).await.unwrap().json().await.unwrap();
    let ticket = app.get_json(&staff, &format!("/tickets/{}", res["ticket_id"].as_str().unwrap())).await;
    assert_eq!((ticket["priority"].as_str(), ticket["category"].as_str()), (Some("MEDIUM"), Some("account_inquiry")));
    // …and what the customer wrote can raise it: a stolen card is URGENT whatever the client says.
    let (id, token) = (other["conversation_id"].as_str().unwrap(), stranger);
    let body =
        json!({ "conversation_id": id, "priority": "low", "description": "Me robaron la cartera con las tarjetas" });
    let res: Value = escalate(Some(token), body).await.unwrap().json().await.unwrap();
    let ticket = app.get_json(&staff, &format!("/tickets/{}", res["ticket_id"].as_str().unwrap())).await;
    assert_eq!((ticket["priority"].as_str(), ticket["category"].as_str()), (Some("URGENT"), Some("stolen_card")));
}

#[tokio::test]
async fn a_customer_turn_is_one_transaction_of_four_statements() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let app = with_kb().await;
    let chat = start(&app, json!({})).await;
    let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    // A state whose connection counts every statement it runs (transaction control excluded).
    let counted = Arc::new(AtomicUsize::new(0));
    let mut state = app.state.clone();
    for db in [&mut state.db, state.writer.connection_mut()] {
        let counter = counted.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
    }
    let counter = counted.clone();
    state.held.count_statements(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let ask = |message: &str, client: &str| domain::model::SendMessageRequest {
        conversation_id: id.to_owned(),
        message: message.to_owned(),
        context: None,
        client_message_id: Some(client.to_owned()),
    };
    let mut cited = Vec::new();
    for (i, message) in ["cuanto cuesta el prestamo personal", "y que requisitos piden?"].into_iter().enumerate() {
        counted.store(0, Ordering::SeqCst);
        let req = ask(message, &format!("c-{i}"));
        let answer = domain::chat::send_customer_message(&state, Some(token), &req).await.unwrap();
        assert!(answer.reply_seq.is_some(), "{message}: answered");
        let statements = counted.load(Ordering::SeqCst);
        assert!(statements <= 4, "{message}: {statements} statements for one customer message");
        cited.push(answer.metadata["sources"][0]["id"].clone());
    }
    // The follow-up was read with the question before it (kept on the conversation).
    assert!(cited[0].is_number() && cited[0] == cited[1], "{cited:?}");
    // Everything a turn writes is there: both messages and the answer log.
    let messages: Vec<Value> = history(&app, id, token, 0).await.json().await.unwrap();
    assert_eq!(messages.len(), 5);
    assert_eq!((&messages[3]["role"], &messages[4]["role"]), (&json!("customer"), &json!("assistant")));
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(domain::entities::assistant_answers::Entity::find().count(&app.state.db).await.unwrap(), 2);
    // A retry of the first message stores nothing and answers with the first reply.
    let again =
        domain::chat::send_customer_message(&state, Some(token), &ask("cuanto cuesta el prestamo personal", "c-0"))
            .await
            .unwrap();
    assert_eq!((again.message_seq, again.reply_seq), (2, Some(3)));
    assert_eq!(message_count(&app).await, 5);
}

#[tokio::test]
async fn turns_written_together_are_each_kept_numbered_and_answered_once() {
    let app = with_kb().await;
    // The assistant's first answer builds its index: done before, not while the writer waits.
    say(&app, &start(&app, json!({})).await, "hola").await;
    let mut chats = Vec::new();
    for _ in 0..6 {
        chats.push(start(&app, json!({})).await);
    }
    // Every conversation sends two messages at once, and the first of them twice (a retry racing
    // the original): the writer commits turns queued together as one group, and a retry's clash
    // must not take the others back with it.
    let ask = |chat: &Value, message: &str, client: &str| {
        let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
        let req = domain::model::SendMessageRequest {
            conversation_id: id.to_owned(),
            message: message.to_owned(),
            context: None,
            client_message_id: Some(client.to_owned()),
        };
        let state = app.state.clone();
        let token = token.to_owned();
        async move { domain::chat::send_customer_message(&state, Some(&token), &req).await.unwrap() }
    };
    let mut sends = Vec::new();
    for chat in &chats {
        sends.push(ask(chat, "¿Qué comisiones cobra la cuenta?", "a"));
        sends.push(ask(chat, "¿Qué comisiones cobra la cuenta?", "a"));
        sends.push(ask(chat, "cuanto cuesta el prestamo personal", "b"));
    }
    // The writer is kept busy meanwhile, so that the turns queue behind it (on SQLite).
    let writer = app.state.writer.clone();
    let busy = tokio::spawn(async move {
        let wait = |_| -> domain::db::Work<()> {
            Box::pin(async {
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                Ok(())
            })
        };
        writer.run(wait).await
    });
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let answers = futures::future::join_all(sends).await;
    busy.await.unwrap().unwrap();
    for (chat, answers) in chats.iter().zip(answers.chunks(3)) {
        assert_eq!(answers[0].message_seq, answers[1].message_seq, "the retry is the original");
        assert_eq!(answers[0].reply_seq, answers[1].reply_seq);
        let (id, token) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
        let messages: Vec<Value> = history(&app, id, token, 0).await.json().await.unwrap();
        let seqs: Vec<i64> = messages.iter().map(|m| m["seq"].as_i64().unwrap()).collect();
        assert_eq!(seqs, [1, 2, 3, 4, 5], "greeting, then two messages and two replies, once each");
    }
}
