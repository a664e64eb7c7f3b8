//! The workloads. Every client runs until the deadline, each request after the previous answer.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde_json::{Value, json};

use crate::Workload;

/// What every workload needs.
pub struct Run {
    pub base: String,
    pub clients: usize,
    pub duration: Duration,
    pub user: String,
    pub password: String,
}

/// What a workload measured.
pub struct Outcome {
    pub name: &'static str,
    pub clients: usize,
    /// One per answered request.
    pub latencies: Vec<Duration>,
    /// Requests that failed or answered an unexpected status.
    pub errors: usize,
    /// `/healthz` latencies probed while the workload ran.
    pub probe: Option<Vec<Duration>>,
}

/// A customer's messages: ordinary questions the demo knowledge base answers (no escalation, so
/// the figures measure the answering path).
const MESSAGES: &[&str] = &[
    "¿Cuánto cuesta retirar en un cajero de otro banco?",
    "How do I activate my new card?",
    "¿Cuál es el horario de las sucursales?",
    "cómo hago una transferencia spei",
    "What is the daily limit for my debit card?",
];

/// One client's tally.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    errors: usize,
}

impl Tally {
    /// Sends `request`, timing it to the whole body; a status in `ok` counts, anything else is an
    /// error. The body is returned unparsed: parsing every answer would cost this process CPU
    /// the server then lacks (they share the machine's cores).
    async fn send(&mut self, request: reqwest::RequestBuilder, ok: &[u16]) -> Option<bytes::Bytes> {
        let started = Instant::now();
        match request.send().await {
            Ok(res) if ok.contains(&res.status().as_u16()) => match res.bytes().await {
                Ok(body) => {
                    self.latencies.push(started.elapsed());
                    Some(body)
                }
                Err(_) => {
                    self.errors += 1;
                    None
                }
            },
            _ => {
                self.errors += 1;
                None
            }
        }
    }
}

fn client(clients: usize) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .pool_max_idle_per_host(clients + 1)
        .timeout(Duration::from_secs(30))
        .build()
        .context("building the HTTP client")
}

pub async fn run(workload: Workload, run: &Run) -> Result<Outcome> {
    let http = client(run.clients)?;
    let deadline = Instant::now() + run.duration;
    let (name, tallies, probe) = match workload {
        Workload::Chat => ("chat", spawn(run, |_| chat(http.clone(), run.base.clone(), deadline)).await, None),
        Workload::Tickets => {
            let token = sign_in(&http, run).await?;
            seed_tickets(&http, &run.base, &token, 100).await?;
            (
                "tickets",
                spawn(run, |_| list(http.clone(), run.base.clone(), "tickets", token.clone(), deadline)).await,
                None,
            )
        }
        Workload::Conversations => {
            let token = sign_in(&http, run).await?;
            seed_conversations(&http, &run.base, &token, 100).await?;
            let agents = spawn(run, |_| list(http.clone(), run.base.clone(), "conversations", token.clone(), deadline));
            ("conversations", agents.await, None)
        }
        Workload::LoginStorm => {
            let prober = tokio::spawn(probe(http.clone(), run.base.clone(), deadline));
            let tallies = spawn(run, |i| bad_logins(http.clone(), run.base.clone(), i, deadline)).await;
            ("login-storm", tallies, prober.await.ok())
        }
        Workload::Sockets => anyhow::bail!("the sockets workload reports on its own (sockets.rs)"),
    };
    let mut outcome = Outcome { name, clients: run.clients, latencies: Vec::new(), errors: 0, probe };
    for tally in tallies {
        outcome.latencies.extend(tally.latencies);
        outcome.errors += tally.errors;
    }
    Ok(outcome)
}

/// Runs `clients` copies of a client and gathers their tallies.
async fn spawn<F, Fut>(run: &Run, client: F) -> Vec<Tally>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = Tally> + Send + 'static,
{
    let handles: Vec<_> = (0..run.clients).map(|i| tokio::spawn(client(i))).collect();
    futures::future::join_all(handles).await.into_iter().filter_map(Result::ok).collect()
}

/// A customer: starts a conversation, sends five messages, and starts again.
async fn chat(http: reqwest::Client, base: String, deadline: Instant) -> Tally {
    let mut tally = Tally::default();
    while Instant::now() < deadline {
        let start = http.post(format!("{base}/api/v1/chat/start")).json(&json!({ "language": "es" }));
        let Some(started) = tally.send(start, &[200, 201]).await else { continue };
        let started: Value = serde_json::from_slice(&started).unwrap_or_default();
        let (Some(id), Some(token)) = (started["conversation_id"].as_str(), started["visitor_token"].as_str()) else {
            tally.errors += 1;
            continue;
        };
        for message in MESSAGES {
            if Instant::now() >= deadline {
                break;
            }
            let body = json!({ "conversation_id": id, "message": message });
            let request = http.post(format!("{base}/api/v1/chat/message")).header("x-visitor-token", token).json(&body);
            tally.send(request, &[200, 201]).await;
        }
    }
    tally
}

pub async fn sign_in(http: &reqwest::Client, run: &Run) -> Result<String> {
    let body = json!({ "username": run.user, "password": run.password });
    let res = http.post(format!("{}/api/v1/auth/login", run.base)).json(&body).send().await?;
    anyhow::ensure!(res.status().is_success(), "signing in as {} failed: {}", run.user, res.status());
    let body: Value = res.json().await?;
    body["access_token"].as_str().map(str::to_owned).context("no access token in the sign-in answer")
}

/// Opens tickets until there are `wanted` (setup, not measured).
async fn seed_tickets(http: &reqwest::Client, base: &str, token: &str, wanted: usize) -> Result<()> {
    let res = http.get(format!("{base}/api/v1/tickets?limit=1")).bearer_auth(token).send().await?;
    let total: usize = res.headers().get("x-total-count").and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
    for i in total..wanted {
        let body = json!({
            "subject": format!("Card question {i}"), "description": "The customer asked about a card.",
            "customer_name": "Load Test", "priority": "medium"
        });
        let res = http.post(format!("{base}/api/v1/tickets")).bearer_auth(token).json(&body).send().await?;
        anyhow::ensure!(res.status().is_success(), "opening a ticket failed: {}", res.status());
    }
    Ok(())
}

/// Starts conversations, each with one message answered, until there are `wanted` (setup, not
/// measured).
async fn seed_conversations(http: &reqwest::Client, base: &str, token: &str, wanted: usize) -> Result<()> {
    let res = http.get(format!("{base}/api/v1/conversations?limit=1")).bearer_auth(token).send().await?;
    let total: usize = res.headers().get("x-total-count").and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(0);
    for i in total..wanted {
        let res = http.post(format!("{base}/api/v1/chat/start")).json(&json!({ "language": "en" })).send().await?;
        anyhow::ensure!(res.status().is_success(), "starting a conversation failed: {}", res.status());
        let started: Value = res.json().await?;
        let (Some(id), Some(visitor)) = (started["conversation_id"].as_str(), started["visitor_token"].as_str()) else {
            anyhow::bail!("no conversation id or visitor token in the answer to /chat/start");
        };
        let body = json!({ "conversation_id": id, "message": MESSAGES[i % MESSAGES.len()] });
        let res = http.post(format!("{base}/api/v1/chat/message")).header("x-visitor-token", visitor).json(&body);
        let res = res.send().await?;
        anyhow::ensure!(res.status().is_success(), "sending a message failed: {}", res.status());
    }
    Ok(())
}

/// An agent listing the first 100 of `what` (`tickets`, `conversations`), again and again.
async fn list(http: reqwest::Client, base: String, what: &'static str, token: String, deadline: Instant) -> Tally {
    let mut tally = Tally::default();
    while Instant::now() < deadline {
        let request = http.get(format!("{base}/api/v1/{what}?limit=100")).bearer_auth(&token);
        tally.send(request, &[200]).await;
    }
    tally
}

/// Wrong passwords for names nobody has, so every attempt costs the server a password hash.
async fn bad_logins(http: reqwest::Client, base: String, client: usize, deadline: Instant) -> Tally {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let mut tally = Tally::default();
    while Instant::now() < deadline {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let body = json!({ "username": format!("nobody-{client}-{n}"), "password": "not-the-password" });
        let request = http.post(format!("{base}/api/v1/auth/login")).json(&body);
        // 401 is the expected answer; 429 means a limit held (the limits are meant to be off).
        tally.send(request, &[401]).await;
    }
    tally
}

/// `/healthz` every 10 ms until the deadline.
async fn probe(http: reqwest::Client, base: String, deadline: Instant) -> Vec<Duration> {
    let mut tally = Tally::default();
    let mut tick = tokio::time::interval(Duration::from_millis(10));
    while Instant::now() < deadline {
        tick.tick().await;
        tally.send(http.get(format!("{base}/healthz")), &[200]).await;
    }
    tally.latencies
}
