//! Personal data at rest: a distinctive sentence written as a customer message, a ticket's
//! subject, description and note, a rating comment and a customer's notes, and a distinctive
//! customer name, e-mail and account number (on the profile, a ticket and the pre-chat form's
//! metadata) are nowhere in the database in plain text — every column of every table is
//! read raw (and, on SQLite, the file's bytes) — while the API still reads them back. Rotating to
//! a new key leaves every value readable and none under the old key.

use domain::model::Role;
use domain::vault::rotate::{SEALED, rotate};
use domain::vault::{KeyRing, Vault};
use reqwest::Method;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::{Value, json};

use crate::harness::{DATA_INDEX_KEY, DATA_KEYS, spawn_app};

const SENTENCE: &str = "Quetzalcoatl ordered seventeen turquoise umbrellas for the vault";
const NAME: &str = "Zyxwanda Quorrelfield";
/// What must not be found, lower case.
const NEEDLES: [&str; 5] = ["turquoise umbrellas", "quorrelfield", "zyx.quorrel", "acc-99817", "calle xochiquetzal"];

/// `table.column` of every column of every table in the database.
async fn columns(db: &DatabaseConnection) -> Vec<(String, String)> {
    let backend = db.get_database_backend();
    let sql = if backend == sea_orm::DatabaseBackend::Postgres {
        "SELECT table_name::text, column_name::text FROM information_schema.columns WHERE table_schema = 'public'"
    } else {
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
    };
    let rows = db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap();
    rows.iter().map(|r| (r.try_get_by_index(0).unwrap(), r.try_get_by_index(1).unwrap())).collect()
}

/// The columns holding any of [`NEEDLES`] in plain text.
pub async fn plain_hits(db: &DatabaseConnection, needles: &[&str]) -> Vec<String> {
    let backend = db.get_database_backend();
    let mut hits = Vec::new();
    for (table, column) in columns(db).await {
        for needle in needles {
            let sql =
                format!("SELECT COUNT(*) FROM \"{table}\" WHERE LOWER(CAST(\"{column}\" AS TEXT)) LIKE '%{needle}%'");
            let row = db.query_one_raw(Statement::from_string(backend, sql)).await.unwrap().unwrap();
            if row.try_get_by_index::<i64>(0).unwrap() > 0 {
                hits.push(format!("{table}.{column} has '{needle}'"));
            }
        }
    }
    hits
}

/// Every stored value of the sealed columns, with its column.
async fn sealed_values(db: &DatabaseConnection) -> Vec<(domain::vault::Field, String)> {
    let backend = db.get_database_backend();
    let mut values = Vec::new();
    for field in SEALED {
        let (table, column) = field.column().split_once('.').unwrap();
        let sql = format!("SELECT CAST({column} AS TEXT) FROM {table} WHERE {column} IS NOT NULL");
        for row in db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap() {
            let text: String = row.try_get_by_index(0).unwrap();
            // The conversation's memory is a JSON string.
            let text = serde_json::from_str::<String>(&text).unwrap_or(text);
            values.push((field, text));
        }
    }
    values
}

#[tokio::test]
async fn personal_data_is_sealed_at_rest_and_survives_rotation() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let customer = json!({
        "full_name": NAME, "email": "Zyx.Quorrel@Example.com", "phone": "+52 55 9876 5432",
        "account_number": "ACC-99817", "notes": SENTENCE, "address": "Calle Xochiquetzal 17, Coyoacán",
    });
    let res = app.send(Method::POST, &admin, "/customers", Some(customer)).await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    // The pre-chat form's name and e-mail travel as the conversation's metadata.
    let prechat = json!({ "language": "en", "metadata": { "name": NAME, "email": "zyx.quorrel@example.com" } });
    let chat: Value =
        app.client.post(app.api("/chat/start")).json(&prechat).send().await.unwrap().json().await.unwrap();
    let (conversation, visitor) = (chat["conversation_id"].as_str().unwrap(), chat["visitor_token"].as_str().unwrap());
    assert_eq!(app.customer_says(conversation, visitor, SENTENCE).await.status(), 200);
    assert_eq!(app.customer_says(conversation, visitor, &format!("And again: {SENTENCE}")).await.status(), 200);
    let rating = json!({ "score": 5, "comment": format!("Thanks! {SENTENCE}") });
    assert_eq!(app.customer_rates(conversation, visitor, &rating).await.status(), 200);
    let ticket = json!({
        "subject": "Turquoise umbrellas order", "description": SENTENCE, "customer_name": NAME,
        "customer_email": "zyx.quorrel@example.com",
    });
    let res = app.send(Method::POST, &admin, "/tickets", Some(ticket)).await;
    assert_eq!(res.status(), 200);
    let ticket_id = res.json::<Value>().await.unwrap()["ticket_id"].as_str().unwrap().to_owned();
    let note = json!({ "body": SENTENCE });
    assert_eq!(app.send(Method::POST, &admin, &format!("/tickets/{ticket_id}/notes"), Some(note)).await.status(), 201);

    // Nowhere in plain text: not in any column, not in the SQLite file.
    let db = &app.state.db;
    assert_eq!(plain_hits(db, &NEEDLES).await, Vec::<String>::new());
    if let Some(path) = app.sqlite_path() {
        for file in [path.clone(), format!("{path}-wal")] {
            let bytes = std::fs::read(&file).unwrap_or_default().to_ascii_lowercase();
            for needle in NEEDLES {
                assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} in {file}");
            }
        }
    }

    // The API reads them back, and finds the customer by part of the name and by e-mail.
    let profile = app.get_json(&admin, &format!("/customers/{id}")).await;
    assert_eq!(profile["full_name"], NAME);
    assert_eq!(profile["email"], "zyx.quorrel@example.com");
    assert_eq!(profile["notes"], SENTENCE);
    assert_eq!(profile["address"], "Calle Xochiquetzal 17, Coyoacán");
    let found = app.get_json(&admin, "/customers/search?q=QUORREL").await;
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
    let found = app.get_json(&admin, "/customers/search?q=zyx.quorrel%40example").await;
    assert_eq!(found[0]["id"], id);
    let transcript = app.get_json(&admin, &format!("/conversations/{conversation}")).await;
    assert_eq!(transcript["messages"][1]["content"], SENTENCE);
    assert_eq!(transcript["metadata"]["name"], NAME);
    assert_eq!(transcript["csat_comment"], format!("Thanks! {SENTENCE}"));
    let ticket = app.get_json(&admin, &format!("/tickets/{ticket_id}")).await;
    assert_eq!((&ticket["description"], &ticket["customer_name"]), (&json!(SENTENCE), &json!(NAME)));
    assert_eq!(
        (&ticket["subject"], &ticket["customer_email"]),
        (&json!("Turquoise umbrellas order"), &json!("zyx.quorrel@example.com"))
    );
    // The profile finds the ticket by its e-mail's blind index.
    let tickets = app.get_json(&admin, &format!("/customers/{id}")).await["tickets"].clone();
    assert_eq!(tickets[0]["ticket_id"], ticket_id.as_str(), "{tickets}");
    let notes = app.get_json(&admin, &format!("/tickets/{ticket_id}/notes")).await;
    assert_eq!(notes[0]["body"], SENTENCE);
    // A clashing e-mail is still refused (by its blind index).
    let twin = json!({ "full_name": "Twin", "email": "ZYX.QUORREL@example.com" });
    assert_eq!(app.send(Method::POST, &admin, "/customers", Some(twin)).await.status(), 409);

    // Rotation: a new key first; everything is sealed again with it, in batches of two.
    let old = Vault::new(&KeyRing::parse(DATA_KEYS, DATA_INDEX_KEY).unwrap());
    let ring = format!("t2:HwEeAh0DHAQbBRoGGQcYCBcJFgoVCxQMEw0SDhEPEBA=,{DATA_KEYS}");
    let new = Vault::new(&KeyRing::parse(&ring, DATA_INDEX_KEY).unwrap());
    let before = sealed_values(db).await;
    assert!(before.len() >= 12 && before.iter().all(|(_, v)| v.starts_with("jx1:t1:")), "{before:?}");
    let mut reports = 0;
    let done = rotate(db, &new, 2, |_| reports += 1).await.unwrap();
    assert_eq!(done.iter().map(|p| p.resealed).sum::<u64>(), before.len() as u64);
    assert!(reports > done.len(), "progress is reported batch by batch");
    let after = sealed_values(db).await;
    assert_eq!(after.len(), before.len());
    for (field, value) in &after {
        assert!(value.starts_with("jx1:t2:"), "{value}");
        assert!(new.open(*field, value).is_ok(), "{field:?} opens with the new ring");
        assert!(old.open(*field, value).is_err(), "{field:?} no longer opens with the old key alone");
    }
    let mut opened: Vec<String> = after.iter().map(|(f, v)| new.open(*f, v).unwrap()).collect();
    opened.sort();
    let mut was: Vec<String> = before.iter().map(|(f, v)| old.open(*f, v).unwrap()).collect();
    was.sort();
    assert_eq!(opened, was, "every value reads the same");
    // Resuming finds nothing left to do.
    let again = rotate(db, &new, 100, |_| ()).await.unwrap();
    assert_eq!(again.iter().map(|p| p.resealed).sum::<u64>(), 0);
    assert_eq!(plain_hits(db, &NEEDLES).await, Vec::<String>::new());
}

#[tokio::test]
async fn keys_are_generated_required_in_production_and_rotated_from_the_command_line() {
    use crate::cli::joxai;
    let db = crate::harness::TestDb::new().await;
    let out = joxai(&db).args(["keys", "generate", "--id", "k9"]).output().unwrap();
    assert!(out.status.success());
    let ring = KeyRing::from_env_lines(&String::from_utf8_lossy(&out.stdout)).unwrap();
    assert_eq!(ring.key_ids(), ["k9"]);
    assert_eq!(joxai(&db).args(["keys", "generate", "--id", "no spaces"]).output().unwrap().status.code(), Some(2));

    // Production refuses to start without keys, naming the variable.
    let out = joxai(&db)
        .arg("migrate")
        .env("JOXAI_ENV", "production")
        .env_remove("JOXAI_DATA_KEYS")
        .env_remove("JOXAI_DATA_INDEX_KEY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("JOXAI_DATA_KEYS"));

    // The demo inbox's identity secret is sealed with t1; rotation seals it with t2, one row a batch.
    let seeded = joxai(&db).arg("demo-seed").output().unwrap();
    assert!(seeded.status.success(), "{}", String::from_utf8_lossy(&seeded.stderr));
    let ring = format!("t2:HwEeAh0DHAQbBRoGGQcYCBcJFgoVCxQMEw0SDhEPEBA=,{DATA_KEYS}");
    let rotate = || joxai(&db).args(["keys", "rotate", "--batch", "1"]).env("JOXAI_DATA_KEYS", &ring).output().unwrap();
    let out = rotate();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("inboxes.identity_secret: 1 rows checked, 1 sealed again"), "{said}");
    assert!(said.contains("rotation done: 1 values sealed again with key t2"), "{said}");
    let said = String::from_utf8_lossy(&rotate().stderr).into_owned();
    assert!(said.contains("rotation done: 0 values"), "resumed, nothing left: {said}");
}

#[cfg(unix)]
#[test]
fn development_keeps_a_generated_ring_beside_the_database_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("joxai-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("bank.db");
    let env: std::collections::HashMap<String, String> = [
        ("DATABASE_URL".to_owned(), format!("sqlite://{}?mode=rwc", db.display())),
        ("JOXAI_JWT_SECRET".to_owned(), "x".repeat(40)),
    ]
    .into();
    let first = domain::config::Config::load_from(&env).unwrap().data_keys;
    let file = dir.join("bank.db.keys");
    assert_eq!(first.origin, domain::vault::KeyOrigin::DevFile(file.clone()));
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    let again = domain::config::Config::load_from(&env).unwrap().data_keys;
    assert_eq!(again.to_env_lines(), first.to_env_lines(), "the same ring on the next start");
    let _ = std::fs::remove_dir_all(&dir);
}
