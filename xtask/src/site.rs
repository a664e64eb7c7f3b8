//! The admin panel's release site: what a browser downloads to show its first page, against a
//! budget. The JS glue, the main wasm and the split loader come on every first load; each page
//! adds the wasm chunks the split manifest lists for it (its own code and what it shares).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};

use crate::root;

/// Brotli bytes of what every page loads first: the JS glue, the main wasm and the split loader.
const MAIN_BUDGET: usize = 250 * 1024;

/// Brotli bytes of the heaviest first load (main files + one page's chunks).
const BUDGET: usize = 440 * 1024;

/// Prints the first-load size of every page and fails when the main files are over
/// [`MAIN_BUDGET`] or the heaviest page is over [`BUDGET`].
pub fn check_budget() -> Result<()> {
    let site = root().join("target/site");
    let hashes = std::fs::read_to_string(site.join("hash.txt")).context("target/site/hash.txt (release build)")?;
    let hash = |kind: &str| {
        hashes
            .lines()
            .find_map(|line| line.split_once(':').filter(|(k, _)| k.trim() == kind).map(|(_, h)| h.trim().to_owned()))
            .with_context(|| format!("no `{kind}` in hash.txt"))
    };
    let pkg = site.join("pkg");
    let main = [
        format!("joxai.{}.js", hash("js")?),
        format!("joxai.{}.wasm", hash("wasm")?),
        format!("__wasm_split.{}.js", hash("split")?),
    ];
    let base = main.iter().map(|file| brotli_size(&pkg, file)).sum::<Result<usize>>()?;
    let manifest = format!("__wasm_split_manifest.{}.json", hash("manifest")?);
    let manifest: BTreeMap<String, Vec<String>> =
        serde_json::from_slice(&std::fs::read(pkg.join(&manifest)).with_context(|| manifest.clone())?)?;
    let mut pages = Vec::new();
    for (split, chunks) in &manifest {
        // The manifest names hashed chunks without their extension: `chunk_17.<hash>`.
        let size = chunks.iter().map(|chunk| brotli_size(&pkg, &format!("{chunk}.wasm"))).sum::<Result<usize>>()?;
        pages.push((base + size, page_name(split), chunks.len()));
    }
    pages.sort();
    let kb = |bytes: usize| bytes as f64 / 1024.0;
    for (size, page, chunks) in &pages {
        eprintln!("xtask: admin first load, {page}: {:.0} KB brotli ({chunks} chunks)", kb(*size));
    }
    let heaviest = pages.last().map_or(base, |page| page.0);
    eprintln!(
        "xtask: admin first load: main files {:.1} KB (budget {:.0}), heaviest page {:.1} KB brotli (budget {:.0})",
        kb(base),
        kb(MAIN_BUDGET),
        kb(heaviest),
        kb(BUDGET)
    );
    anyhow::ensure!(
        base <= MAIN_BUDGET,
        "the admin panel's main files are {base} bytes brotli, over their {MAIN_BUDGET}"
    );
    anyhow::ensure!(heaviest <= BUDGET, "an admin page's first load is {heaviest} bytes brotli, over its {BUDGET}");
    Ok(())
}

/// `__tickets_page_view_781…` → `tickets_page`.
fn page_name(split: &str) -> String {
    split.trim_start_matches('_').rsplit_once("_view_").map_or(split, |(page, _)| page).to_owned()
}

/// The size of the precompressed `.br` copy the server sends to browsers that take brotli.
fn brotli_size(pkg: &Path, file: &str) -> Result<usize> {
    let path = pkg.join(format!("{file}.br"));
    Ok(std::fs::metadata(&path).with_context(|| format!("{} (a `--precompress` build)", path.display()))?.len()
        as usize)
}
