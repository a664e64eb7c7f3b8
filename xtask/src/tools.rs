//! Installs missing build tools from crates.io and npm (never GitHub): the wasm32 target,
//! cargo-leptos, wasm-bindgen-cli at the exact version in Cargo.lock, and wasm-opt, esbuild + Playwright
//! from `end2end/package.json`. Each check is fast when the tool is already there.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{root, run};

const CARGO_LEPTOS: &str = "0.3.10";

/// PATH with `~/.cargo/bin` and `end2end/node_modules/.bin` first (so npm's wasm-opt wins over
/// Debian's broken one).
pub fn path_with_tools() -> String {
    let mut parts: Vec<PathBuf> = vec![root().join("end2end/node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        parts.push(home.join("bin"));
    }
    let mut path = parts.iter().map(|p| p.to_string_lossy().into_owned()).collect::<Vec<_>>().join(":");
    if let Ok(old) = std::env::var("PATH") {
        path.push(':');
        path.push_str(&old);
    }
    path
}

fn output(cmd: &mut Command) -> Option<String> {
    cmd.env("PATH", path_with_tools())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// Everything `dev`, `build` and `test` need.
pub fn ensure_all() -> Result<()> {
    ensure_wasm_target()?;
    ensure_npm_packages()?;
    ensure_wasm_bindgen()?;
    ensure_cargo_leptos()?;
    Ok(())
}

fn ensure_wasm_target() -> Result<()> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

fn ensure_cargo_leptos() -> Result<()> {
    let version = output(Command::new("cargo-leptos").arg("--version")).unwrap_or_default();
    if !version.contains(CARGO_LEPTOS) {
        eprintln!("xtask: installing cargo-leptos {CARGO_LEPTOS} (about 14 minutes on 2 cores, once)");
        run(Command::new("cargo").args([
            "install",
            &format!("cargo-leptos@{CARGO_LEPTOS}"),
            "--locked",
            "--features",
            "no_downloads",
        ]))?;
    }
    Ok(())
}

/// The `wasm-bindgen` version Cargo.lock pins; the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    bail!("wasm-bindgen is not in Cargo.lock")
}

fn ensure_wasm_bindgen() -> Result<()> {
    let want = locked_wasm_bindgen()?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if !have.split_whitespace().any(|w| w == want) {
        eprintln!("xtask: installing wasm-bindgen-cli {want} (about 3 minutes, once)");
        // Without --locked: its lock file wants a webpki-roots version the registry lacks.
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &want, "--force"]))?;
    }
    Ok(())
}

fn ensure_npm_packages() -> Result<()> {
    let dir = root().join("end2end");
    let ready = [
        "node_modules/.bin/wasm-opt",
        "node_modules/.bin/esbuild",
        "node_modules/playwright-core",
        "node_modules/axe-core",
    ]
    .iter()
    .all(|p| dir.join(p).exists());
    if !ready {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir))?;
    }
    Ok(())
}
