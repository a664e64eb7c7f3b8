//! The LLM's part of an answer: when a provider is configured, a grounded answer is written by
//! the model from the best articles, and a retrieval that was not sure (below the threshold but
//! with candidates) is offered to the model with explicit permission to say it does not know.
//! Escalation stays rule-first: an escalated reply never reaches the model, and the model can
//! add an escalation (`[[HANDOFF]]`) but never remove one. Any failure keeps the local answer.

use std::time::Instant;

use super::escalation::{Category, Decision};
use super::index::Doc;
use super::language::Lang;
use super::llm::{self, Prompt, TokenSink, prompt};
use super::{Assistant, Reply, Turn, local, redact};

/// Below this confidence a question has nothing in the knowledge base worth showing a model.
const UNCERTAIN_FLOOR: f32 = 0.1;

/// Holds back a `[[…]]` marker while it streams, so the customer never sees it.
struct MarkerFilter<'a, 'b> {
    sink: &'b mut TokenSink<'a>,
    held: String,
}

impl MarkerFilter<'_, '_> {
    fn emit(&mut self, text: &str) {
        if !text.is_empty() {
            (self.sink)(text);
        }
    }

    fn push(&mut self, token: &str) {
        self.held.push_str(token);
        loop {
            let Some(start) = self.held.find("[[") else {
                // A lone '[' at the end may be the start of a marker.
                let keep = usize::from(self.held.ends_with('['));
                let cut = self.held.len() - keep;
                let out: String = self.held.drain(..cut).collect();
                self.emit(&out);
                return;
            };
            let before: String = self.held.drain(..start).collect();
            self.emit(&before);
            match self.held.find("]]") {
                Some(end) => {
                    let marker: String = self.held.drain(..end + 2).collect();
                    if !prompt::MARKERS.contains(&marker.as_str()) {
                        self.emit(&marker);
                    }
                }
                // Not a marker after all: let it through.
                None if self.held.len() > 16 => {
                    let out = std::mem::take(&mut self.held);
                    self.emit(&out);
                    return;
                }
                None => return,
            }
        }
    }

    fn finish(&mut self) {
        let rest = std::mem::take(&mut self.held);
        if !prompt::MARKERS.contains(&rest.as_str()) {
            self.emit(&rest);
        }
    }
}

impl Assistant {
    /// `local` rewritten by the LLM where that is allowed and the model answers.
    pub(super) async fn augment(&self, local: Reply, turn: &Turn<'_>, sink: TokenSink<'_>) -> Reply {
        let Some(llm) = &self.llm else { return local };
        if local.decision.escalate {
            return local;
        }
        let uncertain = match local.metadata.intent.as_str() {
            "knowledge" => false,
            // Some evidence, not enough: the model may answer from the articles, or decline.
            "unknown" if local.candidate.is_some() && local.metadata.confidence >= UNCERTAIN_FLOOR => true,
            _ => return local,
        };
        let started = Instant::now();
        let lang = Lang::parse(&local.metadata.language).unwrap_or(Lang::Es);
        let history: Vec<String> = turn.history.iter().map(|h| redact::redact(h).text).collect();
        let Some((prompt, articles)) = self.prompt_for(&local, lang, llm.system_prompt(), &history, uncertain) else {
            return local;
        };
        let mut sink = sink;
        let mut filter = MarkerFilter { sink: &mut sink, held: String::new() };
        let result = llm.complete(&prompt, &mut |token: &str| filter.push(token)).await;
        filter.finish();
        let latency_ms = started.elapsed().as_millis() as u64;
        match result {
            Ok(answer) => {
                let (text, markers) = prompt::take_markers(&answer);
                if markers.no_answer || text.is_empty() {
                    tracing::info!(provider = llm.name(), latency_ms, "the LLM found no answer in the articles");
                    return local;
                }
                let mut reply = local;
                reply.metadata.sources = llm::prompt::cited(&text, &articles);
                reply.text = text;
                reply.metadata.provider = llm.name().to_owned();
                reply.metadata.latency_ms += latency_ms;
                if uncertain {
                    reply.metadata.intent = "knowledge".to_owned();
                    reply.low_confidence = false;
                }
                if markers.handoff {
                    reply.decision = Decision::escalate(Category::AssistantFlagged);
                    reply.metadata.intent = Category::AssistantFlagged.as_str().to_owned();
                    reply.metadata.escalated = true;
                }
                reply
            }
            Err(error) => {
                let provider = llm.name();
                tracing::warn!(provider, latency_ms, %error, "LLM failed; answered with the local responder");
                local
            }
        }
    }

    /// The prompt over the grounding (or candidate) article and the next best ones (the index
    /// lock is released before any await).
    fn prompt_for(
        &self,
        local: &Reply,
        lang: Lang,
        bank_prompt: &str,
        history: &[String],
        uncertain: bool,
    ) -> Option<(Prompt, Vec<Doc>)> {
        let index = self.index();
        let first_id = local.metadata.sources.first().map(|s| s.id).or(local.candidate)?;
        let first = index.get(first_id)?.clone();
        let articles = local::context(&index, &local.query, lang, &first, 3);
        Some((llm::prompt::build(bank_prompt, lang, &articles, &local.redacted, history, uncertain), articles))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filtered(tokens: &[&str]) -> String {
        let mut out = String::new();
        {
            let mut collect = |t: &str| out.push_str(t);
            let mut sink: TokenSink<'_> = &mut collect;
            let mut filter = MarkerFilter { sink: &mut sink, held: String::new() };
            for t in tokens {
                filter.push(t);
            }
            filter.finish();
        }
        out
    }

    #[test]
    fn markers_never_reach_the_customer() {
        assert_eq!(filtered(&["Block it [1].", " [[HAND", "OFF]]"]), "Block it [1]. ");
        assert_eq!(filtered(&["See [", "1] and [[not a marker]] ok"]), "See [1] and [[not a marker]] ok");
        assert_eq!(filtered(&["[[NO_ANSWER]]"]), "");
        assert_eq!(filtered(&["a [", "[b"]), "a [[b");
    }
}
