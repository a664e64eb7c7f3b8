//! `cargo xtask order`: writes `server/startup.order`, the functions the release server runs while
//! it starts and idles, which release links lay out side by side (`server/build.rs`). It runs the
//! last release build for 40 s (start-up, the demo data, one round of every periodic task) under
//! valgrind's callgrind, which records every function called, and keeps those of the binary, in
//! the order first seen. Needs `valgrind` and `nm` (Debian: valgrind, binutils). Build again after.

use std::collections::HashSet;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{release_server, root};

/// How long the server runs under callgrind (about 50 times slower than without).
const SECONDS: &str = "40";

pub fn order() -> Result<()> {
    let root = root();
    let bin = root.join("target/release/joxai");
    let dir = root.join("target/order");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let profile = dir.join("callgrind.out");
    // `timeout` sends SIGINT: the server stops as it does on Ctrl-C and callgrind writes its file.
    let mut valgrind = Command::new("timeout");
    valgrind
        .args(["-s", "INT", SECONDS, "valgrind", "--tool=callgrind", "--demangle=no", "--compress-strings=no"])
        .arg(format!("--callgrind-out-file={}", profile.display()))
        .arg(&bin)
        .arg("serve");
    let database = format!("sqlite://{}?mode=rwc", dir.join("order.db").display());
    let status = release_server(&mut valgrind, &dir, &database, "127.0.0.1:0")?
        .env("JOXAI_DEMO_SEED", "true")
        .status()
        .context("cannot run valgrind (Debian: apt install valgrind)")?;
    if !profile.exists() {
        bail!("valgrind wrote no profile ({status}); see {}", dir.join("server.log").display());
    }
    let symbols = Command::new("nm").arg("--defined-only").arg(&bin).output().context("cannot run nm")?;
    let code: HashSet<&str> = std::str::from_utf8(&symbols.stdout)?
        .lines()
        .filter_map(|line| match line.split_whitespace().collect::<Vec<_>>()[..] {
            [_, "t" | "T" | "w" | "W", name] => Some(name),
            _ => None,
        })
        .collect();
    let calls = std::fs::read_to_string(&profile)?;
    let mut seen = HashSet::new();
    let mut list = String::new();
    for line in calls.lines() {
        let name = line.strip_prefix("fn=").or_else(|| line.strip_prefix("cfn=")).unwrap_or_default().trim();
        if code.contains(name) && seen.insert(name) {
            list.push_str(name);
            list.push('\n');
        }
    }
    std::fs::write(root.join("server/startup.order"), list)?;
    eprintln!(
        "xtask: server/startup.order lists {} functions; build again (`cargo xtask build`) to use it",
        seen.len()
    );
    Ok(())
}
