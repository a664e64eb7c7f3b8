//! Analytics at size: seeds 100,000 conversations with 1,000,000 messages, 10,000 tickets and
//! 100,000 assistant answers over 90 days, then measures the dashboard's queries. Prints p50/p99
//! of single calls once, then criterion's figures.
//!
//! Run: `cargo bench -p domain --features server --bench analytics` (SQLite in a temporary
//! file), or with `BENCH_DATABASE_URL=postgres://…/some_empty_db` for PostgreSQL.

#![allow(clippy::unwrap_used)]

use std::time::Instant;

use chrono::{Duration, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use domain::AppState;
use domain::auth::CurrentUser;
use domain::entities::{assistant_answers, conversations, messages, tickets};
use domain::model::{ConversationStatus, MessageRole, Priority, Role, TicketStatus};
use sea_orm::{EntityTrait, NotSet, Set, TransactionTrait};

const CONVERSATIONS: i32 = 100_000;
const PER_CONVERSATION: i64 = 10;
const BATCH: i32 = 1_000;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

async fn seed() -> AppState {
    let url = std::env::var("BENCH_DATABASE_URL").unwrap_or_else(|_| {
        let path = std::env::temp_dir().join(format!("joxai_bench_{}.db", std::process::id()));
        format!("sqlite://{}?mode=rwc", path.display())
    });
    let env = std::collections::HashMap::from([
        ("DATABASE_URL".to_owned(), url.clone()),
        ("JOXAI_JWT_SECRET".to_owned(), "bench-secret-bench-secret-bench-secret-0".to_owned()),
        ("JOXAI_DEMO_SEED".to_owned(), "false".to_owned()),
    ]);
    let config = domain::config::Config::load_from(&env).unwrap();
    let db = domain::db::connect_and_migrate(&url).await.unwrap();
    let state = AppState::new(db, config);
    let started = Instant::now();
    let now = Utc::now();
    use ConversationStatus::{Assigned, Bot, Closed, Waiting};
    let statuses = [Bot, Closed, Closed, Waiting, Assigned];
    for first in (1..=CONVERSATIONS).step_by(BATCH as usize) {
        let txn = state.db.begin().await.unwrap();
        let ids: Vec<i32> = (first..first + BATCH).collect();
        let at = |id: i32| now - Duration::minutes(i64::from(id) * 90 * 24 * 60 / i64::from(CONVERSATIONS));
        conversations::Entity::insert_many(ids.iter().map(|&id| conversations::ActiveModel {
            id: Set(id),
            public_id: Set(format!("00000000-0000-4000-8000-{id:012}")),
            visitor_id: Set(None),
            visitor_token_hash: Set(String::new()),
            customer_id: Set(None),
            status: Set(statuses[id as usize % statuses.len()]),
            language: Set(if id % 3 == 0 { "en" } else { "es" }.to_owned()),
            metadata: Set(serde_json::json!({})),
            last_seq: Set(PER_CONVERSATION),
            low_confidence_turns: Set(0),
            assigned_to: Set(None),
            created_at: Set(at(id)),
            updated_at: Set(at(id)),
            closed_at: Set(None),
            inbox_id: Set(None),
            customer_ref: Set(None),
            customer_ref_index: Set(None),
            csat_score: Set((id % 4 == 0).then_some((id % 5 + 1) as i16)),
            csat_comment: Set(None),
            rated_at: Set(None),
            recent_questions: Set(None),
            last_client_message_id: Set(None),
            agent_read_seq: Set(0),
            customer_read_seq: Set(0),
        }))
        .exec(&txn)
        .await
        .unwrap();
        // 2,000 rows a statement: SQLite allows 32,766 bound values.
        for chunk in ids.chunks(200) {
            messages::Entity::insert_many(chunk.iter().flat_map(|&id| {
                (1..=PER_CONVERSATION).map(move |seq| messages::ActiveModel {
                    id: NotSet,
                    conversation_id: Set(id),
                    seq: Set(seq),
                    role: Set(if seq % 2 == 1 { MessageRole::Customer } else { MessageRole::Assistant }),
                    author_id: Set(None),
                    content: Set("¿Cuál es el horario de atención de las sucursales?".to_owned()),
                    metadata: Set(serde_json::json!({})),
                    client_message_id: Set(None),
                    reply_to: Set(None),
                    created_at: Set(at(id) + Duration::seconds(seq)),
                })
            }))
            .exec(&txn)
            .await
            .unwrap();
        }
        tickets::Entity::insert_many(ids.iter().filter(|&&id| id % 10 == 0).map(|&id| tickets::ActiveModel {
            id: NotSet,
            ticket_id: Set(format!("TKT-{id:08X}")),
            conversation_id: Set(Some(id)),
            open_conversation_id: Set(None),
            customer_name: Set("Bench".to_owned()),
            customer_email: Set(None),
            customer_email_index: Set(None),
            subject: Set("Stolen card".to_owned()),
            description: Set(String::new()),
            status: Set(TicketStatus::Resolved),
            priority: Set(Priority::High),
            category: Set(["fraud", "stolen_card", "complaint", "human"][id as usize % 4].to_owned()),
            assigned_to: Set(None),
            created_by: Set(None),
            created_at: Set(at(id)),
            updated_at: Set(at(id)),
            first_response_at: Set(Some(at(id) + Duration::minutes(7))),
            resolved_at: Set(Some(at(id) + Duration::hours(3))),
            first_response_due_at: Set(Some(at(id) + Duration::minutes(60))),
            resolution_due_at: Set(Some(at(id) + Duration::hours(8))),
            first_response_breached_at: Set(None),
            resolution_breached_at: Set(None),
        }))
        .exec(&txn)
        .await
        .unwrap();
        assistant_answers::Entity::insert_many(ids.iter().map(|&id| assistant_answers::ActiveModel {
            id: NotSet,
            created_at: Set(at(id)),
            channel: Set("chat".to_owned()),
            conversation_id: Set(None),
            question: Set("horario".to_owned()),
            answer: Set("De 9 a 18".to_owned()),
            language: Set("es".to_owned()),
            intent: Set("answer".to_owned()),
            sources: Set(serde_json::json!([])),
            confidence: Set(f64::from(id % 100) / 100.0),
            provider: Set("local".to_owned()),
            latency_ms: Set(1),
            escalated: Set(false),
            verdict: Set(None),
            verdict_note: Set(None),
            verdict_by: Set(None),
            verdict_at: Set(None),
            correct_article_id: Set(None),
        }))
        .exec(&txn)
        .await
        .unwrap();
        txn.commit().await.unwrap();
    }
    eprintln!(
        "seeded {CONVERSATIONS} conversations, {} messages in {:.1} s",
        i64::from(CONVERSATIONS) * PER_CONVERSATION,
        started.elapsed().as_secs_f64()
    );
    state
}

fn admin() -> CurrentUser {
    CurrentUser { id: 1, username: "bench".into(), full_name: "Bench".into(), role: Role::Admin }
}

fn percentiles(name: &str, mut run: impl FnMut() -> std::time::Duration) {
    let mut times: Vec<f64> = (0..30).map(|_| run().as_secs_f64() * 1000.0).collect();
    times.sort_by(f64::total_cmp);
    eprintln!("{name}: p50 {:.1} ms, p99 {:.1} ms", times[times.len() / 2], times[times.len() - 1]);
}

fn bench(c: &mut Criterion) {
    let rt = runtime();
    let state = rt.block_on(seed());
    let actor = admin();
    let whole = |state: &AppState, actor: &CurrentUser| {
        let (state, actor) = (state.clone(), actor.clone());
        async move {
            domain::analytics::dashboard(&state, &actor).await.unwrap();
            domain::analytics::conversations(&state, &actor, Some(30)).await.unwrap();
            domain::analytics::tickets(&state, &actor).await.unwrap();
            domain::analytics::timeline(&state, &actor, Some(30)).await.unwrap();
            domain::analytics::assistant(&state, &actor, Some(30)).await.unwrap();
        }
    };
    percentiles("dashboard overview", || {
        let t = Instant::now();
        rt.block_on(domain::analytics::dashboard(&state, &actor)).unwrap();
        t.elapsed()
    });
    percentiles("conversations (30 days)", || {
        let t = Instant::now();
        rt.block_on(domain::analytics::conversations(&state, &actor, Some(30))).unwrap();
        t.elapsed()
    });
    percentiles("tickets", || {
        let t = Instant::now();
        rt.block_on(domain::analytics::tickets(&state, &actor)).unwrap();
        t.elapsed()
    });
    percentiles("timeline (30 days)", || {
        let t = Instant::now();
        rt.block_on(domain::analytics::timeline(&state, &actor, Some(30))).unwrap();
        t.elapsed()
    });
    percentiles("assistant (30 days)", || {
        let t = Instant::now();
        rt.block_on(domain::analytics::assistant(&state, &actor, Some(30))).unwrap();
        t.elapsed()
    });
    percentiles("whole dashboard page (5 calls, 30 days)", || {
        let t = Instant::now();
        rt.block_on(whole(&state, &actor));
        t.elapsed()
    });
    let mut group = c.benchmark_group("analytics");
    group.sample_size(10);
    group.bench_function("dashboard", |b| b.iter(|| rt.block_on(domain::analytics::dashboard(&state, &actor))));
    group.bench_function("timeline_30_days", |b| {
        b.iter(|| rt.block_on(domain::analytics::timeline(&state, &actor, Some(30))))
    });
    group.bench_function("whole_dashboard_page", |b| b.iter(|| rt.block_on(whole(&state, &actor))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
