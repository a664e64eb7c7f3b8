//! `/assistant`: ask without a conversation (answer, sources, confidence, decision), the accuracy
//! log with verdicts, and redaction before anything is stored.

use domain::model::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app};

async fn with_demo_kb() -> TestApp {
    let app = spawn_app().await;
    domain::seed::demo_knowledge(&app.state).await.unwrap();
    app
}

#[tokio::test]
async fn answers_from_the_knowledge_base_with_sources() {
    let app = with_demo_kb().await;
    let (_, viewer) = app.token_for("viewer", Role::Viewer).await;

    let body = app.ask(&viewer, "¿Cómo bloqueo mi tarjeta desde la app?").await;
    let answer = body["answer"].as_str().unwrap();
    assert!(answer.contains("Bloquear tarjeta"), "{answer}");
    assert!(answer.contains("Fuente: Bloquear una tarjeta perdida o robada"), "{answer}");
    assert!(!answer.contains("5 días hábiles"), "a passage, not the whole article: {answer}");
    let meta = &body["metadata"];
    assert_eq!(meta["sources"][0]["title"], "Bloquear una tarjeta perdida o robada");
    assert!(meta["sources"][0]["id"].is_i64());
    assert_eq!(meta["language"], "es");
    assert_eq!(meta["intent"], "knowledge");
    assert_eq!(meta["escalated"], false);
    assert_eq!(meta["provider"], "local");
    assert!(meta["latency_ms"].is_u64());
    assert!(meta["confidence"].as_f64().unwrap() >= 0.35);
    assert_eq!(body["decision"]["escalate"], false);

    let english = app.ask(&viewer, "How do I wire money abroad?").await;
    assert_eq!(english["metadata"]["language"], "en");
    assert_eq!(english["metadata"]["sources"][0]["title"], "International transfers");

    let log: Vec<Value> = app.get(&viewer, "/assistant/answers").await.json().await.unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["id"], english["answer_id"], "newest first");
    assert_eq!(log[1]["channel"], "preview");
    assert_eq!(log[1]["question"], "¿Cómo bloqueo mi tarjeta desde la app?");
    assert_eq!(log[1]["sources"][0]["title"], "Bloquear una tarjeta perdida o robada");
}

#[tokio::test]
async fn escalates_urgent_reports_and_stores_them_redacted() {
    let app = with_demo_kb().await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;

    let body = app.ask(&agent, "Me robaron la tarjeta 4111 1111 1111 1111, mi correo es ana@example.com").await;
    assert_eq!(body["decision"]["escalate"], true);
    assert_eq!(body["decision"]["category"], "stolen_card");
    assert_eq!(body["decision"]["priority"], "URGENT");
    assert_eq!(body["metadata"]["escalated"], true);
    assert_eq!(body["metadata"]["intent"], "stolen_card");
    let answer = body["answer"].as_str().unwrap();
    assert!(answer.contains("asesor"), "{answer}");

    let id = body["answer_id"].as_i64().unwrap();
    let stored: Value = app.get_json(&agent, &format!("/assistant/answers/{id}")).await;
    let question = stored["question"].as_str().unwrap();
    assert!(!question.contains("4111 1111 1111 1111") && !question.contains("ana@example.com"), "{question}");
    assert!(question.contains("1111"), "last four kept: {question}");

    let human = app.ask(&agent, "I want to talk to a human").await;
    assert_eq!(human["decision"]["category"], "human_requested");
    assert!(human["metadata"]["sources"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn says_so_when_it_does_not_know() {
    let app = with_demo_kb().await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    let body = app.ask(&agent, "Can you recommend a good restaurant in Paris?").await;
    assert_eq!(body["metadata"]["intent"], "unknown");
    assert!(body["metadata"]["sources"].as_array().unwrap().is_empty());
    assert!(body["metadata"]["confidence"].as_f64().unwrap() < 0.35);
    assert_eq!(body["decision"]["escalate"], false, "one unsure answer offers a person, it does not hand over");
    assert!(body["answer"].as_str().unwrap().contains("not sure"));

    let hello = app.ask(&agent, "hola").await;
    assert_eq!(hello["metadata"]["intent"], "greeting");
}

#[tokio::test]
async fn staff_review_answers_and_filter_by_verdict_and_confidence() {
    let app = with_demo_kb().await;
    let (agent_user, agent) = app.token_for("agent", Role::Agent).await;
    let (_, viewer) = app.token_for("viewer", Role::Viewer).await;
    let good = app.ask(&agent, "What are your branch opening hours?").await["answer_id"].as_i64().unwrap();
    let bad = app.ask(&agent, "Can you recommend a good restaurant?").await["answer_id"].as_i64().unwrap();
    app.ask(&agent, "How do I close my account?").await;

    let verdict = |id: i64, token: &str, body: Value| {
        app.client.post(app.api(&format!("/assistant/answers/{id}/verdict"))).bearer_auth(token).json(&body).send()
    };
    let res = verdict(good, &agent, json!({ "verdict": "helpful" })).await.unwrap();
    assert_eq!(res.status(), 200);
    let record: Value = res.json().await.unwrap();
    assert_eq!(record["verdict"], "helpful");
    assert_eq!(record["verdict_by"], agent_user.id);
    let res = verdict(bad, &agent, json!({ "verdict": "WRONG", "note": "should offer a person" })).await.unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["verdict_note"], "should offer a person");

    assert_eq!(verdict(bad, &viewer, json!({ "verdict": "helpful" })).await.unwrap().status(), 403);
    let res = verdict(bad, &agent, json!({ "verdict": "meh" })).await.unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(verdict(9999, &agent, json!({ "verdict": "helpful" })).await.unwrap().status(), 404);

    let (app, viewer) = (&app, viewer.as_str());
    let list = |query: &'static [(&'static str, &'static str)]| async move {
        let res = app.get_with(viewer, "/assistant/answers", query).await;
        assert_eq!(res.status(), 200, "{query:?}");
        res.json::<Vec<Value>>().await.unwrap()
    };
    let wrong = list(&[("verdict", "wrong")]).await;
    assert_eq!(wrong.len(), 1);
    assert_eq!(wrong[0]["id"], bad);
    assert_eq!(list(&[("verdict", "helpful")]).await[0]["id"], good);
    assert_eq!(list(&[("verdict", "none")]).await.len(), 1);
    let unsure = list(&[("max_confidence", "0.3")]).await;
    assert_eq!(unsure.len(), 1);
    assert_eq!(unsure[0]["id"], bad);
    assert_eq!(list(&[("min_confidence", "0.5")]).await.len(), 2);

    let res = app.get_with(viewer, "/assistant/answers", &[("verdict", "maybe")]).await;
    assert_eq!(res.status(), 422);
    let res = app.get_with(viewer, "/assistant/answers", &[("min_confidence", "2")]).await;
    assert_eq!(res.status(), 422);

    let audited = app.audit().await.into_iter().filter(|r| r.action == "assistant.verdict").count();
    assert_eq!(audited, 2);
}

#[tokio::test]
async fn asking_needs_a_question_and_a_staff_token() {
    let app = spawn_app().await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    let res = app.client.post(app.api("/assistant/ask")).json(&json!({ "question": "hola" })).send().await.unwrap();
    assert_eq!(res.status(), 401);
    for question in [json!(" "), json!("x".repeat(2001))] {
        let res = app.send(Method::POST, &agent, "/assistant/ask", Some(json!({ "question": question }))).await;
        assert_eq!(res.status(), 422);
    }
    // An empty knowledge base: an honest "not sure", never an invented answer.
    let body = app.ask(&agent, "What is the interest rate on a personal loan?").await;
    assert_eq!(body["metadata"]["intent"], "unknown");
    let log: Vec<Value> = app.get(&agent, "/assistant/answers").await.json().await.unwrap();
    assert_eq!(log.len(), 1);
}
