//! `cargo xtask load`: starts the release server on a free loopback port against a fresh database
//! (a temporary SQLite file, or `--database URL`), with rate limits off, and runs the load
//! generator (`load/`, `joxai-load`) through the workloads in turn: chat at several numbers of
//! customers, the ticket list, the conversation list, and a login storm with `/healthz` probes.
//! Each prints throughput, latency percentiles, errors, the server's CPU per request and its
//! resident memory; first, the idle server's resident memory, 10 s after it starts listening.
//! `--sockets N` runs only the sockets workload: N customer sockets held open while an agent
//! writes to a sample (memory per socket, fan-out latency). Both processes get the most open files
//! the machine allows.

use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::{release_server, root, run, wait_for};

struct Options {
    seconds: u64,
    database: Option<String>,
    customers: Vec<usize>,
    json: bool,
    sockets: Option<usize>,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options { seconds: 10, database: None, customers: vec![1, 10, 50, 200], json: false, sockets: None };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().with_context(|| format!("{flag} takes a value"));
        match flag.as_str() {
            "--seconds" => o.seconds = value()?.parse().context("--seconds takes a whole number")?,
            "--database" => o.database = Some(value()?.clone()),
            "--customers" => {
                o.customers =
                    value()?.split(',').map(str::parse).collect::<Result<_, _>>().context("--customers 1,10,50")?
            }
            "--full" => o.customers = vec![1, 10, 50, 200, 1000],
            "--json" => o.json = true,
            "--sockets" => o.sockets = Some(value()?.parse().context("--sockets takes a whole number")?),
            _ => {
                bail!(
                    "usage: cargo xtask load [--seconds N] [--customers 1,10,50] [--full] [--sockets N] \
                     [--database URL] [--json]"
                )
            }
        }
    }
    Ok(o)
}

pub fn load(args: &[String]) -> Result<()> {
    let o = options(args)?;
    let root = root();
    crate::leptos_release()?;
    run(crate::cargo().args(["build", "--release", "-p", "load"]))?;
    let dir = root.join("target/load");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let database = o.database.clone().unwrap_or_else(|| format!("sqlite://{}?mode=rwc", dir.join("load.db").display()));
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let base = format!("http://127.0.0.1:{port}");
    let (user, password) = ("admin@load.test", "load-admin-password");
    let mut server = release_server(
        &mut most_files(&root.join("target/release/joxai")),
        &dir,
        &database,
        &format!("127.0.0.1:{port}"),
    )?
    .env("JOXAI_ADMIN_EMAIL", user)
    .env("JOXAI_ADMIN_PASSWORD", password)
    .env("JOXAI_DEMO_SEED", "true")
    .env("JOXAI_RATE_LIMITS", "off")
    .env("RUST_LOG", "warn")
    .spawn()
    .context("cannot start target/release/joxai")?;
    let pid = server.id().to_string();
    let result = (|| {
        wait_for(&format!("127.0.0.1:{port}"))?;
        std::thread::sleep(IDLE);
        eprintln!("xtask: idle server, {} s after it started listening: {}", IDLE.as_secs(), memory(&pid));
        let seconds = o.seconds.to_string();
        let mut plan: Vec<(&str, usize)> = o.customers.iter().map(|&n| ("chat", n)).collect();
        plan.push(("tickets", 10));
        plan.push(("conversations", 10));
        plan.push(("login-storm", 100));
        if let Some(sockets) = o.sockets {
            plan = vec![("sockets", sockets)];
        }
        eprintln!("xtask: load on {database}, {seconds} s per workload, server pid {pid}");
        for (workload, clients) in plan {
            let mut cmd = most_files(&root.join("target/release/joxai-load"));
            cmd.args(["--base", &base, workload, "--clients", &clients.to_string(), "--seconds", &seconds]);
            cmd.args(["--pid", &pid, "--user", user, "--password", password]);
            if o.json {
                cmd.arg("--json");
            }
            run(&mut cmd)?;
        }
        Ok(())
    })();
    let _ = server.kill();
    let _ = server.wait();
    if result.is_err() {
        eprintln!("xtask: server log: {}", dir.join("server.log").display());
    }
    result
}

/// How long the server idles before its memory is read.
const IDLE: Duration = Duration::from_secs(10);

/// The process's resident memory as `/proc/<pid>/status` gives it: in all, anonymous, file pages.
fn memory(pid: &str) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let mib = |key: &str| {
        let line = status.lines().find(|l| l.starts_with(key))?;
        let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(format!("{:.1} MiB", kib / 1024.0))
    };
    match (mib("VmRSS:"), mib("RssAnon:"), mib("RssFile:")) {
        (Some(all), Some(anon), Some(file)) => format!("RSS {all} ({anon} anonymous, {file} file pages)"),
        _ => "RSS unknown (no /proc)".to_owned(),
    }
}

/// `program` run with its open-file limit raised to the most allowed (a socket is a file).
fn most_files(program: &std::path::Path) -> Command {
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "ulimit -n \"$(ulimit -Hn)\" 2>/dev/null; exec \"$0\" \"$@\""]).arg(program);
    cmd
}
