//! Semantic retrieval with a fake embeddings provider over real HTTP, speaking the OpenAI
//! `/embeddings` format. The fake maps words to meanings (two made-up words share one), so a
//! question with no word in common with an article can only be answered through embeddings.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use domain::model::Role;
use sea_orm::EntityTrait;
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app_with};

/// Meanings: each word of a text adds one to its meaning's dimension.
const MEANINGS: &[(&str, usize)] = &[
    ("zorblat", 0),
    ("glimbo", 0),
    ("quanzite", 1),
    ("vexil", 2),
    ("fee", 3),
    ("fees", 3),
    ("charges", 3),
    ("cost", 3),
];
const DIMS: usize = 8;

#[derive(Default)]
struct Fake {
    inputs: Mutex<Vec<String>>,
    failing: Mutex<bool>,
}

fn vector(text: &str) -> Vec<f32> {
    let mut v = vec![0.0f32; DIMS];
    v[DIMS - 1] = 0.05;
    for word in text.to_lowercase().split(|c: char| !c.is_alphanumeric()) {
        if let Some((_, d)) = MEANINGS.iter().find(|(w, _)| *w == word) {
            v[*d] += 1.0;
        }
    }
    v
}

async fn embeddings(State(fake): State<Arc<Fake>>, axum::Json(body): axum::Json<Value>) -> Response {
    let inputs: Vec<String> =
        body["input"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
    fake.inputs.lock().unwrap().extend(inputs.iter().cloned());
    if *fake.failing.lock().unwrap() {
        return (StatusCode::INTERNAL_SERVER_ERROR, "boom").into_response();
    }
    assert_eq!(body["model"], "embed-test-1");
    let data: Vec<Value> = inputs
        .iter()
        .enumerate()
        .map(|(i, t)| json!({ "object": "embedding", "index": i, "embedding": vector(t) }))
        .collect();
    axum::Json(json!({ "object": "list", "data": data, "model": "embed-test-1" })).into_response()
}

async fn app_with_embeddings() -> (TestApp, Arc<Fake>, String, String) {
    let fake = Arc::new(Fake::default());
    let router = Router::new().route("/v1/embeddings", post(embeddings)).with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    let base = format!("http://{addr}/v1");
    let app = spawn_app_with(&[
        ("JOXAI_EMBEDDINGS_MODEL", "embed-test-1"),
        ("JOXAI_EMBEDDINGS_BASE_URL", base.as_str()),
        ("JOXAI_EMBEDDINGS_TIMEOUT_MS", "1000"),
    ])
    .await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    (app, fake, admin, agent)
}

async fn create(app: &TestApp, admin: &str, title: &str, content: &str) -> i64 {
    let body = json!({ "title": title, "content": content, "category": "fees", "language": "en" });
    let res = app.send(reqwest::Method::POST, admin, "/knowledge", Some(body)).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

#[tokio::test]
async fn articles_are_embedded_when_they_change_and_fused_with_the_lexical_ranking() {
    let (app, fake, admin, agent) = app_with_embeddings().await;
    let zorblat = create(&app, &admin, "Zorblat account", "The zorblat account has no monthly fee.").await;
    let quanzite = create(&app, &admin, "Quanzite card", "The quanzite card works abroad.").await;

    // Stored in the database with the model and the text's hash; in memory for search.
    let stored = domain::entities::article_embeddings::Entity::find().all(&app.state.db).await.unwrap();
    assert_eq!(stored.len(), 2);
    assert!(stored.iter().all(|e| e.model == "embed-test-1" && e.dims == DIMS as i32 && e.vector.len() == DIMS * 4));
    assert_eq!(app.state.assistant.vectors().len(), 2);

    // No word in common with any article: only the embedding ("glimbo" means "zorblat") finds it.
    let reply = app.ask(&agent, "tell me about glimbo").await;
    assert_eq!(reply["metadata"]["sources"][0]["id"], zorblat, "{reply}");
    assert_eq!(reply["metadata"]["intent"], "knowledge");
    // Lexically the same question finds nothing.
    let local = app.state.assistant.reply_local(domain::assistant::Turn::new("tell me about glimbo"));
    assert!(local.metadata.sources.is_empty());
    // A lexical match still wins where it exists.
    let reply = app.ask(&agent, "does the quanzite card work abroad?").await;
    assert_eq!(reply["metadata"]["sources"][0]["id"], quanzite);

    // An unchanged article is not embedded again; a changed one is; a deactivated one leaves.
    let before = fake.inputs.lock().unwrap().len();
    let path = format!("/knowledge/{zorblat}");
    app.send(reqwest::Method::PUT, &admin, &path, Some(json!({ "category": "fees" }))).await;
    assert_eq!(fake.inputs.lock().unwrap().len(), before, "same text, no new call");
    app.send(reqwest::Method::PUT, &admin, &path, Some(json!({ "content": "The zorblat account is free." }))).await;
    assert_eq!(fake.inputs.lock().unwrap().len(), before + 1);
    app.send(reqwest::Method::DELETE, &admin, &path, None).await;
    assert_eq!(app.state.assistant.vectors().len(), 1);

    // At start-up the stored vectors are loaded back (no provider call for current ones).
    let calls = fake.inputs.lock().unwrap().len();
    app.state.assistant.vectors_mut().remove(quanzite as i32);
    domain::knowledge::load_index(&app.state).await.unwrap();
    assert!(app.state.assistant.vectors().contains(quanzite as i32));
    assert_eq!(fake.inputs.lock().unwrap().len(), calls);
}

#[tokio::test]
async fn a_failing_provider_leaves_lexical_retrieval_alone() {
    let (app, fake, admin, agent) = app_with_embeddings().await;
    let vexil = create(&app, &admin, "Vexil transfers", "Vexil transfers arrive the same day.").await;
    create(&app, &admin, "Zorblat account", "The zorblat account has no monthly fee.").await;
    *fake.failing.lock().unwrap() = true;

    // The provider is asked for the question, fails, and the lexical answer stands.
    let asked = fake.inputs.lock().unwrap().len();
    let reply = app.ask(&agent, "when do vexil transfers arrive?").await;
    assert_eq!(reply["metadata"]["sources"][0]["id"], vexil);
    assert!(fake.inputs.lock().unwrap().len() > asked, "the failing provider was asked");
    let reply = app.ask(&agent, "tell me about glimbo").await;
    assert_eq!(reply["metadata"]["intent"], "unknown", "without embeddings nothing matches: {reply}");

    // Writing an article while the provider fails still succeeds; backfill embeds it later.
    let late = create(&app, &admin, "Quanzite card", "The quanzite card works abroad.").await;
    assert!(!app.state.assistant.vectors().contains(late as i32));
    *fake.failing.lock().unwrap() = false;
    assert_eq!(domain::knowledge::embed::backfill(&app.state).await.unwrap(), 1);
    assert!(app.state.assistant.vectors().contains(late as i32));
}

#[tokio::test]
async fn no_customer_pii_reaches_the_embeddings_provider() {
    let (app, fake, admin, _) = app_with_embeddings().await;
    create(&app, &admin, "Zorblat account", "The zorblat account has no monthly fee.").await;
    let chat = app.start_chat("en").await;
    let res = app
        .customer_post(
            chat["visitor_token"].as_str().unwrap(),
            "/chat/message",
            &json!({
                "conversation_id": chat["conversation_id"],
                "message": "glimbo fees? my card is 4111 1111 1111 1111, mail ana.perez@example.com, \
                    phone +52 55 1234 5678",
            }),
        )
        .await;
    assert_eq!(res.status(), 200);
    let inputs = fake.inputs.lock().unwrap().join("\n");
    assert!(inputs.contains("glimbo"), "the question was embedded: {inputs}");
    for secret in ["4111 1111 1111 1111", "4111111111111111", "ana.perez@example.com", "1234 5678"] {
        assert!(!inputs.contains(secret), "{secret} reached the provider: {inputs}");
    }
}
