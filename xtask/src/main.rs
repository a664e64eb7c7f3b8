//! `cargo xtask dev|test|build|tools|eval|fuzz|load|order|house`: installs what the build needs
//! (nothing can come from GitHub here, see TOOLCHAIN.md) and runs things the one right way.

mod house;
mod load;
mod order;
mod site;
mod tools;
mod widget;

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dev") => dev(),
        Some("test") => test(),
        Some("build") => build_release(),
        Some("tools") => tools::ensure_all(),
        Some("widget") => widget::build(false),
        Some("eval") => {
            let mut cmd = cargo();
            cmd.args(["run", "--release", "-p", "domain", "--features", "server", "--example", "eval", "--"]);
            run(cmd.args(&args[1..]))
        }
        Some("fuzz") => fuzz(&args[1..]),
        Some("load") => load::load(&args[1..]),
        Some("house") => house::check(),
        Some("order") => order::order(),
        Some("e2e") => end2end(),
        _ => {
            eprintln!("usage: cargo xtask <dev|test|build|e2e|tools|widget|eval|fuzz|load|order|house>");
            eprintln!("  dev    install missing tools, build the widget, run `cargo leptos watch --split` on :3000");
            eprintln!("  test   fmt, clippy, tests on SQLite (+ PostgreSQL), release build, browser tests");
            eprintln!("  build  release build of the server, the admin panel and the widget");
            eprintln!("  e2e    the browser tests against the last release build");
            eprintln!("  eval   the assistant on the dev and the frozen test split: top-1, abstentions, escalation");
            eprintln!("         recall, false escalations, beside plain BM25 (--show-test-misses after a change)");
            eprintln!("  fuzz   --minutes N: every API operation with hostile input for N minutes (SQLite, or");
            eprintln!("         TEST_DATABASE_URL); CI runs a bounded pass inside `test`");
            eprintln!("  house  line width, file size, module circles, unused dependencies (run by `test`)");
            eprintln!("  load   the release server under load (chat, ticket list, login storm): req/s, p50/p99/p99.9,");
            eprintln!(
                "         server CPU per request, RSS (--seconds N, --customers 1,10,50, --full, --database URL)"
            );
            eprintln!("  order  server/startup.order: the functions the release server runs starting and idling,");
            eprintln!("         laid out together by release links (valgrind's callgrind; build again after)");
            return std::process::ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: FAILED: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// `cargo xtask fuzz --minutes N`: the API fuzz test, drawing fresh variants for N minutes.
fn fuzz(args: &[String]) -> Result<()> {
    let minutes = match args {
        [flag, n] if flag == "--minutes" => n.parse::<u64>().context("--minutes takes a whole number")?,
        [] => 5,
        _ => bail!("usage: cargo xtask fuzz [--minutes N]"),
    };
    let filter = "package(server) and test(/fuzz::/)";
    run(cargo()
        .args(["nextest", "run", "--no-capture", "--no-fail-fast", "-E", filter])
        .env("JOXAI_FUZZ_MINUTES", minutes.to_string()))
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

/// Runs `cmd` in the workspace root with our tools on PATH; fails unless it exits 0.
pub fn run(cmd: &mut Command) -> Result<()> {
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(root());
    }
    cmd.env("PATH", tools::path_with_tools());
    eprintln!("xtask: $ {}", describe(cmd));
    let status = cmd.status().with_context(|| format!("cannot start {}", describe(cmd)))?;
    if !status.success() {
        bail!("`{}` failed ({status})", describe(cmd));
    }
    Ok(())
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn dev() -> Result<()> {
    tools::ensure_all()?;
    widget::build(false)?;
    let _watcher = widget::watch();
    run(cargo().args(["leptos", "watch", "--split"]))
}

fn build_release() -> Result<()> {
    tools::ensure_all()?;
    leptos_release()?;
    widget::build(true)
}

/// The release server and admin site: each page's code in its own wasm chunk (`--split`, the
/// lazy routes of `app`), every file with a content hash in its name and brotli + gzip copies.
fn leptos_release() -> Result<()> {
    run(cargo().args(["leptos", "build", "--release", "--split", "--precompress"]))
}

fn test() -> Result<()> {
    let started = Instant::now();
    tools::ensure_all()?;
    run(cargo().args(["fmt", "--all", "--check"]))?;
    house::check()?;
    // ssr: the server and everything it pulls in (app with `ssr`, domain with `server`).
    run(cargo().args(["clippy", "--all-targets", "--", "-D", "warnings"]))?;
    // hydrate and the widget, on wasm32: domain without `server` must build there.
    run(cargo().args([
        "clippy",
        "-p",
        "frontend",
        "-p",
        "widget",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo().args(["nextest", "run", "--no-fail-fast"]).env_remove("TEST_DATABASE_URL"))?;
    let postgres = postgres_url();
    match &postgres {
        Some(url) => {
            // The same build as the SQLite run (a `-p server` build would resolve features anew and
            // compile and link everything again), selecting the server's tests.
            let server_tests = ["nextest", "run", "--no-fail-fast", "-E", "package(server)"];
            run(cargo().args(server_tests).env("TEST_DATABASE_URL", url))?;
        }
        None if std::env::var("CI").as_deref() == Ok("true") => {
            bail!("CI=true but no PostgreSQL: set TEST_DATABASE_URL or start a server on 127.0.0.1:5432")
        }
        None => {}
    }
    let databases = if postgres.is_some() { "SQLite and PostgreSQL" } else { "SQLite only (no PostgreSQL found)" };
    eprintln!("xtask: database tests ran on {databases}");
    build_release()?;
    widget::check_budgets()?;
    site::check_budget()?;
    end2end()?;
    eprintln!("xtask: all checks passed on {databases} in {:.0?}", started.elapsed());
    Ok(())
}

/// `TEST_DATABASE_URL`, or the local server on 127.0.0.1:5432 when one answers.
fn postgres_url() -> Option<String> {
    if let Ok(url) = std::env::var("TEST_DATABASE_URL")
        && !url.is_empty()
    {
        return Some(url);
    }
    let addr = "127.0.0.1:5432".parse().ok()?;
    TcpStream::connect_timeout(&addr, Duration::from_millis(300))
        .ok()
        .map(|_| "postgres://postgres:postgres@127.0.0.1:5432/postgres".to_owned())
}

/// Starts the release binary on a free port against a fresh SQLite file and runs the browser tests.
fn end2end() -> Result<()> {
    let root = root();
    let dir = root.join("target/e2e");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let base = format!("http://127.0.0.1:{port}");
    let admin_password = "e2e-admin-password";
    let database = format!("sqlite://{}?mode=rwc", dir.join("e2e.db").display());
    let mut server = release_server(
        &mut Command::new(root.join("target/release/joxai")),
        &dir,
        &database,
        &format!("127.0.0.1:{port}"),
    )?
    .env("JOXAI_ADMIN_EMAIL", "admin@e2e.test")
    .env("JOXAI_ADMIN_PASSWORD", admin_password)
    .env("JOXAI_DEMO_SEED", "false")
    .env("JOXAI_LOGIN_RATE_PER_MINUTE", "100")
    // Every customer of every browser test comes from 127.0.0.1: at the default 10 new chats a
    // minute per address, the twentieth test can be refused its chat.
    .env("JOXAI_CHAT_START_PER_MINUTE", "120")
    .env("JOXAI_TICKETS_PER_MINUTE", "600")
    .env("JOXAI_ANALYTICS_PER_MINUTE", "600")
    // The SLA test waits for a breach seconds old: the watch looks every second.
    .env("JOXAI_SLA_CHECK_SECONDS", "1")
    .spawn()
    .context("cannot start target/release/joxai")?;
    let result = (|| {
        wait_for(&format!("127.0.0.1:{port}"))?;
        run(Command::new("npm")
            .args(["test"])
            .current_dir(root.join("end2end"))
            .env("BASE_URL", &base)
            .env("ADMIN_USER", "admin@e2e.test")
            .env("ADMIN_PASSWORD", admin_password))
    })();
    let _ = server.kill();
    let _ = server.wait();
    if result.is_err() {
        eprintln!("xtask: server log: {}", dir.join("server.log").display());
    }
    result
}

/// Sets up `cmd` to run the release server the way every xtask command runs it: in `dir`, on
/// `database` and `addr`, serving the built site and widget (no `LEPTOS_ENV`), its standard output
/// and error in `dir/server.log`.
pub fn release_server<'a>(cmd: &'a mut Command, dir: &Path, database: &str, addr: &str) -> Result<&'a mut Command> {
    let root = root();
    let log = std::fs::File::create(dir.join("server.log"))?;
    Ok(cmd
        .current_dir(dir)
        .env("DATABASE_URL", database)
        .env("JOXAI_ADDR", addr)
        .env("JOXAI_SITE_ROOT", root.join("target/site"))
        .env("JOXAI_WIDGET_ROOT", root.join("target/widget"))
        .env_remove("LEPTOS_ENV")
        .stdout(log.try_clone()?)
        .stderr(log))
}

fn wait_for(addr: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    let addr = addr.parse()?;
    while Instant::now() < deadline {
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("the server did not start listening on {addr} within 30 s")
}
