//! How much the learned detector adds to the rules, measured where the model was not trained.
//!
//! - BANKING77: k-fold cross-validation over its training split (each fold judged by a model
//!   trained on the other folds and the rest of the corpus). Recall on the six intents that need a
//!   person; the escalation rate on the other 71 (not all of those are wrong: some are complaints
//!   or disputes the rules rightly hand over).
//! - Dev: the dev split's red-team batches in k groups, and its other cases in k folds, each judged
//!   by a model trained without them. The rules were tuned on every case, so their recall there
//!   says nothing; the model's own recall does, and so do the calm messages (look-alikes and
//!   questions) it escalates that the rules do not.

use std::fmt;

use crate::assistant::escalation::learned::{self, Row, Source};
use crate::assistant::escalation::{self, Policy};

/// Cross-validated figures.
#[derive(Debug, Clone, Default)]
pub struct CrossValidation {
    pub folds: usize,
    /// BANKING77: messages that need a person, and the other intents.
    pub positives: usize,
    pub negatives: usize,
    pub rules_recall: usize,
    pub combined_recall: usize,
    pub rules_other: usize,
    pub combined_other: usize,
    /// Dev: red-team batches, must-escalate messages, those the model alone escalates, calm
    /// messages, and those escalated by the rules alone and with the model.
    pub batches: usize,
    pub red_team_positives: usize,
    pub model_recall: usize,
    pub look_alikes: usize,
    pub rules_look_alikes: usize,
    pub combined_look_alikes: usize,
    /// The calm messages the model escalated and the rules did not.
    pub added: Vec<String>,
}

/// Runs both cross-validations with `folds` folds (BANKING77 and other dev row `i` is in fold
/// `i % folds`; red-team batch `n` in fold `n % folds`).
pub fn cross_validate(folds: usize) -> CrossValidation {
    let rows = learned::corpus();
    let fold_of = |index: usize, row: &Row| match row.source {
        Source::Banking77 => Some(index % folds),
        Source::RedTeam(n) => Some(n % folds),
        Source::Dev => Some(index % folds),
        Source::Neutral => None,
    };
    let none = learned::Model::untrained();
    let policy = Policy::default();
    let mut cv = CrossValidation { folds, ..CrossValidation::default() };
    for fold in 0..folds {
        let trained = rows.iter().enumerate().filter(|(i, row)| fold_of(*i, row) != Some(fold));
        let model = learned::Model::train(trained.map(|(_, row)| (row.class, row.text.as_str())));
        for (_, row) in rows.iter().enumerate().filter(|(i, row)| fold_of(*i, row) == Some(fold)) {
            let text = row.text.as_str();
            let rules = escalation::decide_with(&none, &policy, text, None, 0).escalate;
            let combined = escalation::decide_with(&model, &policy, text, None, 0).escalate;
            match (row.source, row.class) {
                (Source::Banking77, 0) => {
                    cv.negatives += 1;
                    cv.rules_other += usize::from(rules);
                    cv.combined_other += usize::from(combined);
                }
                (Source::Banking77, _) => {
                    cv.positives += 1;
                    cv.rules_recall += usize::from(rules);
                    cv.combined_recall += usize::from(combined);
                }
                (_, 0) => {
                    cv.look_alikes += 1;
                    cv.rules_look_alikes += usize::from(rules);
                    cv.combined_look_alikes += usize::from(combined);
                    if combined && !rules {
                        cv.added.push(text.to_owned());
                    }
                }
                _ => {
                    cv.red_team_positives += 1;
                    cv.model_recall += usize::from(escalation::learned_alone(&model, text).is_some());
                }
            }
        }
    }
    cv.batches = rows
        .iter()
        .filter_map(|row| if let Source::RedTeam(n) = row.source { Some(n + 1) } else { None })
        .max()
        .unwrap_or(0);
    cv
}

impl fmt::Display for CrossValidation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        writeln!(f, "LEARNED DETECTOR ({}-fold cross-validation on BANKING77's training split)", self.folds)?;
        writeln!(
            f,
            "  must escalate ({})      rules alone {:5.1}%   rules + model {:5.1}%",
            self.positives,
            pct(self.rules_recall, self.positives),
            pct(self.combined_recall, self.positives)
        )?;
        writeln!(
            f,
            "  other intents ({})   rules alone {:5.1}%   rules + model {:5.1}%  escalated",
            self.negatives,
            pct(self.rules_other, self.negatives),
            pct(self.combined_other, self.negatives)
        )?;
        writeln!(
            f,
            "LEARNED DETECTOR ({}-fold cross-validation on the dev split, its {} red-team batches whole; \
             the rules were tuned on all of it)",
            self.folds, self.batches
        )?;
        writeln!(
            f,
            "  must escalate ({})      model alone {:5.1}%",
            self.red_team_positives,
            pct(self.model_recall, self.red_team_positives)
        )?;
        write!(
            f,
            "  calm messages ({})      rules alone {:5.1}%   rules + model {:5.1}%  escalated ({} added)",
            self.look_alikes,
            pct(self.rules_look_alikes, self.look_alikes),
            pct(self.combined_look_alikes, self.look_alikes),
            self.added.len()
        )?;
        for text in &self.added {
            write!(f, "\n  added: {text:?}")?;
        }
        Ok(())
    }
}
