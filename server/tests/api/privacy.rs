//! A customer's data rights. The test seeds one record of every kind about one customer — the
//! profile, a conversation linked by their verified identity with a transcript, an escalation
//! ticket and an offline-form ticket from their e-mail, a note, a rating, the notifications those
//! raise, answer-log questions (one taught to the assistant as an article's example), the privacy
//! notice accepted twice, audit records — then: the
//! export holds every kind; erasure (ADMIN only, with a reason) leaves none of their personal data
//! in any column of any table (read raw, sealing off so the scan sees text), and the audit chain
//! still verifies.

use domain::entities::assistant_answers;
use domain::model::Role;
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::harness::{identity_token, spawn_app_with};
use crate::sealed::plain_hits;

const NAME: &str = "Zorbalina Quixwhistle";
const NEEDLES: [&str; 6] = ["zorbalina", "quixwhistle", "zorba.quix", "acc-55123", "4444 3333", "avenida quix"];

#[tokio::test]
async fn a_customers_data_is_exported_whole_and_erased_everywhere() {
    // Sealing off: the raw scan must see that the text is gone, not that it is sealed.
    let app = spawn_app_with(&[("JOXAI_DATA_ENCRYPTION", "off")]).await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    let (_, agent) = app.token_for("agent", Role::Agent).await;
    let customer = json!({
        "full_name": NAME, "email": "zorba.quix@example.com", "phone": "+52 55 4444 3333",
        "account_number": "ACC-55123", "notes": "Quixwhistle prefers calls", "tags": ["vip"],
        "address": "Avenida Quix 55, Monterrey",
    });
    let id = app.send(Method::POST, &admin, "/customers", Some(customer)).await.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let notice = json!({ "required": true, "version": "2026-12", "text_es": "Aviso", "text_en": "Notice" });
    let inbox = json!({ "name": "Web", "allowed_origins": ["https://banco.example"], "privacy_notice": notice });
    let inbox: Value = app.post_json(&admin, "/inboxes", &inbox).await;
    let secret = inbox["identity_secret"].as_str().unwrap();
    let identity = identity_token(secret, inbox["key"].as_str().unwrap(), "ACC-55123", 300);
    let start = json!({ "inbox": inbox["key"], "identity_token": identity, "privacy_consent": "2026-12" });
    let chat: Value = app.client.post(app.api("/chat/start")).json(&start).send().await.unwrap().json().await.unwrap();
    let (conversation, visitor) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    let said = app.customer_says(conversation, visitor, &format!("Hello, I am {NAME}, what are your hours?")).await;
    assert_eq!(said.status(), 200);
    // Staff teach the assistant from that answer: the question becomes an article's example.
    let article = json!({ "title": "Horario", "content": "Abrimos de nueve a cuatro.", "category": "general" });
    let article: Value = app.send(Method::POST, &admin, "/knowledge", Some(article)).await.json().await.unwrap();
    let answer = assistant_answers::Entity::find()
        .filter(assistant_answers::Column::ConversationId.eq(conversation))
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("the answer is logged");
    let verdict = json!({ "verdict": "wrong", "article_id": article["id"] });
    let path = format!("/assistant/answers/{}/verdict", answer.id);
    assert_eq!(app.send(Method::POST, &admin, &path, Some(verdict)).await.status(), 200);
    let article_path = format!("/knowledge/{}", article["id"]);
    assert!(app.get_json(&admin, &article_path).await["examples"].to_string().contains("Zorbalina"));
    let rating = json!({ "score": 4, "comment": format!("{NAME} says thanks") });
    assert_eq!(app.customer_rates(conversation, visitor, &rating).await.status(), 200);
    let escalation = json!({ "conversation_id": conversation, "description": format!("{NAME}: my card was stolen") });
    let escalated = app.customer_escalates(visitor, &escalation).await;
    let case = escalated["ticket_id"].as_str().expect("a ticket").to_owned();
    let note = json!({ "body": format!("Called {NAME} back") });
    assert_eq!(app.send(Method::POST, &agent, &format!("/tickets/{case}/notes"), Some(note)).await.status(), 201);
    let offline = json!({
        "inbox": inbox["key"], "name": NAME, "email": "zorba.quix@example.com",
        "message": format!("{NAME} again, please write back"), "privacy_consent": "2026-12",
    });
    assert_eq!(app.client.post(app.api("/chat/offline")).json(&offline).send().await.unwrap().status(), 201);
    let profile = app.get_json(&lead, &format!("/customers/{id}")).await;
    assert_eq!(profile["consents"].as_array().map(Vec::len), Some(2), "with the chat and the offline message");
    let db = &app.state.db;
    assert!(plain_hits(db, &NEEDLES).await.len() >= 8, "the scan sees the seeded text");

    // Export: supervisors and admins; every kind of record is there.
    let path = format!("/customers/{id}/data-export");
    assert_eq!(app.send(Method::GET, &agent, &path, None).await.status(), 403);
    let res = app.send(Method::GET, &lead, &path, None).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("attachment"));
    assert_eq!(res.headers()["content-type"], "application/json");
    let export: Value = res.json().await.unwrap();
    let typed: Result<domain::model::CustomerDataExport, _> = serde_json::from_value(export.clone());
    assert!(typed.is_ok(), "the streamed document has the documented shape: {typed:?}");
    assert_eq!(export["customer"]["full_name"], NAME);
    assert_eq!(export["conversations"][0]["id"], conversation);
    let transcript = export["conversations"][0]["messages"].to_string();
    assert!(transcript.contains("Hello, I am Zorbalina"), "{transcript}");
    let tickets = export["tickets"].as_array().unwrap();
    assert_eq!(tickets.len(), 2, "the escalation and the offline message");
    assert!(tickets.iter().any(|t| t["notes"][0]["body"] == format!("Called {NAME} back")));
    assert_eq!(export["ratings"][0]["score"], 4);
    let consents = export["consents"].as_array().unwrap();
    assert!(consents.iter().any(|c| c["conversation_id"] == conversation && c["version"] == "2026-12"));
    assert!(consents.iter().any(|c| c["ticket_id"].is_string() && c["language"] == "es"), "{consents:?}");
    let audited: Vec<&str> = export["audit"].as_array().unwrap().iter().filter_map(|r| r["action"].as_str()).collect();
    assert!(audited.contains(&"CUSTOMER_VIEWED") && audited.contains(&"ticket.note"), "{audited:?}");
    assert_eq!(app.send(Method::GET, &lead, "/customers/999999/data-export", None).await.status(), 404);
    assert_eq!(app.send(Method::GET, &lead, &format!("{path}?format=xml"), None).await.status(), 422);
    // The same as spreadsheets: a ZIP with a CSV file per kind.
    let res = app.send(Method::GET, &lead, &format!("{path}?format=zip"), None).await;
    assert_eq!((res.status().as_u16(), res.headers()["content-type"].to_str().unwrap()), (200, "application/zip"));
    let files = unzip(&res.bytes().await.unwrap());
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let kinds = ["customer", "conversations", "messages", "tickets", "notes", "ratings", "consents", "audit"];
    for kind in kinds {
        let (_, text) = files.iter().find(|(name, _)| *name == format!("{kind}.csv")).expect(kind);
        assert!(text.lines().count() >= 2, "{kind}.csv has a header and rows: {names:?}");
    }
    let file = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, text)| text.as_str()).unwrap();
    assert!(file("messages.csv").contains("Hello, I am Zorbalina Quixwhistle, what are your hours?"));
    assert!(file("customer.csv").contains("ACC-55123") && file("consents.csv").contains("2026-12"));
    assert!(file("notes.csv").contains(&format!("Called {NAME} back")));

    // Erase: admins only, with a reason; bad input changes nothing.
    let erase = format!("/customers/{id}/erase");
    let why = json!({ "reason": "ARCO cancellation request 2026-118" });
    assert_eq!(app.send(Method::POST, &lead, &erase, Some(why.clone())).await.status(), 403);
    assert_eq!(app.send(Method::POST, &admin, &erase, Some(json!({ "reason": "no" }))).await.status(), 422);
    assert_eq!(app.send(Method::POST, &admin, &erase, Some(json!({}))).await.status(), 422);
    assert_eq!(app.get_json(&lead, &format!("/customers/{id}")).await["full_name"], NAME, "unchanged so far");
    let res = app.send(Method::POST, &admin, &erase, Some(why)).await;
    assert_eq!(res.status(), 200);
    let report: Value = res.json().await.unwrap();
    assert_eq!((report["conversations"].as_u64(), report["tickets"].as_u64()), (Some(1), Some(2)), "{report}");
    assert!(report["messages"].as_u64().unwrap() >= 3 && report["notes"] == 1, "{report}");
    assert_eq!(report["examples"], 1, "{report}");
    assert!(!app.get_json(&admin, &article_path).await["examples"].to_string().contains("Zorbalina"));

    assert_eq!(plain_hits(db, &NEEDLES).await, Vec::<String>::new(), "no personal data left in any column");
    let verified: Value =
        app.client.post(app.api("/audit/verify")).bearer_auth(&admin).send().await.unwrap().json().await.unwrap();
    assert_eq!(verified["intact"], true, "{verified}");
    let erased = app.audit().await.into_iter().find(|r| r.action == "CUSTOMER_ERASED").expect("audited");
    assert_eq!(erased.details["reason"], "ARCO cancellation request 2026-118");
    // What stays: the profile (anonymised, inactive), the conversation and tickets with their
    // status and score, for the figures.
    let profile = app.get_json(&admin, &format!("/customers/{id}")).await;
    assert_eq!((profile["full_name"].as_str(), profile["status"].as_str()), (Some("[erased]"), Some("INACTIVE")));
    assert_eq!((&profile["email"], &profile["address"]), (&Value::Null, &Value::Null));
    let detail = app.get_json(&admin, &format!("/conversations/{conversation}")).await;
    assert_eq!(detail["csat_score"], 4);
    assert!(detail["messages"].as_array().unwrap().iter().all(|m| m["content"] == "[erased]"));
    assert_eq!(app.get_json(&admin, &format!("/tickets/{case}")).await["customer_name"], "[erased]");
}

#[tokio::test]
async fn a_visitor_downloads_their_own_conversation_with_its_token_only() {
    let app = crate::harness::spawn_app().await;
    let chat = app.start_chat("es").await;
    let other = app.start_chat("es").await;
    let (conversation, visitor) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    assert_eq!(app.customer_says(conversation, visitor, "¿Cuál es su horario?").await.status(), 200);
    let url = app.api(&format!("/chat/{conversation}/export"));
    assert_eq!(app.client.get(&url).send().await.unwrap().status(), 401);
    let theirs = other["visitor_token"].as_str().unwrap();
    assert_eq!(app.client.get(&url).header("x-visitor-token", theirs).send().await.unwrap().status(), 403);
    let res = app.client.get(&url).header("x-visitor-token", visitor).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let copy: Value = res.json().await.unwrap();
    assert_eq!(copy["conversation_id"], conversation);
    let said: Vec<&str> = copy["messages"].as_array().unwrap().iter().filter_map(|m| m["content"].as_str()).collect();
    assert!(said.len() >= 3 && said.contains(&"¿Cuál es su horario?"), "greeting, question, answer: {said:?}");
    // The widget's plain form posts the token in the body and gets a file.
    let form = |token: &str| {
        app.client
            .post(&url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("token={token}"))
            .send()
    };
    let res = form(visitor).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    assert_eq!(res.json::<Value>().await.unwrap()["messages"], copy["messages"]);
    assert_eq!(form(theirs).await.unwrap().status(), 403);
    let missing = app.api("/chat/00000000-0000-4000-8000-000000000000/export");
    assert_eq!(app.client.get(&missing).header("x-visitor-token", visitor).send().await.unwrap().status(), 404);
}

/// The files of a ZIP archive, read from its central directory (deflated or stored).
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    use std::io::Read;
    let at16 = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]) as usize;
    let at32 = |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize;
    let end = bytes.len() - 22;
    assert_eq!(at32(end), 0x0605_4b50, "an end of central directory record");
    let (mut at, mut files) = (at32(end + 16), Vec::new());
    for _ in 0..at16(end + 10) {
        let (method, packed, name_len) = (at16(at + 10), at32(at + 20), at16(at + 28));
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        let local = at32(at + 42);
        let data = &bytes[local + 30 + at16(local + 26) + at16(local + 28)..][..packed];
        let mut text = String::new();
        match method {
            8 => flate2::read::DeflateDecoder::new(data).read_to_string(&mut text).map(drop).unwrap(),
            _ => text = String::from_utf8(data.to_vec()).unwrap(),
        }
        files.push((name, text));
        at += 46 + name_len + at16(at + 30) + at16(at + 32);
    }
    files
}
