//! Builds the chat widget with plain cargo + wasm-bindgen (+ wasm-opt for release) into
//! `target/widget/pkg`, outside cargo-leptos (see TOOLCHAIN.md: two cargo-leptos projects clash).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use anyhow::Result;

use crate::{root, run};

/// Builds the widget; `release` uses the size profile and runs wasm-opt.
pub fn build(release: bool) -> Result<()> {
    let root = root();
    let profile = if release { "wasm-release" } else { "dev" };
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo.args(["build", "-p", "widget", "--lib", "--target", "wasm32-unknown-unknown", "--profile", profile]);
    run(&mut cargo)?;
    let dir = if release { "wasm-release" } else { "debug" };
    let wasm = root.join("target/wasm32-unknown-unknown").join(dir).join("widget.wasm");
    let out = root.join("target/widget/pkg");
    std::fs::create_dir_all(&out)?;
    run(Command::new("wasm-bindgen").args(["--target", "web", "--no-typescript", "--out-dir"]).arg(&out).arg(&wasm))?;
    std::fs::copy(root.join("widget/style.css"), out.join("widget.css"))?;
    if release {
        shrink(&out)?;
    }
    publish(&out, release)
}

/// The size-optimised release files (the frame's budget is 120 KB gzipped):
/// - wasm-opt `-Oz` until it gains nothing more (`--converge`), after dropping the exports of
///   `wasm-streams` (server_fn's stream adapters, linked through leptos, which the widget never
///   calls) so their code goes too, and the producers and debug sections; `--low-memory-unused`
///   folds address arithmetic, which holds because Rust puts the stack first (the lowest 1 KB is
///   only reached by an overflowing stack, which traps below it);
/// - esbuild bundles the JS glue with tree shaking (the unused adapter classes go) and minifies
///   it, and minifies the CSS.
fn shrink(out: &Path) -> Result<()> {
    let bg = out.join("widget_bg.wasm");
    run(Command::new("wasm-opt")
        .args(["--remove-exports", "--pass-arg=remove-exports@*intounderlying*", "--strip-producers", "--strip-debug"])
        .args(["-Oz", "--converge", "--low-memory-unused"])
        .args(["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "-o"])
        .arg(&bg)
        .arg(&bg))?;
    let entry = out.join("entry.js");
    std::fs::write(&entry, "export { default } from './widget.js';\n")?;
    let bundled = out.join("bundled.js");
    run(Command::new("esbuild")
        .arg(&entry)
        .args(["--bundle", "--minify", "--format=esm", "--log-level=warning"])
        .arg(format!("--outfile={}", bundled.display())))?;
    std::fs::rename(&bundled, out.join("widget.js"))?;
    std::fs::remove_file(&entry)?;
    run(Command::new("esbuild")
        .arg(root().join("widget/style.css"))
        .args(["--minify", "--log-level=warning"])
        .arg(format!("--outfile={}", out.join("widget.css").display())))
}

/// Writes the files the server serves and `manifest.json` naming them. Release files get a
/// content hash in their names (served with a one-year cache) and gzip and brotli copies next to
/// them; development files keep plain names.
fn publish(out: &Path, release: bool) -> Result<()> {
    // Files of earlier builds go: the manifest names only this one's.
    for entry in std::fs::read_dir(out)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let hashed = name.split('.').next().and_then(|stem| stem.rsplit_once('-')).is_some_and(|(_, h)| h.len() == 16);
        if hashed {
            std::fs::remove_file(entry.path())?;
        }
    }
    let mut names = Vec::new();
    for (key, file) in [("js", "widget.js"), ("wasm", "widget_bg.wasm"), ("css", "widget.css")] {
        let bytes = std::fs::read(out.join(file))?;
        let name = if release {
            let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
            let hashed = format!("{stem}-{:016x}.{ext}", fnv1a(&bytes));
            std::fs::write(out.join(&hashed), &bytes)?;
            std::fs::write(out.join(format!("{hashed}.gz")), gzip(&bytes)?)?;
            std::fs::write(out.join(format!("{hashed}.br")), brotli(&bytes)?)?;
            hashed
        } else {
            file.to_owned()
        };
        names.push(format!("\"{key}\": \"{name}\""));
    }
    std::fs::write(out.join("manifest.json"), format!("{{{}}}\n", names.join(", ")))?;
    Ok(())
}

/// FNV-1a, 64 bits: enough to tell builds apart in a file name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, b| (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = ::brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    ::brotli::BrotliCompress(&mut std::io::Cursor::new(bytes), &mut out, &params)?;
    Ok(out)
}

/// Gzipped sizes of the loader and of the frame's release files (wasm + JS + CSS), against their
/// budgets: 2 KB and 120 KB. Fails when either is over.
pub fn check_budgets() -> Result<()> {
    let root = root();
    let pkg = root.join("target/widget/pkg");
    let loader = gzipped(&root.join("widget/loader.js"))?;
    let mut frame = 0;
    let mut parts = Vec::new();
    for name in ["widget_bg.wasm", "widget.js", "widget.css"] {
        let size = gzipped(&pkg.join(name))?;
        parts.push(format!("{name} {:.1} KB", size as f64 / 1024.0));
        frame += size;
    }
    eprintln!(
        "xtask: widget sizes (gzipped): loader {:.2} KB (budget 2 KB); frame {:.1} KB = {} (budget 120 KB)",
        loader as f64 / 1024.0,
        frame as f64 / 1024.0,
        parts.join(" + ")
    );
    anyhow::ensure!(loader <= LOADER_BUDGET, "the widget loader is {loader} bytes gzipped, over its {LOADER_BUDGET}");
    anyhow::ensure!(frame <= FRAME_BUDGET, "the widget frame is {frame} bytes gzipped, over its {FRAME_BUDGET}");
    Ok(())
}

const LOADER_BUDGET: usize = 2 * 1024;
const FRAME_BUDGET: usize = 120 * 1024;

fn gzipped(path: &Path) -> Result<usize> {
    let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(gzip(&bytes)?.len())
}

/// Rebuilds the widget whenever a file under `widget/` changes (for `cargo xtask dev`).
pub fn watch() -> std::thread::JoinHandle<()> {
    std::thread::spawn(|| {
        let dir = root().join("widget");
        let mut last = newest(&dir);
        loop {
            std::thread::sleep(Duration::from_secs(1));
            let now = newest(&dir);
            if now > last {
                last = now;
                if let Err(e) = build(false) {
                    eprintln!("xtask: widget build failed: {e:#}");
                }
            }
        }
    })
}

fn newest(dir: &Path) -> SystemTime {
    let mut latest = SystemTime::UNIX_EPOCH;
    let Ok(entries) = std::fs::read_dir(dir) else { return latest };
    for entry in entries.flatten() {
        let path = entry.path();
        let time = if path.is_dir() {
            newest(&path)
        } else {
            entry.metadata().and_then(|m| m.modified()).unwrap_or(SystemTime::UNIX_EPOCH)
        };
        latest = latest.max(time);
    }
    latest
}
