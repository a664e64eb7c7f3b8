//! `cargo xtask eval`: the assistant's question set against the demo knowledge base, beside a
//! plain BM25 baseline. Exits 1 when the bar (≥ 90% top-1, every must-escalate message
//! escalated, ≤ 2% false escalations) is not met.

#![allow(clippy::print_stdout)]

use std::process::ExitCode;

fn main() -> ExitCode {
    match domain::assistant::eval::run() {
        Ok(report) => {
            println!("{report}");
            if report.passes() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::from(2)
        }
    }
}
