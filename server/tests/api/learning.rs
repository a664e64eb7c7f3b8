//! Example questions per article, and the answer log's "pick the right article" loop: a reviewer
//! names the article a wrong answer should have come from, the question (redacted) becomes one of
//! its examples, and the assistant answers it from there next time.

use domain::model::Role;
use serde_json::{Value, json};

use crate::harness::spawn_app;

fn article(title: &str, content: &str, examples: &[&str]) -> Value {
    json!({ "title": title, "content": content, "category": "cards", "language": "en", "examples": examples })
}

#[tokio::test]
async fn example_questions_are_stored_redacted_and_matched_like_titles() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let body = article(
        "Retained cards",
        "Cards kept by an ATM are destroyed; order a new one in the app.",
        &[
            "  the hole in the wall chomped my plastic ",
            "The hole in the wall CHOMPED my plastic",
            "my number is 4111 1111 1111 1111",
        ],
    );
    let res = app.send(reqwest::Method::POST, &admin, "/knowledge", Some(body)).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    let examples = created["examples"].as_array().unwrap();
    assert_eq!(examples.len(), 2, "repeats are dropped: {examples:?}");
    assert_eq!(examples[0], "the hole in the wall chomped my plastic");
    assert!(!examples[1].as_str().unwrap().contains("4111 1111"), "PII is redacted: {examples:?}");

    let (_, agent) = app.token_for("agent", Role::Agent).await;
    let reply = app.ask(&agent, "the hole in the wall chomped my plastic").await;
    assert_eq!(reply["metadata"]["sources"][0]["id"], created["id"]);

    // Replacing the examples; bad ones change nothing.
    let id = created["id"].as_i64().unwrap();
    let res =
        app.send(reqwest::Method::PUT, &admin, &format!("/knowledge/{id}"), Some(json!({ "examples": [""] }))).await;
    assert_eq!(res.status(), 422);
    let too_many: Vec<String> = (0..51).map(|n| format!("question number {n}")).collect();
    let res = app
        .send(reqwest::Method::PUT, &admin, &format!("/knowledge/{id}"), Some(json!({ "examples": too_many })))
        .await;
    assert_eq!(res.status(), 422);
    let unchanged = app.get_json(&admin, &format!("/knowledge/{id}")).await;
    assert_eq!(unchanged["examples"].as_array().unwrap().len(), 2);
    assert_eq!(unchanged["version"], 1);
    let res = app
        .send(reqwest::Method::PUT, &admin, &format!("/knowledge/{id}"), Some(json!({ "examples": ["atm kept it"] })))
        .await;
    assert_eq!(res.status(), 200);
    let updated: Value = res.json().await.unwrap();
    assert_eq!(updated["examples"], json!(["atm kept it"]));
    assert_eq!(updated["version"], 2);
}

#[tokio::test]
async fn a_reviewer_teaches_the_assistant_the_right_article() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let (_, supervisor) = app.token_for("supervisor", Role::Supervisor).await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    let (supervisor, agent): (&'static str, &'static str) = (supervisor.leak(), agent.leak());
    let create = |body: Value| app.send(reqwest::Method::POST, &admin, "/knowledge", Some(body));
    let right: Value = create(article("Temporary lock", "Switch the card off in the app while you look for it.", &[]))
        .await
        .json()
        .await
        .unwrap();
    create(article("Branch hours", "Branches open from nine to four on weekdays.", &[])).await;
    let question = "can it take a little nap, my number is 4111 1111 1111 1111";
    let first = app.ask(agent, question).await;
    assert_ne!(first["metadata"]["sources"][0]["id"], right["id"], "not answered from it yet: {first}");
    let answer_id = first["answer_id"].as_i64().unwrap();

    let path = format!("/assistant/answers/{answer_id}/verdict");
    let verdict = |token: &'static str, body: Value| app.send(reqwest::Method::POST, token, &path, Some(body));
    // An agent may judge an answer, but only the knowledge base's writers teach it.
    let res = verdict(agent, json!({ "verdict": "wrong", "article_id": right["id"] })).await;
    assert_eq!(res.status(), 403);
    let res = verdict(supervisor, json!({ "verdict": "helpful", "article_id": right["id"] })).await;
    assert_eq!(res.status(), 422);
    let res = verdict(supervisor, json!({ "verdict": "wrong", "article_id": 999_999 })).await;
    assert_eq!(res.status(), 422);
    assert!(res.json::<Value>().await.unwrap()["detail"].as_str().is_some());
    assert_eq!(app.get_json(&admin, &format!("/knowledge/{}", right["id"])).await["version"], 1, "nothing changed");

    let res = verdict(supervisor, json!({ "verdict": "wrong", "article_id": right["id"] })).await;
    assert_eq!(res.status(), 200);
    let record: Value = res.json().await.unwrap();
    assert_eq!(record["verdict"], "wrong");
    assert_eq!(record["correct_article_id"], right["id"]);

    let learned = app.get_json(&admin, &format!("/knowledge/{}", right["id"])).await;
    let examples = learned["examples"].as_array().unwrap();
    assert_eq!(examples.len(), 1);
    assert!(examples[0].as_str().unwrap().contains("take a little nap"));
    assert!(!examples[0].as_str().unwrap().contains("4111"), "the learned question is redacted: {examples:?}");
    assert_eq!(learned["version"], 2);

    let again = app.ask(agent, "can it take a little nap?").await;
    assert_eq!(again["metadata"]["sources"][0]["id"], right["id"], "{again}");

    // Teaching the same question twice adds nothing.
    verdict(supervisor, json!({ "verdict": "wrong", "article_id": right["id"] })).await;
    let learned = app.get_json(&admin, &format!("/knowledge/{}", right["id"])).await;
    assert_eq!(learned["examples"].as_array().unwrap().len(), 1);

    let audit = app.audit().await;
    let taught = audit.iter().filter(|r| r.action == "assistant.example_learned").count();
    assert_eq!(taught, 2);
    assert!(audit.iter().any(|r| r.action == "assistant.verdict"));
}
