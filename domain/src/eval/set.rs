//! The eval's question sets and knowledge bases, read from `domain/eval/`: `dev/` (tune on it) and
//! `test/` (frozen: written before the pipeline changed and never used to tune it).

use serde::Deserialize;

use crate::error::{DomainError, DomainResult};
use crate::seed::{DemoArticle, demo_articles};

pub(super) use crate::assistant::escalation::learned::{
    DEV_BANKING77, DEV_HARD, DEV_PACIFICO, DEV_QUESTIONS as DEV, DEV_SUR,
};
pub(super) const DEV_SUR_KB: &str = include_str!("../../eval/dev/sur_kb.toml");
pub(super) const DEV_PACIFICO_KB: &str = include_str!("../../eval/dev/pacifico_kb.toml");
pub(super) const HOLDOUT_BANKING77: &str = include_str!("../../eval/holdout/banking77.toml");
pub(super) const TEST_DEMO: &str = include_str!("../../eval/test/demo.toml");
pub(super) const TEST_ANDINO: &str = include_str!("../../eval/test/andino.toml");
pub(super) const TEST_ANDINO_KB: &str = include_str!("../../eval/test/andino_kb.toml");

/// One file of cases. Every section is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Cases {
    #[serde(default)]
    pub answer: Vec<AnswerCase>,
    #[serde(default)]
    pub followup: Vec<FollowupCase>,
    #[serde(default)]
    pub unanswerable: Vec<UnanswerableCase>,
    #[serde(default)]
    pub escalate: Vec<EscalateCase>,
    #[serde(default)]
    pub stay: Vec<StayCase>,
}

/// A question the knowledge base answers; `expect` is a topic key, or keys separated by `|`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AnswerCase {
    pub lang: String,
    pub q: String,
    pub expect: String,
}

/// A conversation whose last turn needs the earlier ones to be understood.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FollowupCase {
    pub lang: String,
    pub turns: Vec<String>,
    pub expect: String,
}

/// A question the knowledge base does not answer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnanswerableCase {
    #[allow(dead_code)]
    pub lang: String,
    pub q: String,
}

/// A message that must reach a person; `category` may list alternatives separated by `|`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EscalateCase {
    pub q: String,
    pub category: String,
}

/// A message that must not escalate on its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StayCase {
    pub q: String,
}

#[derive(Deserialize)]
struct KbFile {
    article: Vec<DemoArticle>,
}

/// A named knowledge base with the cases asked against it.
pub(super) struct Part {
    pub name: &'static str,
    pub articles: Vec<DemoArticle>,
    pub cases: Cases,
}

impl Cases {
    fn extend(&mut self, other: Cases) {
        self.answer.extend(other.answer);
        self.followup.extend(other.followup);
        self.unanswerable.extend(other.unanswerable);
        self.escalate.extend(other.escalate);
        self.stay.extend(other.stay);
    }
}

pub(super) fn parse_cases(name: &str, text: &str) -> DomainResult<Cases> {
    toml::from_str(text).map_err(|e| DomainError::Internal(format!("eval cases {name}: {}", e.message())))
}

fn parse_kb(name: &str, text: &str) -> DomainResult<Vec<DemoArticle>> {
    let file: KbFile = toml::from_str(text)
        .map_err(|e| DomainError::Internal(format!("eval knowledge base {name}: {}", e.message())))?;
    Ok(file.article)
}

/// The dev split: the demo knowledge base with `dev/questions.toml` and `dev/hard.toml`, the
/// Banco del Sur knowledge base with `dev/sur.toml`, the Banco Pacífico one with `dev/pacifico.toml`,
/// and the demo knowledge base again with half of BANKING77's customer messages (`dev/banking77.toml`).
pub(super) fn dev() -> DomainResult<Vec<Part>> {
    let mut demo = parse_cases("dev/questions", DEV)?;
    demo.extend(parse_cases("dev/hard", DEV_HARD)?);
    Ok(vec![
        Part { name: "demo", articles: demo_articles()?, cases: demo },
        Part { name: "sur", articles: parse_kb("dev/sur_kb", DEV_SUR_KB)?, cases: parse_cases("dev/sur", DEV_SUR)? },
        Part {
            name: "pacifico",
            articles: parse_kb("dev/pacifico_kb", DEV_PACIFICO_KB)?,
            cases: parse_cases("dev/pacifico", DEV_PACIFICO)?,
        },
        Part { name: "banking77", articles: demo_articles()?, cases: parse_cases("dev/banking77", DEV_BANKING77)? },
    ])
}

/// The held-out split: the other half of BANKING77's messages (written by other people, labelled
/// before any run) against the demo knowledge base. Never tuned on; read in aggregate only.
pub(super) fn holdout() -> DomainResult<Vec<Part>> {
    Ok(vec![Part {
        name: "banking77",
        articles: demo_articles()?,
        cases: parse_cases("holdout/banking77", HOLDOUT_BANKING77)?,
    }])
}

/// The frozen test split: the demo knowledge base with `test/demo.toml`, and the Andino knowledge
/// base with `test/andino.toml`.
pub(super) fn test() -> DomainResult<Vec<Part>> {
    Ok(vec![
        Part { name: "demo", articles: demo_articles()?, cases: parse_cases("test/demo", TEST_DEMO)? },
        Part {
            name: "andino",
            articles: parse_kb("test/andino_kb", TEST_ANDINO_KB)?,
            cases: parse_cases("test/andino", TEST_ANDINO)?,
        },
    ])
}
