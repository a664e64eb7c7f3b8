//! The local responder's pipeline for one turn: redact, detect the language, small talk, ground
//! the question in an article (lexically, or fused with semantic hits), decide on escalation,
//! and compose the answer from the article's most relevant passage.

use std::time::Instant;

use super::escalation::{self, Category, Decision};
use super::index::Doc;
use super::language::{self, Lang};
use super::local::{self, say};
use super::small_talk::{SmallTalk, small_talk};
use super::{Assistant, Reply, Settings, Turn, redact};
use crate::model::{ReplyMetadata, Source};

impl Assistant {
    /// The text to search for `turn`: the redacted message, or the message read with the
    /// previous one when it is a follow-up.
    pub(super) fn search_text(&self, turn: &Turn<'_>) -> String {
        let settings = self.settings();
        let redacted = redact::redact(turn.message).text;
        let lang = language::detect(&redacted, turn.language.unwrap_or(settings.default_language));
        let history: Vec<String> = turn.history.iter().map(|h| redact::redact(h).text).collect();
        local::contextual_query(&self.index(), &redacted, &history, lang)
    }

    /// Answers `turn` locally; `semantic` holds the nearest articles by embedding, if any.
    pub(super) fn respond(&self, turn: Turn<'_>, semantic: Option<&[(i32, f32)]>) -> Reply {
        let started = Instant::now();
        let settings = self.settings();
        let redacted = redact::redact(turn.message).text;
        let lang = language::detect(&redacted, turn.language.unwrap_or(settings.default_language));
        let mut reply = match small_talk(&redacted) {
            Some(kind) => Reply {
                text: match kind {
                    SmallTalk::Greeting => say::greeting(lang),
                    SmallTalk::Thanks => say::thanks(lang),
                }
                .to_owned(),
                metadata: metadata(lang, kind.intent(), 1.0, Vec::new(), false),
                decision: decide(&settings, &redacted, None, 0),
                redacted: String::new(),
                low_confidence: false,
                candidate: None,
                query: String::new(),
            },
            None => {
                let history: Vec<String> = turn.history.iter().map(|h| redact::redact(h).text).collect();
                self.answer(&settings, &redacted, &history, lang, turn.previous_low_turns, semantic)
            }
        };
        reply.redacted = redacted;
        reply.metadata.latency_ms = started.elapsed().as_millis() as u64;
        reply
    }

    fn answer(
        &self,
        settings: &Settings,
        redacted: &str,
        history: &[String],
        lang: Lang,
        previous_low_turns: u32,
        semantic: Option<&[(i32, f32)]>,
    ) -> Reply {
        let index = self.index();
        let query = local::contextual_query(&index, redacted, history, lang);
        let grounding = match (semantic, self.embedder()) {
            (Some(hits), Some(embedder)) if !hits.is_empty() => {
                local::ground_hybrid(&index, &query, lang, hits, embedder.min_similarity)
            }
            _ => local::ground(&index, &query, lang),
        };
        let confidence = grounding.as_ref().map_or(0.0, |g| g.confidence);
        let decision = decide(settings, redacted, Some(confidence), previous_low_turns);
        let confident = confidence >= settings.policy.threshold;
        let quote = |doc: &Doc| {
            let doc_lang = Lang::parse(&doc.language).unwrap_or(lang);
            let passages = index.passages(doc.id);
            let mut text = passages.map(|p| local::passage(p, &index.weigh(redacted, doc_lang))).unwrap_or_default();
            if doc.language != lang.code() {
                text = format!("{}\n\n{text}", say::other_language(lang));
            }
            format!("{text}\n\n{}", say::cite(lang, &doc.title))
        };
        let source = |doc: &Doc| vec![Source { id: doc.id, title: doc.title.clone() }];
        let (text, intent, sources) = match (&decision.category, &grounding) {
            (Some(Category::LowConfidence), _) => (say::handover(lang).to_owned(), "low_confidence", Vec::new()),
            (Some(category), Some(g)) if confident && category.has_self_help() => (
                format!("{}\n\n{}\n{}", say::handover(lang), say::meanwhile(lang), quote(&g.doc)),
                category.as_str(),
                source(&g.doc),
            ),
            (Some(category), _) => (say::handover(lang).to_owned(), category.as_str(), Vec::new()),
            (None, Some(g)) if confident => (quote(&g.doc), "knowledge", source(&g.doc)),
            (None, _) => (settings.bank.unsure(lang).to_owned(), "unknown", Vec::new()),
        };
        Reply {
            text,
            metadata: metadata(lang, intent, confidence, sources, decision.escalate),
            decision,
            redacted: String::new(),
            low_confidence: !confident,
            candidate: grounding.map(|g| g.doc.id),
            query,
        }
    }
}

/// The escalation policy's decision, or — when it keeps the customer with the assistant — a
/// handover anyway if they used one of the bank's own phrases.
fn decide(settings: &Settings, message: &str, confidence: Option<f32>, previous_low_turns: u32) -> Decision {
    let decision = escalation::decide(&settings.policy, message, confidence, previous_low_turns);
    if !decision.escalate && settings.bank.hands_over(message) {
        return Decision::escalate(Category::HumanRequested);
    }
    decision
}

pub(super) fn metadata(
    lang: Lang,
    intent: &str,
    confidence: f32,
    sources: Vec<Source>,
    escalated: bool,
) -> ReplyMetadata {
    ReplyMetadata {
        sources,
        confidence: (confidence * 1000.0).round() / 1000.0,
        intent: intent.to_owned(),
        language: lang.code().to_owned(),
        escalated,
        provider: "local".to_owned(),
        latency_ms: 0,
        ticket_id: None,
    }
}
