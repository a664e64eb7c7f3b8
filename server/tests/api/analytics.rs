//! `/analytics`: every figure computed by the database from real conversations, tickets,
//! ratings and answers; periods validated; roles.

use domain::model::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::harness::{TestApp, spawn_app};

struct Chat {
    id: String,
    token: String,
}

async fn chat(app: &TestApp, question: &str) -> Chat {
    let started = app.start_chat("en").await;
    let chat = Chat {
        id: started["conversation_id"].as_str().unwrap().to_owned(),
        token: started["visitor_token"].as_str().unwrap().to_owned(),
    };
    assert_eq!(app.customer_says(&chat.id, &chat.token, question).await.status(), 200);
    chat
}

async fn rate(app: &TestApp, chat: &Chat, score: i64) {
    assert_eq!(app.customer_rates(&chat.id, &chat.token, &json!({ "score": score })).await.status(), 200);
}

#[tokio::test]
async fn figures_come_from_the_database_for_every_endpoint() {
    let app = spawn_app().await;
    let (_, admin) = app.token_for("admin", Role::Admin).await;
    let (agent, agent_token) = app.token_for("agent", Role::Agent).await;
    let (_, viewer) = app.token_for("viewer", Role::Viewer).await;

    // Three conversations: one escalated, answered and resolved by an agent; one the assistant
    // handled alone and the customer rated 5; one still open with the assistant.
    let escalated = chat(&app, "Someone stole my card, I need a person").await;
    let alone = chat(&app, "What are your opening hours?").await;
    let _open = chat(&app, "How do I open an account?").await;
    rate(&app, &alone, 5).await;
    let tickets: Vec<Value> = serde_json::from_value(app.get_json(&admin, "/tickets").await).unwrap();
    assert_eq!(tickets.len(), 1, "the stolen card escalated");
    let ticket = tickets[0]["ticket_id"].as_str().unwrap().to_owned();
    app.send(Method::POST, &admin, &format!("/tickets/{ticket}/assign"), Some(json!({ "agentId": agent.id }))).await;
    let res = app
        .send(
            Method::POST,
            &agent_token,
            &format!("/conversations/{}/messages", escalated.id),
            Some(json!({ "content": "I have blocked it." })),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    app.send(Method::PATCH, &agent_token, &format!("/tickets/{ticket}/status"), Some(json!({ "status": "RESOLVED" })))
        .await;
    rate(&app, &escalated, 3).await;

    let d = app.get_json(&viewer, "/analytics/dashboard").await;
    assert_eq!(d["total_conversations"], 3);
    assert_eq!(d["active_conversations"], 3);
    assert_eq!(
        (d["total_tickets"].as_u64(), d["open_tickets"].as_u64(), d["in_progress_tickets"].as_u64()),
        (Some(1), Some(0), Some(0))
    );
    assert_eq!(d["resolved_today"], 1);
    assert!(d["avg_response_time_minutes"].as_f64().unwrap() >= 0.0);
    assert_eq!(d["customer_satisfaction"], 4.0, "(5 + 3) / 2");
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 8, "exactly the reference's fields: {keys:?}");

    let c = app.get_json(&agent_token, "/analytics/conversations?days=7").await;
    assert_eq!((c["total"].as_u64(), c["active"].as_u64(), c["escalated"].as_u64()), (Some(3), Some(3), Some(1)));
    assert_eq!(c["escalation_rate"], 0.333);
    assert!(c["avg_messages_per_conversation"].as_f64().unwrap() >= 2.0, "question and answer at least: {c}");

    let t = app.get_json(&agent_token, "/analytics/tickets").await;
    assert_eq!(t["total"], 1);
    assert_eq!(t["by_status"]["RESOLVED"], 1);
    assert_eq!(t["resolved_today"], 1);
    assert!(t["avg_resolution_minutes"].as_f64().unwrap() >= 0.0);

    let agents: Vec<Value> =
        serde_json::from_value(app.get_json(&admin, "/analytics/agents/performance").await).unwrap();
    let mine = agents.iter().find(|a| a["agent_id"] == agent.id).unwrap();
    assert_eq!((mine["assigned_tickets"].as_u64(), mine["resolved_tickets"].as_u64()), (Some(1), Some(1)));
    assert_eq!((mine["conversations_handled"].as_u64(), mine["customer_satisfaction"].as_f64()), (Some(1), Some(3.0)));
    let res = app.send(Method::GET, &agent_token, "/analytics/agents/performance", None).await;
    assert_eq!(res.status(), 403, "agents do not rank each other");

    agents_own_figures_and_hours(&app, &admin, (agent.id, &agent_token), &viewer).await;

    let timeline: Vec<Value> =
        serde_json::from_value(app.get_json(&admin, "/analytics/timeline?days=3").await).unwrap();
    assert_eq!(timeline.len(), 3, "every day of the period, even empty ones");
    let today = &timeline[2];
    assert_eq!(today["date"], chrono::Utc::now().format("%Y-%m-%d").to_string());
    assert_eq!(
        (today["conversations"].as_u64(), today["tickets"].as_u64(), today["resolved"].as_u64()),
        (Some(3), Some(1), Some(1))
    );
    assert!(today["messages"].as_u64().unwrap() >= 6);
    assert_eq!(timeline[0]["conversations"], 0);

    let a = app.get_json(&admin, "/analytics/assistant?days=30").await;
    assert_eq!(
        (a["conversations"].as_u64(), a["assistant_only"].as_u64(), a["escalated"].as_u64()),
        (Some(3), Some(2), Some(1))
    );
    assert_eq!(a["deflection_rate"], 0.667);
    assert_eq!((a["confirmed_resolutions"].as_u64(), a["csat"].as_f64()), (Some(1), Some(4.0)));
    assert_eq!(a["csat_distribution"], json!([0, 0, 1, 0, 1]));
    assert_eq!(a["escalation_reasons"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum::<u64>(), 1);
    let histogram: Vec<u64> = serde_json::from_value(a["confidence_histogram"].clone()).unwrap();
    assert_eq!(histogram.len(), 10);
    assert_eq!(histogram.iter().sum::<u64>(), a["answers"].as_u64().unwrap());

    let customers = app.get_json(&agent_token, "/analytics/customers").await;
    assert_eq!(customers["total"], 0);
    let audit = app.get_json(&viewer, "/analytics/audit?hours=1").await;
    assert!(audit["total"].as_u64().unwrap() >= 4, "logins, assignment, status: {audit}");
    assert!(audit["by_action"]["auth.login"].as_u64().unwrap() >= 3);
    assert!(!audit["top_actors"].as_array().unwrap().is_empty());
    let res = app.send(Method::GET, &agent_token, "/analytics/audit", None).await;
    assert_eq!(res.status(), 403);

    for path in [
        "/analytics/conversations?days=0",
        "/analytics/timeline?days=366",
        "/analytics/audit?hours=0",
        "/analytics/assistant?days=x",
        "/analytics/agents/me?days=0",
    ] {
        let res = app.send(Method::GET, &admin, path, None).await;
        assert_eq!(res.status(), 422, "{path}");
        assert!(res.json::<Value>().await.unwrap()["detail"].is_string());
    }
    assert_eq!(app.client.get(app.api("/analytics/dashboard")).send().await.unwrap().status(), 401);
}

/// `hour`:00 UTC on the day before `now`.
fn yesterday_at(now: chrono::DateTime<chrono::Utc>, hour: u32) -> chrono::DateTime<chrono::Utc> {
    (now - chrono::Duration::days(1)).date_naive().and_hms_opt(hour, 0, 0).unwrap().and_utc()
}

/// The agent's own report (their ticket, reply, resolution and rating above, two hours worked
/// yesterday and a session open now), who may read whose, and the working-hours export.
async fn agents_own_figures_and_hours(app: &TestApp, admin: &str, (agent, agent_token): (i32, &str), viewer: &str) {
    use sea_orm::{ActiveModelTrait, Set};
    let now = chrono::Utc::now();
    domain::entities::work_sessions::ActiveModel {
        id: sea_orm::NotSet,
        user_id: Set(agent),
        // 08:00 to 10:00 UTC yesterday: two hours on one day, whatever the time now.
        started_at: Set(yesterday_at(now, 8)),
        ended_at: Set(Some(yesterday_at(now, 10))),
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    let res = app.send(Method::PUT, agent_token, "/agents/me/presence", Some(json!({ "status": "online" }))).await;
    assert_eq!(res.status(), 200);

    let me = app.get_json(agent_token, "/analytics/agents/me?days=7").await;
    assert_eq!((me["agent_id"].as_i64(), me["days"].as_i64()), (Some(i64::from(agent)), Some(7)));
    assert_eq!((me["tickets_assigned"].as_u64(), me["tickets_resolved"].as_u64()), (Some(1), Some(1)), "{me}");
    assert_eq!(
        (me["conversations_handled"].as_u64(), me["csat"].as_f64(), me["ratings"].as_u64()),
        (Some(1), Some(3.0), Some(1))
    );
    assert!(me["avg_first_response_minutes"].as_f64().unwrap() >= 0.0);
    let days = me["worked"].as_array().unwrap();
    assert_eq!(days.len(), 7, "every day of the period");
    assert_eq!(days[6]["date"], now.format("%Y-%m-%d").to_string(), "today last (no business hours: UTC)");
    let before_today: i64 = days[..6].iter().map(|d| d["seconds"].as_i64().unwrap()).sum();
    assert_eq!(before_today, 7200, "the two hours of yesterday's session: {me}");
    assert!(me["worked_total_secs"].as_i64().unwrap() >= 7200);

    let path = format!("/analytics/agents/{agent}?days=7");
    let theirs = app.get_json(admin, &path).await;
    assert_eq!((theirs["tickets_resolved"].as_u64(), theirs["ratings"].as_u64()), (Some(1), Some(1)));
    assert_eq!(app.get_json(viewer, &path).await["agent_id"], agent);
    let admin_id = app.get_json(admin, "/analytics/agents/me").await["agent_id"].as_i64().unwrap();
    let res = app.send(Method::GET, agent_token, &format!("/analytics/agents/{admin_id}"), None).await;
    assert_eq!(res.status(), 403, "an agent reads only their own");
    assert_eq!(app.send(Method::GET, admin, "/analytics/agents/987654", None).await.status(), 404);

    let res = app.send(Method::GET, admin, "/export/working-hours?days=7", None).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("joxai-working-hours.csv"));
    let csv = res.text().await.unwrap();
    assert!(csv.starts_with("agent_id,name,email,date,hours\r\n"), "{csv}");
    let mine: Vec<&str> = csv.lines().filter(|l| l.starts_with(&format!("{agent},"))).collect();
    assert_eq!(mine.len(), 7, "a row per day: {csv}");
    assert!(mine.iter().any(|l| l.ends_with(",2.00")), "{csv}");
    let json: Value =
        app.send(Method::GET, admin, "/export/working-hours?days=7&format=json", None).await.json().await.unwrap();
    let row = json.as_array().unwrap().iter().find(|r| r["agent_id"] == agent).unwrap();
    assert!(row["total_secs"].as_i64().unwrap() >= 7200);
    assert_eq!(app.send(Method::GET, agent_token, "/export/working-hours", None).await.status(), 403);
    assert!(app.audit().await.iter().any(|e| e.action == "export.working_hours"));
}

#[tokio::test]
async fn the_assistants_answers_are_timed_judged_and_what_it_could_not_answer_is_grouped() {
    let app = spawn_app().await;
    let (_, lead) = app.token_for("lead", Role::Supervisor).await;
    // Nothing in the knowledge base: every question goes unanswered.
    for question in [
        "¿Cuánto cuesta una chequera?",
        "¿Puedo pagar mi hipoteca con bitcoin?",
        "¿Aceptan bitcoin para pagar la hipoteca?",
        "Quiero pagar la hipoteca con bitcoin",
    ] {
        chat(&app, question).await;
    }
    let answers = app.get_json(&lead, "/assistant/answers?limit=10").await;
    let ids: Vec<i64> = answers.as_array().unwrap().iter().filter_map(|a| a["id"].as_i64()).collect();
    assert!(ids.len() >= 4, "{answers}");
    for (id, verdict) in [(ids[0], "helpful"), (ids[1], "wrong")] {
        let path = format!("/assistant/answers/{id}/verdict");
        assert_eq!(app.send(Method::POST, &lead, &path, Some(json!({ "verdict": verdict }))).await.status(), 200);
    }

    let q = &app.get_json(&lead, "/analytics/assistant?days=1").await["quality"];
    let local = q["latency"].as_array().unwrap().iter().find(|l| l["provider"] == "local").expect("{q}");
    assert!(local["answers"].as_u64().unwrap() >= 4, "{q}");
    assert!(local["p50_ms"].as_i64().unwrap() <= local["p95_ms"].as_i64().unwrap(), "{q}");
    assert_eq!((q["reviewed"].as_u64(), q["helpful"].as_u64(), q["wrong"].as_u64()), (Some(2), Some(1), Some(1)));
    assert_eq!((q["helpful_rate"].as_f64(), q["wrong_rate"].as_f64()), (Some(0.5), Some(0.5)));
    let top = &q["unanswered"][0];
    assert_eq!(top["count"], 3, "the three bitcoin questions are one topic: {q}");
    assert_eq!(top["example"], "Quiero pagar la hipoteca con bitcoin", "named by the newest");
    assert_eq!(q["unanswered"][1]["count"], 1);
}
