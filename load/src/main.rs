//! `joxai-load`: drives a running JoxAI server with one workload and prints what it measured —
//! throughput, latency percentiles, errors, and (given the server's pid) its CPU per request and
//! resident memory. `cargo xtask load` starts a release server and runs the workloads in turn.
//!
//! Workloads, each closed-loop (a client sends its next request when the last one answered):
//! - `chat`: each customer starts a conversation and sends five messages, then starts again;
//! - `tickets`: each agent lists 100 tickets;
//! - `conversations`: each agent lists 100 conversations;
//! - `login-storm`: every client tries a wrong password for a random name (so no per-account
//!   lock stops the hashing), while one prober asks `/healthz` every 10 ms;
//! - `sockets`: every client holds a customer socket open while an agent writes to a sample of
//!   them (memory per socket, fan-out latency).

// A command-line tool: its report goes to standard output.
#![allow(clippy::print_stdout)]

mod measure;
mod sockets;
mod workloads;

use std::time::Duration;

use anyhow::Result;
use clap::{Parser, ValueEnum};

#[derive(Parser)]
#[command(name = "joxai-load", about = "Load generator for a running JoxAI server (loopback only)")]
struct Cli {
    /// The server, e.g. http://127.0.0.1:3000 (loopback only).
    #[arg(long)]
    base: String,
    #[arg(value_enum)]
    workload: Workload,
    /// Concurrent clients.
    #[arg(long, default_value_t = 10)]
    clients: usize,
    /// How long to run.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// The server's process id, for CPU time and memory.
    #[arg(long)]
    pid: Option<u32>,
    /// A staff sign-in for the `tickets` and `conversations` workloads.
    #[arg(long, default_value = "load")]
    user: String,
    #[arg(long, default_value = "load-password-1")]
    password: String,
    /// Print one JSON line instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Workload {
    Chat,
    Tickets,
    Conversations,
    LoginStorm,
    Sockets,
}

#[tokio::main]
async fn main() -> Result<()> {
    let cli = Cli::parse();
    let host = reqwest::Url::parse(&cli.base)?.host_str().unwrap_or_default().to_owned();
    anyhow::ensure!(
        matches!(host.as_str(), "127.0.0.1" | "localhost" | "[::1]" | "::1"),
        "joxai-load only drives a server on this machine (loopback), not {host}"
    );
    let run = workloads::Run {
        base: cli.base.trim_end_matches('/').to_owned(),
        clients: cli.clients.max(1),
        duration: Duration::from_secs(cli.seconds.max(1)),
        user: cli.user,
        password: cli.password,
    };
    if let Workload::Sockets = cli.workload {
        let sockets = sockets::run(&run, cli.pid).await?;
        if cli.json {
            println!("{}", sockets.json());
        } else {
            println!("{sockets}");
        }
        return Ok(());
    }
    let own = std::process::id();
    let before = (cli.pid.and_then(measure::cpu_ticks), measure::cpu_ticks(own));
    let outcome = workloads::run(cli.workload, &run).await?;
    let after = (cli.pid.and_then(measure::cpu_ticks), measure::cpu_ticks(own));
    let spent = |b: Option<u64>, a: Option<u64>| b.zip(a).map(|(b, a)| measure::ticks_to_secs(a.saturating_sub(b)));
    let cpu = measure::Cpu { server: spent(before.0, after.0), load: spent(before.1, after.1) };
    let rss = cli.pid.and_then(measure::rss_kib);
    let report = measure::Report::new(&outcome, run.duration, cpu, rss);
    if cli.json {
        println!("{}", report.json());
    } else {
        println!("{report}");
    }
    Ok(())
}
