//! For the escalation red-team rounds (`domain/eval/unseen/README.md`), with `cargo run -p domain
//! --features server --example redteam -- MODE`:
//! - `batch FILE`: measures a batch file (`[[escalate]]` and `[[stay]]` cases) once: every message
//!   with the rules' decision and the rules-with-the-detector's, then the four counts (must-escalate
//!   messages the rules miss, and with the detector; look-alikes the rules escalate, and the detector
//!   adds). The detector is the one trained on the dev split as it stands.
//! - `banking77`: BANKING77's training messages that escalate, with their class and the reason.
//! - `reasons`: every dev must-escalate message with the rules' reason and the rules-with-the-detector's.
//! - `stays`: every dev message that must not escalate but does, and by what.
//!
//! The last three print lists to compare line by line before and after a change to the rules.

#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use domain::assistant::escalation::learned::{self, Source, corpus};
use domain::assistant::escalation::{Category, Policy, decide_with};

#[derive(serde::Deserialize)]
struct Batch {
    #[serde(default)]
    escalate: Vec<Case>,
    #[serde(default)]
    stay: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    q: String,
}

/// The rules' reason and the rules-with-the-detector's ("-" for none).
fn reasons(text: &str) -> (&'static str, &'static str) {
    let name = |c: Option<Category>| c.map_or("-", Category::as_str);
    let rules = decide_with(&learned::Model::untrained(), &Policy::default(), text, None, 0);
    let both = decide_with(learned::model(), &Policy::default(), text, None, 0);
    (name(rules.category), name(both.category))
}

fn batch(path: &str) -> Result<(), String> {
    let file = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let batch: Batch = toml::from_str(&file).map_err(|e| format!("{path}: {e}"))?;
    let (mut missed, mut missed_both, mut false_rules, mut added) = (0, 0, 0, 0);
    for case in &batch.escalate {
        let (rules, both) = reasons(&case.q);
        missed += usize::from(rules == "-");
        missed_both += usize::from(both == "-");
        let mark = if both == "-" {
            "MISSED "
        } else if rules == "-" {
            "detector"
        } else {
            ""
        };
        println!("escalate {mark:8} {rules:20} {both:20} {}", case.q);
    }
    for case in &batch.stay {
        let (rules, both) = reasons(&case.q);
        false_rules += usize::from(rules != "-");
        added += usize::from(rules == "-" && both != "-");
        let mark = if rules != "-" {
            "RULES"
        } else if both != "-" {
            "ADDED"
        } else {
            ""
        };
        println!("stay     {mark:8} {rules:20} {both:20} {}", case.q);
    }
    let (e, s) = (batch.escalate.len(), batch.stay.len());
    println!(
        "rules missed {missed}/{e}; with the detector missed {missed_both}/{e}; \
         look-alikes escalated by the rules {false_rules}/{s}; added by the detector {added}/{s}"
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dev = |s: Source| matches!(s, Source::Dev | Source::RedTeam(_));
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["batch", path] => {
            if let Err(e) = batch(path) {
                eprintln!("redteam: {e}");
                return ExitCode::FAILURE;
            }
        }
        ["banking77"] => {
            for row in corpus().into_iter().filter(|r| r.source == Source::Banking77) {
                let (rules, both) = reasons(&row.text);
                if both != "-" {
                    println!("{} {rules} {both} {}", row.class, row.text);
                }
            }
        }
        ["reasons"] => {
            for row in corpus().into_iter().filter(|r| dev(r.source) && r.class > 0) {
                let (rules, both) = reasons(&row.text);
                println!("{rules} {both} {}", row.text);
            }
        }
        ["stays"] => {
            for row in corpus().into_iter().filter(|r| dev(r.source) && r.class == 0) {
                let (rules, both) = reasons(&row.text);
                if both != "-" {
                    println!("{rules} {both} {}", row.text);
                }
            }
        }
        _ => {
            eprintln!("usage: redteam batch FILE | banking77 | reasons | stays");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
