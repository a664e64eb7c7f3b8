//! The assistant's eval: the question set in `domain/eval/questions.toml` against the demo
//! knowledge base. Reports top-1 accuracy (the cited article is the expected topic, in the
//! question's language), escalation recall, wrong escalation reasons and false escalations, and
//! the same top-1 for a plain BM25 baseline. Run it with `cargo xtask eval`.

mod baseline;

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;

use super::index::Doc;
use super::{Assistant, Settings, Turn};
use crate::error::{DomainError, DomainResult};
use crate::seed::demo_articles;

const QUESTIONS: &str = include_str!("../../../eval/questions.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Set {
    answer: Vec<AnswerCase>,
    escalate: Vec<EscalateCase>,
    stay: Vec<StayCase>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerCase {
    lang: String,
    q: String,
    expect: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EscalateCase {
    q: String,
    category: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StayCase {
    q: String,
}

/// What the eval measured.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub articles: usize,
    pub questions: usize,
    pub top1: usize,
    pub baseline_top1: usize,
    pub must_escalate: usize,
    pub escalated: usize,
    pub right_reason: usize,
    /// Messages that must not escalate: the answerable questions plus the `stay` set.
    pub must_not_escalate: usize,
    pub false_escalations: usize,
    /// One line per miss, for whoever tunes the assistant.
    pub misses: Vec<String>,
}

impl Report {
    pub fn top1_rate(&self) -> f64 {
        ratio(self.top1, self.questions)
    }

    pub fn baseline_rate(&self) -> f64 {
        ratio(self.baseline_top1, self.questions)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.escalated, self.must_escalate)
    }

    pub fn false_rate(&self) -> f64 {
        ratio(self.false_escalations, self.must_not_escalate)
    }

    /// The bar from the issue: ≥ 90% top-1, every must-escalate message escalated, ≤ 2% false
    /// escalations.
    pub fn passes(&self) -> bool {
        self.top1_rate() >= 0.90 && self.escalated == self.must_escalate && self.false_rate() <= 0.02
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "knowledge base: {} articles (demo)", self.articles)?;
        writeln!(
            f,
            "top-1 accuracy:     {:>5.1}%  ({}/{})   plain BM25 baseline: {:.1}% ({}/{})",
            self.top1_rate() * 100.0,
            self.top1,
            self.questions,
            self.baseline_rate() * 100.0,
            self.baseline_top1,
            self.questions
        )?;
        writeln!(
            f,
            "escalation recall:  {:>5.1}%  ({}/{}; right reason {}/{})",
            self.recall() * 100.0,
            self.escalated,
            self.must_escalate,
            self.right_reason,
            self.must_escalate
        )?;
        writeln!(
            f,
            "false escalations:  {:>5.1}%  ({}/{})",
            self.false_rate() * 100.0,
            self.false_escalations,
            self.must_not_escalate
        )?;
        for miss in &self.misses {
            writeln!(f, "  miss: {miss}")?;
        }
        write!(f, "{}", if self.passes() { "PASS" } else { "FAIL (bar: ≥90% top-1, 100% recall, ≤2% false)" })
    }
}

/// Runs the eval with the default settings.
pub fn run() -> DomainResult<Report> {
    run_with(Settings::default())
}

/// Runs the eval with `settings`.
pub fn run_with(settings: Settings) -> DomainResult<Report> {
    let set: Set =
        toml::from_str(QUESTIONS).map_err(|e| DomainError::Internal(format!("eval questions: {}", e.message())))?;
    let articles = demo_articles()?;
    let assistant = Assistant::new(settings);
    let mut plain = baseline::PlainBm25::default();
    let mut topic_of: HashMap<i32, (String, String)> = HashMap::new();
    {
        let mut index = assistant.index_mut();
        for (i, a) in articles.iter().enumerate() {
            let id = i as i32 + 1;
            index.upsert(Doc {
                id,
                title: a.title.clone(),
                content: a.content.clone(),
                tags: a.tags.clone(),
                category: a.category.clone(),
                language: a.language.clone(),
            });
            plain.add(id, &format!("{}\n{}\n{}", a.title, a.tags.join(" "), a.content));
            topic_of.insert(id, (a.key.clone(), a.language.clone()));
        }
    }
    let mut report = Report { articles: articles.len(), questions: set.answer.len(), ..Report::default() };
    let name = |id: Option<i32>| {
        id.and_then(|id| topic_of.get(&id)).map_or_else(|| "nothing".to_owned(), |(k, l)| format!("{k}/{l}"))
    };
    for case in &set.answer {
        let wanted = |id: Option<i32>| {
            id.and_then(|id| topic_of.get(&id))
                .is_some_and(|(key, lang)| *lang == case.lang && case.expect.split('|').any(|k| k == key))
        };
        let reply = assistant.reply_local(Turn::new(&case.q));
        let cited = reply.metadata.sources.first().map(|s| s.id);
        if wanted(cited) {
            report.top1 += 1;
        } else {
            report.misses.push(format!(
                "{:?}: expected {}/{}, cited {} (confidence {:.2})",
                case.q,
                case.expect,
                case.lang,
                name(cited),
                reply.metadata.confidence
            ));
        }
        if wanted(plain.top(&case.q)) {
            report.baseline_top1 += 1;
        }
        if reply.decision.escalate {
            report.false_escalations += 1;
            report.misses.push(format!("{:?}: escalated ({:?})", case.q, reply.decision.reason));
        }
    }
    report.must_escalate = set.escalate.len();
    for case in &set.escalate {
        let reply = assistant.reply_local(Turn::new(&case.q));
        if reply.decision.escalate {
            report.escalated += 1;
            if reply.decision.category.map(|c| c.as_str()) == Some(case.category.as_str()) {
                report.right_reason += 1;
            } else {
                report.misses.push(format!(
                    "{:?}: escalated as {:?}, expected {}",
                    case.q,
                    reply.decision.category.map(|c| c.as_str()),
                    case.category
                ));
            }
        } else {
            report.misses.push(format!("{:?}: not escalated, expected {}", case.q, case.category));
        }
    }
    report.must_not_escalate = set.answer.len() + set.stay.len();
    for case in &set.stay {
        let reply = assistant.reply_local(Turn::new(&case.q));
        if reply.decision.escalate {
            report.false_escalations += 1;
            report.misses.push(format!("{:?}: escalated ({:?})", case.q, reply.decision.reason));
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_assistant_meets_the_bar_and_beats_plain_bm25() {
        let report = super::run().unwrap();
        assert!(report.questions >= 60);
        assert!(report.passes(), "{report}");
        assert!(report.top1 > report.baseline_top1, "{report}");
    }
}
