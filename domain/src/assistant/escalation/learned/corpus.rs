//! What the learned detector trains on: BANKING77's training split (English, other people's
//! wording), our everyday questions that use its trouble words, and the dev split's own cases in
//! both languages (`domain/eval/dev/`: every must-escalate message with its category, every
//! look-alike, answerable and unanswerable question). The test split and the held-out split are
//! never read here.

use serde::Deserialize;

use super::class_of_category;
use crate::assistant::escalation::Category;

/// BANKING77's training split: `intent<TAB>message` per line.
const BANKING77: &str = include_str!("banking77_train.tsv");

/// Everyday questions of our own, in both languages, with words that elsewhere come with trouble (a
/// direct debit, a phone, a card left at home, a payment not made yet, a relative, a new phone, a
/// password typed wrong), so the model does not learn that the words alone need a person. Written
/// for this file; none is copied from an eval set.
const NEUTRAL: &str = include_str!("neutral.tsv");

/// The dev split's files (the eval reads the same ones).
pub const DEV_QUESTIONS: &str = include_str!("../../../../eval/dev/questions.toml");
pub const DEV_HARD: &str = include_str!("../../../../eval/dev/hard.toml");
pub const DEV_SUR: &str = include_str!("../../../../eval/dev/sur.toml");
pub const DEV_PACIFICO: &str = include_str!("../../../../eval/dev/pacifico.toml");
pub const DEV_BANKING77: &str = include_str!("../../../../eval/dev/banking77.toml");

/// `hard.toml`'s sections before this one were written while the rules were first built; from it on,
/// each section is a red-team batch written before a change and measured once after it.
const FIRST_RED_TEAM_SECTION: usize = 8;

/// Where a training row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Banking77,
    Neutral,
    Dev,
    /// The `n`th red-team batch of `hard.toml`.
    RedTeam(usize),
}

/// One training message: its class (0 needs no person) and where it comes from.
#[derive(Debug, Clone)]
pub struct Row {
    pub class: usize,
    pub text: String,
    pub source: Source,
}

/// The class of a BANKING77 intent: six need a person under this bank's policy (a lost or stolen
/// card or phone, a compromised card, and a card payment, direct debit or cash withdrawal the
/// customer does not recognise); the other 71 teach what does not (a found card, a fee, a PIN).
fn class_of(intent: &str) -> usize {
    let category = match intent {
        "lost_or_stolen_card" | "lost_or_stolen_phone" => Category::StolenCard,
        "compromised_card" => Category::Fraud,
        "card_payment_not_recognised" | "direct_debit_payment_not_recognised" | "cash_withdrawal_not_recognised" => {
            Category::UnrecognisedPayment
        }
        _ => return 0,
    };
    class_of_category(category)
}

/// Every training row.
pub fn corpus() -> Vec<Row> {
    let tsv = |text: &'static str, source| {
        text.lines().filter_map(|line| line.split_once('\t')).map(move |(intent, text)| Row {
            class: class_of(intent),
            text: text.to_owned(),
            source,
        })
    };
    let mut rows: Vec<Row> = tsv(BANKING77, Source::Banking77).chain(tsv(NEUTRAL, Source::Neutral)).collect();
    for file in [DEV_QUESTIONS, DEV_SUR, DEV_PACIFICO, DEV_BANKING77] {
        cases(file, Source::Dev, &mut rows);
    }
    for (n, section) in sections(DEV_HARD).into_iter().enumerate() {
        let source = if n < FIRST_RED_TEAM_SECTION { Source::Dev } else { Source::RedTeam(n - FIRST_RED_TEAM_SECTION) };
        cases(section, source, &mut rows);
    }
    rows
}

/// The file's sections: each starts at a `# ---` comment line.
fn sections(file: &str) -> Vec<&str> {
    let mut starts: Vec<usize> = file.match_indices("\n# ---").map(|(at, _)| at + 1).collect();
    starts.insert(0, 0);
    starts.push(file.len());
    starts.windows(2).map(|w| &file[w[0]..w[1]]).collect()
}

#[derive(Deserialize)]
struct Cases {
    #[serde(default)]
    escalate: Vec<Case>,
    #[serde(default)]
    stay: Vec<Case>,
    #[serde(default)]
    answer: Vec<Case>,
    #[serde(default)]
    unanswerable: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    q: String,
    category: Option<String>,
}

/// Appends a dev file's (or section's) cases. The eval checks that these files parse.
fn cases(file: &str, source: Source, rows: &mut Vec<Row>) {
    let Ok(cases) = toml::from_str::<Cases>(file) else { return };
    for case in cases.escalate {
        let first = case.category.as_deref().and_then(|c| c.split('|').next()).and_then(Category::named);
        let class = first.map(class_of_category).filter(|&k| k > 0).unwrap_or(class_of_category(Category::Fraud));
        rows.push(Row { class, text: case.q, source });
    }
    let calm = cases.stay.into_iter().chain(cases.answer).chain(cases.unanswerable);
    rows.extend(calm.map(|case| Row { class: 0, text: case.q, source }));
}

#[cfg(test)]
mod tests {
    use super::super::CLASSES;
    use super::*;

    #[test]
    fn the_corpus_holds_every_source_and_every_class() {
        let rows = corpus();
        let count = |f: &dyn Fn(&Row) -> bool| rows.iter().filter(|r| f(r)).count();
        assert!(count(&|r| r.source == Source::Banking77) > 9_900);
        assert!(count(&|r| r.source == Source::Dev) > 1_000);
        assert!(count(&|r| matches!(r.source, Source::RedTeam(_))) > 1_000);
        assert!(
            rows.iter()
                .filter_map(|r| match r.source {
                    Source::RedTeam(n) => Some(n),
                    _ => None,
                })
                .max()
                > Some(20)
        );
        for class in 1..CLASSES.len() {
            assert!(count(&|r| r.class == class) >= 20, "class {class}");
        }
        // Every dev file and every section of hard.toml parses: each of its cases is a row.
        let listed = |text: &str| -> usize {
            ["escalate", "stay", "answer", "unanswerable"]
                .iter()
                .map(|k| text.matches(&format!("\n[[{k}]]")).count())
                .sum()
        };
        let red_team: usize = sections(DEV_HARD).into_iter().skip(FIRST_RED_TEAM_SECTION).map(listed).sum();
        assert_eq!(count(&|r| matches!(r.source, Source::RedTeam(_))), red_team);
        let dev: usize = [DEV_QUESTIONS, DEV_SUR, DEV_PACIFICO, DEV_BANKING77, DEV_HARD].into_iter().map(listed).sum();
        assert_eq!(count(&|r| matches!(r.source, Source::RedTeam(_) | Source::Dev)), dev);
    }
}
