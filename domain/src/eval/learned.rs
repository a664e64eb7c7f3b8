//! How much the learned detector adds to the rules, measured where neither was tuned: k-fold
//! cross-validation over BANKING77's training split (each fold judged by a model trained on the
//! other folds). Recall on the six intents that need a person; the escalation rate on the other 71
//! (not all of those are wrong: some are complaints or disputes the rules rightly hand over).

use std::fmt;

use crate::assistant::escalation::{self, Policy, learned};

/// Cross-validated figures, rules alone and rules with the model.
#[derive(Debug, Clone, Default)]
pub struct CrossValidation {
    pub folds: usize,
    pub positives: usize,
    pub negatives: usize,
    pub rules_recall: usize,
    pub combined_recall: usize,
    pub rules_other: usize,
    pub combined_other: usize,
}

/// Runs `folds`-fold cross-validation (row `i` is in fold `i % folds`).
pub fn cross_validate(folds: usize) -> CrossValidation {
    let rows: Vec<(usize, &str)> = learned::corpus().collect();
    let none = learned::Model::untrained();
    let policy = Policy::default();
    let mut cv = CrossValidation { folds, ..CrossValidation::default() };
    for fold in 0..folds {
        let model = learned::Model::train(rows.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, r)| *r));
        for (_, (class, text)) in rows.iter().enumerate().filter(|(i, _)| i % folds == fold) {
            let rules = escalation::decide_with(&none, &policy, text, None, 0).escalate;
            let combined = escalation::decide_with(&model, &policy, text, None, 0).escalate;
            if *class == 0 {
                cv.negatives += 1;
                cv.rules_other += usize::from(rules);
                cv.combined_other += usize::from(combined);
            } else {
                cv.positives += 1;
                cv.rules_recall += usize::from(rules);
                cv.combined_recall += usize::from(combined);
            }
        }
    }
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
        write!(
            f,
            "  other intents ({})   rules alone {:5.1}%   rules + model {:5.1}%  escalated",
            self.negatives,
            pct(self.rules_other, self.negatives),
            pct(self.combined_other, self.negatives)
        )
    }
}
