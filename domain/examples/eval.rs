//! `cargo xtask eval`: the assistant on the dev split (tune on it) and the frozen test split (report
//! it), beside a plain BM25 baseline. Exits 1 when the test split misses the bar (≥ 92% top-1,
//! ≤ 5% abstentions, every must-escalate message escalated, ≤ 2% of look-alikes escalated) or dev
//! and test differ by 5 points or more. `--show-test-misses` also lists the test split's misses:
//! read them only after a change is final, never to tune. `--dev-only` runs the dev split alone,
//! for tuning. Both also print the learned escalation detector's cross-validated figures on
//! BANKING77's training split (beside the rules alone) and on the dev split (what it adds).

#![allow(clippy::print_stdout)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let show_test_misses = std::env::args().any(|a| a == "--show-test-misses");
    if std::env::args().any(|a| a == "--dev-only") {
        // While tuning: the dev split only, so the test split's figures cannot steer the work.
        match domain::eval::run_dev(&domain::assistant::Settings::default()) {
            Ok(dev) => {
                println!("{dev}");
                println!("{}", dev.thresholds());
                println!("{}", domain::eval::cross_validate(5));
            }
            Err(e) => eprintln!("eval: {e}"),
        }
        return ExitCode::SUCCESS;
    }
    match domain::eval::run() {
        Ok(mut eval) => {
            eval.show_test_misses = show_test_misses;
            println!("{}", domain::eval::cross_validate(5));
            println!("{eval}");
            if eval.passes() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::from(2)
        }
    }
}
