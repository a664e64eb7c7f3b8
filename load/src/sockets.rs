//! `sockets`: many customers keep their chat socket open while agents write to a sample of them.
//! Reports how many sockets opened, the server's memory per socket, and the time from an agent's
//! reply being sent to its arrival on the customer's socket (fan-out).
//!
//! Sockets come from many loopback addresses (127.0.x.y), at most [`PER_ADDRESS`] each, as the
//! server caps sockets per client address.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use futures::StreamExt;
use serde_json::{Value, json};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

use crate::measure::{Latency, rss_kib};
use crate::workloads::{Run, sign_in};

/// Sockets per client address (the server allows 50).
const PER_ADDRESS: usize = 40;
/// Conversations started, and sockets opened, at once.
const AT_ONCE: usize = 64;
/// Conversations agents write to.
const SAMPLE: usize = 200;
/// Agent replies in flight at once.
const WRITERS: usize = 8;

/// What the run measured.
pub struct Sockets {
    pub wanted: usize,
    pub open: usize,
    pub failed: usize,
    pub rss_per_socket_kib: Option<f64>,
    pub fan_out: Latency,
    pub lost: usize,
}

impl Sockets {
    pub fn json(&self) -> Value {
        json!({
            "workload": "sockets", "wanted": self.wanted, "open": self.open, "failed": self.failed,
            "rss_per_socket_kib": self.rss_per_socket_kib, "replies_lost": self.lost,
            "fan_out": { "count": self.fan_out.count, "p50_ms": self.fan_out.p50, "p99_ms": self.fan_out.p99,
                "max_ms": self.fan_out.max },
        })
    }
}

impl std::fmt::Display for Sockets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let l = &self.fan_out;
        write!(f, "sockets      {:>5} open of {} ({} failed)", self.open, self.wanted, self.failed)?;
        if let Some(kib) = self.rss_per_socket_kib {
            write!(f, "  server RSS {kib:.1} KiB/socket")?;
        }
        write!(f, "  fan-out {} replies: p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms", l.count, l.p50, l.p99, l.max)?;
        write!(f, "  lost {}", self.lost)
    }
}

/// One reply heard: (conversation index, when).
type Heard = (usize, Instant);

pub async fn run(run: &Run, pid: Option<u32>) -> Result<Sockets> {
    let chats = {
        // Its idle connections are closed before the sockets open: every file counts near the limit.
        let starting = reqwest::Client::builder().pool_max_idle_per_host(AT_ONCE).build()?;
        start_conversations(&starting, &run.base, run.clients).await?
    };
    let http = reqwest::Client::builder().pool_max_idle_per_host(WRITERS).build()?;
    let token = sign_in(&http, run).await?;
    let before = pid.and_then(rss_kib);
    let server: SocketAddr = run.base.trim_start_matches("http://").parse().context("--base must be http://IP:PORT")?;
    let (heard_tx, mut heard) = mpsc::unbounded_channel::<Heard>();
    let chats = Arc::new(chats);
    let opened: Vec<bool> = futures::stream::iter(0..chats.len())
        .map(|i| open(server, chats.clone(), i, heard_tx.clone()))
        .buffer_unordered(AT_ONCE)
        .collect()
        .await;
    let open_count = opened.iter().filter(|o| **o).count();
    // Let the sockets settle (greetings replayed) before measuring memory.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = pid.and_then(rss_kib);
    let rss_per_socket_kib =
        before.zip(after).filter(|_| open_count > 0).map(|(b, a)| a.saturating_sub(b) as f64 / open_count as f64);

    // Agents write to a sample, spread over all conversations, until the deadline. A first round,
    // not measured, has them join (their first reply takes the conversation over).
    let step = (chats.len() / SAMPLE).max(1);
    let sample: Vec<usize> = (0..chats.len()).step_by(step).filter(|i| opened[*i]).take(SAMPLE).collect();
    let mut deadline: Option<Instant> = None;
    let mut sent: Vec<Option<Instant>> = vec![None; chats.len()];
    let mut latencies = Vec::new();
    let mut lost = 0usize;
    'writing: loop {
        for batch in sample.chunks(WRITERS) {
            if deadline.is_some_and(|d| Instant::now() >= d) {
                break 'writing;
            }
            let posts = batch.iter().map(|&i| {
                let url = format!("{}/api/v1/conversations/{}/messages", run.base, chats[i].0);
                let request = http.post(url).bearer_auth(&token).json(&json!({ "content": "Un momento, lo reviso." }));
                let started = Instant::now();
                async move { (i, started, request.send().await.is_ok_and(|r| r.status().is_success())) }
            });
            for (i, started, ok) in futures::future::join_all(posts).await {
                if ok {
                    sent[i] = Some(started);
                }
            }
            // Every reply of the batch arrives before the next batch goes (or is counted lost).
            let mut waiting = batch.iter().filter(|i| sent[**i].is_some()).count();
            while waiting > 0 {
                match tokio::time::timeout(Duration::from_secs(5), heard.recv()).await {
                    Ok(Some((i, at))) => {
                        if let Some(started) = sent[i].take() {
                            latencies.push(at.duration_since(started));
                            waiting -= 1;
                        }
                    }
                    _ => {
                        lost += waiting;
                        sent.iter_mut().for_each(|s| *s = None);
                        break;
                    }
                }
            }
        }
        if deadline.is_none() {
            (latencies, lost) = (Vec::new(), 0);
            deadline = Some(Instant::now() + run.duration);
        }
    }
    Ok(Sockets {
        wanted: run.clients,
        open: open_count,
        failed: run.clients - open_count,
        rss_per_socket_kib,
        fan_out: Latency::of(latencies),
        lost,
    })
}

/// Starts `n` conversations: (public id, visitor token).
async fn start_conversations(http: &reqwest::Client, base: &str, n: usize) -> Result<Vec<(String, String)>> {
    let started: Vec<Result<(String, String)>> = futures::stream::iter(0..n)
        .map(|_| async {
            let res = http.post(format!("{base}/api/v1/chat/start")).json(&json!({ "language": "es" })).send().await?;
            let body: Value = res.error_for_status()?.json().await?;
            let id = body["conversation_id"].as_str().context("no conversation id")?.to_owned();
            Ok((id, body["visitor_token"].as_str().context("no visitor token")?.to_owned()))
        })
        .buffer_unordered(AT_ONCE)
        .collect()
        .await;
    started.into_iter().collect()
}

/// Opens conversation `i`'s socket from its loopback address and keeps reading it in a task;
/// agent messages are reported on `heard`. Whether it opened.
async fn open(
    server: SocketAddr,
    chats: Arc<Vec<(String, String)>>,
    i: usize,
    heard: mpsc::UnboundedSender<Heard>,
) -> bool {
    let block = i / PER_ADDRESS;
    let from = Ipv4Addr::new(127, 1 + (block / 65_536 % 254) as u8, (block / 256 % 256) as u8, (block % 256) as u8);
    let Ok(socket) = tokio::net::TcpSocket::new_v4() else { return false };
    if socket.bind(SocketAddr::new(from.into(), 0)).is_err() {
        return false;
    }
    let Ok(stream) = socket.connect(server).await else { return false };
    let (id, token) = &chats[i];
    let url = format!("ws://{server}/api/v1/chat/ws?conversation_id={id}&token={token}&after_seq=0");
    let config = WebSocketConfig::default().read_buffer_size(4096).write_buffer_size(0);
    let Ok((mut ws, _)) = tokio_tungstenite::client_async_with_config(url, stream, Some(config)).await else {
        return false;
    };
    tokio::spawn(async move {
        while let Some(Ok(frame)) = ws.next().await {
            if let Message::Text(text) = frame
                && text.contains("\"agent\"")
                && serde_json::from_str::<Value>(&text).is_ok_and(|e| e["message"]["role"] == "agent")
                && heard.send((i, Instant::now())).is_err()
            {
                break;
            }
        }
    });
    true
}
