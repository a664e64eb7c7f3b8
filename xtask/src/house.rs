//! `cargo xtask house`: the house rules a compiler does not check, run early by `cargo xtask test`.
//! - no source line over 120 characters;
//! - no Rust file over 400 lines, tests apart (`tests/` folders, `tests.rs` files);
//! - no circle among a crate's top-level modules (`crate::a` using `crate::b` using `crate::a`),
//!   test modules apart: each module depends only downwards;
//! - no dependency a crate's sources never name (`[package.metadata.cargo-machete] ignored` lists
//!   the ones used only through features or macros, as `cargo machete` reads it).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

const MAX_LINE: usize = 120;
const MAX_LINES: usize = 400;
/// The crates whose module graphs must have no circles.
const LAYERED: [&str; 3] = ["domain/src", "server/src", "app/src"];

pub fn check() -> Result<()> {
    let root = crate::root();
    let files = tracked_rust_files(&root)?;
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(root.join(file)).with_context(|| file.clone())?;
        for (n, line) in text.lines().enumerate() {
            let width = line.chars().count();
            if width > MAX_LINE {
                problems.push(format!("{file}:{}: {width} characters (at most {MAX_LINE})", n + 1));
            }
        }
        let lines = text.lines().count();
        if lines > MAX_LINES && !is_test_file(file) {
            problems.push(format!("{file}: {lines} lines (at most {MAX_LINES}; split it by what its parts do)"));
        }
    }
    for src in LAYERED {
        for circle in circles(&root, src, &files)? {
            problems.push(format!("{src}: modules in a circle: {}", circle.join(" → ")));
        }
    }
    problems.extend(unused_dependencies(&root)?);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("house: {p}");
        }
        bail!("{} house rule(s) broken", problems.len());
    }
    eprintln!("house: {} Rust files: lines, file sizes, module circles and dependencies in order", files.len());
    Ok(())
}

fn tracked_rust_files(root: &Path) -> Result<Vec<String>> {
    let out = Command::new("git")
        .args(["ls-files", "--cached", "--others", "--exclude-standard", "*.rs"])
        .current_dir(root)
        .output()
        .context("git ls-files")?;
    let list = String::from_utf8(out.stdout)?;
    Ok(list.lines().filter(|f| root.join(f).exists()).map(str::to_owned).collect())
}

fn is_test_file(path: &str) -> bool {
    path.split('/').any(|part| part == "tests") || path.ends_with("/tests.rs")
}

/// The source of a file without its `#[cfg(test)]` module.
fn without_tests(text: &str) -> &str {
    let mut at = 0;
    for line in text.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            return &text[..at];
        }
        at += line.len() + 1;
    }
    text
}

/// Top-level module → the top-level modules it names through `crate::`.
fn module_graph(root: &Path, src: &str, files: &[String]) -> Result<BTreeMap<String, BTreeSet<String>>> {
    let prefix = format!("{src}/");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut texts = Vec::new();
    for file in files.iter().filter(|f| f.starts_with(&prefix)) {
        let rel = &file[prefix.len()..];
        let module = rel.split('/').next().unwrap_or(rel).trim_end_matches(".rs").to_owned();
        if module == "lib" || module == "main" || is_test_file(rel) {
            continue;
        }
        graph.entry(module.clone()).or_default();
        texts.push((module, std::fs::read_to_string(root.join(file))?));
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for (module, text) in texts {
        let used = names_after_crate(without_tests(&text));
        let edges = graph.entry(module.clone()).or_default();
        edges.extend(used.into_iter().filter(|m| *m != module && modules.contains(m)));
    }
    Ok(graph)
}

/// Every `x` in `crate::x`, and in `use crate::{x, y::z}`.
fn names_after_crate(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let ident = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let end = group
                .char_indices()
                .find(|(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => return true,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    false
                })
                .map_or(group.len(), |(i, _)| i);
            for item in split_top(&group[..end]) {
                let name = ident(item.trim());
                if !name.is_empty() {
                    names.insert(name);
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

/// `a, b::{c, d}, e` → `["a", "b::{c, d}", "e"]`.
fn split_top(list: &str) -> Vec<&str> {
    let (mut items, mut depth, mut from) = (Vec::new(), 0, 0);
    for (i, c) in list.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&list[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    items.push(&list[from..]);
    items
}

/// The strongly connected groups of more than one module (Tarjan), each as a readable path.
fn circles(root: &Path, src: &str, files: &[String]) -> Result<Vec<Vec<String>>> {
    let graph = module_graph(root, src, files)?;
    let names: Vec<&String> = graph.keys().collect();
    let index_of: BTreeMap<&String, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let edges: Vec<Vec<usize>> =
        names.iter().map(|n| graph[*n].iter().filter_map(|m| index_of.get(m).copied()).collect()).collect();
    let mut tarjan = Tarjan { edges: &edges, index: vec![None; names.len()], ..Tarjan::default() };
    for v in 0..names.len() {
        if tarjan.index[v].is_none() {
            tarjan.visit(v);
        }
    }
    Ok(tarjan
        .groups
        .into_iter()
        .map(|group| {
            let mut group: Vec<String> = group.into_iter().map(|i| names[i].clone()).collect();
            group.sort();
            let members: BTreeSet<&String> = group.iter().collect();
            let detail = group
                .iter()
                .map(|m| {
                    let to: Vec<&str> = graph[m].iter().filter(|t| members.contains(t)).map(String::as_str).collect();
                    format!("{m} uses {}", to.join(", "))
                })
                .collect::<Vec<_>>()
                .join("; ");
            vec![format!("{{{}}} ({detail})", group.join(", "))]
        })
        .collect())
}

#[derive(Default)]
struct Tarjan<'a> {
    edges: &'a [Vec<usize>],
    index: Vec<Option<usize>>,
    low: BTreeMap<usize, usize>,
    stack: Vec<usize>,
    next: usize,
    groups: Vec<Vec<usize>>,
}

impl Tarjan<'_> {
    fn visit(&mut self, v: usize) {
        self.index[v] = Some(self.next);
        self.low.insert(v, self.next);
        self.next += 1;
        self.stack.push(v);
        for &w in &self.edges[v] {
            match self.index[w] {
                None => {
                    self.visit(w);
                    let low = self.low[&v].min(self.low[&w]);
                    self.low.insert(v, low);
                }
                Some(i) if self.stack.contains(&w) => {
                    let low = self.low[&v].min(i);
                    self.low.insert(v, low);
                }
                Some(_) => {}
            }
        }
        if Some(self.low[&v]) == self.index[v] {
            let mut group = Vec::new();
            while let Some(w) = self.stack.pop() {
                group.push(w);
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                self.groups.push(group);
            }
        }
    }
}

/// Each workspace crate's `[dependencies]` and `[dev-dependencies]` that nothing in it names.
fn unused_dependencies(root: &Path) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for manifest in workspace_manifests(root)? {
        let dir = manifest.parent().map(Path::to_path_buf).unwrap_or_default();
        let text = std::fs::read_to_string(&manifest)?;
        let ignored = ignored_list(&text);
        let mut sources = String::new();
        collect_sources(&dir, &mut sources)?;
        for dep in dependency_names(&text) {
            let ident = dep.replace('-', "_");
            let used = sources.contains(&format!("{ident}::"))
                || sources.contains(&format!("use {ident}"))
                || sources.contains(&format!("extern crate {ident}"))
                || sources.contains(&format!("{ident}!"));
            if !used && !ignored.contains(&dep) {
                let name = manifest.strip_prefix(root).unwrap_or(&manifest).display().to_string();
                problems.push(format!("{name}: `{dep}` is never named in the crate's sources; remove it"));
            }
        }
    }
    Ok(problems)
}

fn workspace_manifests(root: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(root)? {
        let path = entry?.path().join("Cargo.toml");
        if path.exists() {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

fn collect_sources(dir: &Path, into: &mut String) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() && !matches!(name, "target" | "node_modules" | "pkg") {
            collect_sources(&path, into)?;
        } else if name.ends_with(".rs") {
            into.push_str(&std::fs::read_to_string(&path)?);
            into.push('\n');
        }
    }
    Ok(())
}

/// The names in `[dependencies]`, `[dev-dependencies]` and `[build-dependencies]`.
fn dependency_names(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_deps = matches!(line, "[dependencies]" | "[dev-dependencies]" | "[build-dependencies]");
            continue;
        }
        if in_deps && let Some((name, _)) = line.split_once('=') {
            let name = name.trim().split('.').next().unwrap_or("").trim();
            if !name.is_empty() && !name.starts_with('#') {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// `ignored = ["a", "b"]` under `[package.metadata.cargo-machete]`.
fn ignored_list(manifest: &str) -> BTreeSet<String> {
    let mut in_section = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_section = line == "[package.metadata.cargo-machete]";
        } else if in_section && let Some(list) = line.strip_prefix("ignored") {
            return list.split('"').skip(1).step_by(2).map(str::to_owned).collect();
        }
    }
    BTreeSet::new()
}
