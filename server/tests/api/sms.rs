//! SMS through a Twilio-compatible provider: a fake one speaking Twilio's Messages API over real
//! HTTP takes the urgent-escalation SMS a supervisor asked for. It is sent with the account's
//! basic auth and the configured sender; a 5xx is retried until it goes through; a 4xx (a bad
//! number) fails at once with the provider's reason.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use domain::model::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app_with};

/// What the fake provider was sent: the account in the path, the Authorization header, the form.
#[derive(Debug, Clone)]
struct Sent {
    account: String,
    authorization: String,
    form: Vec<(String, String)>,
}

#[derive(Clone, Default)]
struct Fake {
    sent: Arc<Mutex<Vec<Sent>>>,
    /// Statuses to answer with, in turn; 201 when none is left.
    script: Arc<Mutex<VecDeque<u16>>>,
}

async fn messages(
    State(fake): State<Fake>,
    Path(account): Path<String>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<Vec<(String, String)>>,
) -> (StatusCode, axum::Json<Value>) {
    let authorization = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    fake.sent.lock().unwrap().push(Sent { account, authorization, form });
    let status = fake.script.lock().unwrap().pop_front().unwrap_or(201);
    let body = match status {
        201 => json!({ "sid": "SM0123", "status": "queued" }),
        _ => json!({ "code": 21211, "message": "The 'To' number is not a valid phone number.", "status": status }),
    };
    (StatusCode::from_u16(status).unwrap(), axum::Json(body))
}

async fn fake_provider() -> (Fake, String) {
    let fake = Fake::default();
    let app = axum::Router::new()
        .route("/2010-04-01/Accounts/{account}/Messages.json", post(messages))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (fake, url)
}

/// A customer reports fraud (an urgent escalation); returns the ticket's case number.
async fn fraud(app: &TestApp) -> String {
    let chat = app.start_chat("es").await;
    let body = json!({ "conversation_id": chat["conversation_id"], "category": "fraud" });
    app.customer_escalates(chat["visitor_token"].as_str().unwrap(), &body).await["ticket_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The supervisor's SMS about `case`, once it is no longer pending (up to 20 s).
async fn sms_about(app: &TestApp, token: &str, case: &str) -> Value {
    for _ in 0..1000 {
        let list = app.get_json(token, "/notifications/me").await;
        let found = list
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["notification_type"] == "SMS" && n["resource_id"] == case && n["status"] != "PENDING");
        if let Some(sms) = found {
            return sms.clone();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the SMS about {case} was never settled");
}

#[tokio::test]
async fn urgent_escalations_go_by_sms_through_a_twilio_compatible_provider() {
    let (fake, url) = fake_provider().await;
    let app = spawn_app_with(&[
        ("JOXAI_SMS_PROVIDER", "twilio"),
        ("JOXAI_SMS_API_URL", url.as_str()),
        ("JOXAI_SMS_ACCOUNT", "AC5ef8732a3c49700934481addd5ce1659"),
        ("JOXAI_SMS_TOKEN", "twilio-auth-token"),
        ("JOXAI_SMS_FROM", "+15005550006"),
        ("JOXAI_NOTIFY_RETRY_BASE_MS", "50"),
    ])
    .await;
    let (_, supervisor) = app.token_for("lead", Role::Supervisor).await;
    let phone = json!({ "value": "+52 55 1234 5678" });
    assert_eq!(app.send(Method::POST, &supervisor, "/settings/user/me/sms_phone", Some(phone)).await.status(), 200);

    let case = fraud(&app).await;
    let sms = sms_about(&app, &supervisor, &case).await;
    assert_eq!((sms["status"].as_str(), sms["delivery_attempts"].as_i64()), (Some("SENT"), Some(1)), "{sms}");
    let sent = fake.sent.lock().unwrap().clone();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].account, "AC5ef8732a3c49700934481addd5ce1659");
    let expected = format!("Basic {}", base64_of("AC5ef8732a3c49700934481addd5ce1659:twilio-auth-token"));
    assert_eq!(sent[0].authorization, expected);
    let field = |name: &str| sent[0].form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    assert_eq!(field("To").as_deref(), Some("+52 55 1234 5678"));
    assert_eq!(field("From").as_deref(), Some("+15005550006"));
    assert!(field("Body").unwrap().contains(&case));

    // The provider fails for a moment (503): retried until it takes the message.
    fake.script.lock().unwrap().extend([503, 503]);
    let case = fraud(&app).await;
    let sms = sms_about(&app, &supervisor, &case).await;
    assert_eq!((sms["status"].as_str(), sms["delivery_attempts"].as_i64()), (Some("SENT"), Some(3)), "{sms}");

    // A refusal of the number (400) is final, with the provider's reason.
    fake.script.lock().unwrap().push_back(400);
    let case = fraud(&app).await;
    let sms = sms_about(&app, &supervisor, &case).await;
    assert_eq!((sms["status"].as_str(), sms["delivery_attempts"].as_i64()), (Some("FAILED"), Some(1)), "{sms}");
    assert!(sms["error_message"].as_str().unwrap().contains("21211"), "{sms}");
    assert_eq!(fake.sent.lock().unwrap().len(), 5, "1 + 3 + 1 requests");
}

fn base64_of(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}
