//! The assistant: from a customer's message to a grounded, cited answer and an escalation
//! decision. Redact PII → detect the language → small talk? → retrieve the best article (lexical,
//! fused with semantic retrieval when an embeddings provider is configured) → decide on
//! escalation → answer (the local responder; an LLM rewrites grounded answers when configured).

pub mod analyze;
mod augment;
pub mod embeddings;
pub mod escalation;
pub mod index;
pub mod language;
pub mod llm;
pub mod local;
pub mod redact;
mod respond;
mod small_talk;
pub mod spelling;
pub mod stem;
pub mod text;
pub mod thesaurus;

use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use embeddings::{Embedder, EmbeddingsConfig, VectorIndex};
use escalation::{Decision, Policy};
use index::Index;
use language::Lang;
use llm::LlmConfig;

use crate::model::{DecisionOut, ReplyMetadata};

/// What the assistant is tuned with (settings at run time).
#[derive(Debug, Clone)]
pub struct Settings {
    pub policy: Policy,
    /// Used when a message does not tell its language.
    pub default_language: Lang,
    /// What the bank set in its own words (shared, as every reply reads it).
    pub bank: std::sync::Arc<BankWords>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { policy: Policy::default(), default_language: Lang::Es, bank: Default::default() }
    }
}

/// The bank's own words: phrases that always hand the customer to a person (settings
/// `assistant.escalation_phrases`), and what the assistant says when it does not know
/// (`assistant.unsure_es`, `assistant.unsure_en`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BankWords {
    /// Folded words of each phrase, space-joined, with a space on either side.
    pub phrases: Vec<String>,
    pub unsure_es: Option<String>,
    pub unsure_en: Option<String>,
}

impl BankWords {
    /// From the settings' values: the phrases as the bank wrote them.
    pub fn new(phrases: &[String], unsure_es: Option<String>, unsure_en: Option<String>) -> Self {
        let phrases = phrases
            .iter()
            .map(|p| text::words(p).join(" "))
            .filter(|p| !p.is_empty())
            .map(|p| format!(" {p} "))
            .collect();
        BankWords { phrases, unsure_es, unsure_en }
    }

    /// Whether `message` holds one of the phrases, as whole words, in any case or accents.
    pub fn hands_over(&self, message: &str) -> bool {
        if self.phrases.is_empty() {
            return false;
        }
        let said = format!(" {} ", text::words(message).join(" "));
        self.phrases.iter().any(|p| said.contains(p.as_str()))
    }

    /// What to say when the answer is not known, in `lang`.
    pub fn unsure(&self, lang: Lang) -> &str {
        let custom = if lang == Lang::En { &self.unsure_en } else { &self.unsure_es };
        custom.as_deref().unwrap_or_else(|| local::say::unsure(lang))
    }
}

/// One customer message, with what the conversation knows.
#[derive(Debug, Clone, Copy)]
pub struct Turn<'a> {
    pub message: &'a str,
    /// Low-confidence answers right before this one in the conversation.
    pub previous_low_turns: u32,
    /// The conversation's language so far, if known.
    pub language: Option<Lang>,
    /// The customer's earlier messages in this conversation, oldest first: a follow-up ("¿y
    /// cuánto cuesta?") is understood with them. Redacted again before any use.
    pub history: &'a [String],
}

impl<'a> Turn<'a> {
    /// A first message with no history.
    pub fn new(message: &'a str) -> Self {
        Turn { message, previous_low_turns: 0, language: None, history: &[] }
    }
}

/// The assistant's answer to one [`Turn`].
#[derive(Debug, Clone)]
pub struct Reply {
    pub text: String,
    pub metadata: ReplyMetadata,
    pub decision: Decision,
    /// The customer's message with PII redacted: the only form that is stored, logged or sent on.
    pub redacted: String,
    /// The answer fell below the confidence threshold (counts towards a low-confidence handover).
    pub low_confidence: bool,
    /// The best-ranked article, even when not confident enough to answer from it alone.
    pub candidate: Option<i32>,
    /// What was searched: the message, or the message read with the previous one (a follow-up).
    pub query: String,
}

impl Reply {
    /// The decision as wire data.
    pub fn decision_out(&self) -> DecisionOut {
        DecisionOut {
            escalate: self.decision.escalate,
            reason: self.decision.reason.clone(),
            category: self.decision.category.map(|c| c.as_str().to_owned()),
            priority: self.decision.priority,
        }
    }
}

/// The knowledge-base index (and vectors), the settings and the providers, shared by every
/// request.
pub struct Assistant {
    index: RwLock<Index>,
    vectors: RwLock<VectorIndex>,
    settings: RwLock<Settings>,
    llm: Option<llm::Llm>,
    embedder: Option<Embedder>,
    /// Replies by outcome ([`Outcome`]), for `/metrics`.
    answers: [std::sync::atomic::AtomicU64; 3],
}

/// What became of a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Answered (from an article, or a greeting or thanks).
    Answered,
    /// Did not know.
    Unknown,
    /// Handed to a person.
    Escalated,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Answered, Outcome::Unknown, Outcome::Escalated];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Answered => "answered",
            Outcome::Unknown => "unknown",
            Outcome::Escalated => "escalated",
        }
    }

    fn of(reply: &Reply) -> Outcome {
        if reply.decision.escalate || reply.metadata.escalated {
            Outcome::Escalated
        } else if reply.metadata.intent == "unknown" {
            Outcome::Unknown
        } else {
            Outcome::Answered
        }
    }
}

impl Assistant {
    /// An assistant with the local responder only.
    pub fn new(settings: Settings) -> Self {
        Assistant {
            index: RwLock::new(Index::new()),
            vectors: RwLock::new(VectorIndex::default()),
            settings: RwLock::new(settings),
            llm: None,
            embedder: None,
            answers: Default::default(),
        }
    }

    /// With its settings, and the LLM and embeddings providers when they are configured.
    pub fn configured(settings: Settings, llm: Option<&LlmConfig>, embeddings: Option<&EmbeddingsConfig>) -> Self {
        let mut assistant = Assistant::new(settings);
        if let Some(llm_config) = llm {
            match llm::Llm::new(llm_config) {
                Ok(llm) => assistant.llm = Some(llm),
                Err(error) => tracing::error!(%error, "cannot set up the LLM provider; answering locally"),
            }
        }
        if let Some(embeddings) = embeddings {
            match Embedder::new(embeddings) {
                Ok(embedder) => assistant.embedder = Some(embedder),
                Err(error) => tracing::error!(%error, "cannot set up the embeddings provider; lexical retrieval only"),
            }
        }
        assistant
    }

    /// Uses `llm` for answers.
    pub fn with_llm(mut self, llm: llm::Llm) -> Self {
        self.llm = Some(llm);
        self
    }

    /// Uses `embedder` for semantic retrieval.
    pub fn with_embedder(mut self, embedder: Embedder) -> Self {
        self.embedder = Some(embedder);
        self
    }

    /// `local`, or the configured provider's name.
    pub fn provider(&self) -> &'static str {
        self.llm.as_ref().map_or("local", llm::Llm::name)
    }

    /// The embeddings provider, if configured.
    pub fn embedder(&self) -> Option<&Embedder> {
        self.embedder.as_ref()
    }

    /// Reads the index (searches take well under a millisecond; no await while held).
    pub fn index(&self) -> RwLockReadGuard<'_, Index> {
        self.index.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Changes the index; the knowledge service calls this after every committed change.
    pub fn index_mut(&self) -> RwLockWriteGuard<'_, Index> {
        self.index.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads the article vectors.
    pub fn vectors(&self) -> RwLockReadGuard<'_, VectorIndex> {
        self.vectors.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Changes the article vectors.
    pub fn vectors_mut(&self) -> RwLockWriteGuard<'_, VectorIndex> {
        self.vectors.write().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn settings(&self) -> Settings {
        self.settings.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    pub fn set_settings(&self, settings: Settings) {
        *self.settings.write().unwrap_or_else(PoisonError::into_inner) = settings;
    }

    /// Answers `turn`.
    pub async fn reply(&self, turn: Turn<'_>) -> Reply {
        self.reply_streaming(turn, &mut |_| {}).await
    }

    /// Answers `turn`, passing the LLM's tokens to `sink` as they arrive. With an embeddings
    /// provider the question is embedded first and the nearest articles are fused with the
    /// lexical ranking. The returned reply is the final word: when a provider fails (even after
    /// some tokens) it is the local answer.
    pub async fn reply_streaming(&self, turn: Turn<'_>, sink: llm::TokenSink<'_>) -> Reply {
        let semantic = self.semantic(&turn).await;
        let local = self.respond(turn, semantic.as_deref());
        let reply = self.augment(local, &turn, sink).await;
        self.answers[Outcome::of(&reply) as usize].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        reply
    }

    /// Replies so far with `outcome`.
    pub fn answered(&self, outcome: Outcome) -> u64 {
        self.answers[outcome as usize].load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The LLM provider, when one is configured.
    pub fn llm(&self) -> Option<&llm::Llm> {
        self.llm.as_ref()
    }

    /// Answers with the local responder and the lexical index alone: no network, a fraction of a
    /// millisecond.
    pub fn reply_local(&self, turn: Turn<'_>) -> Reply {
        self.respond(turn, None)
    }

    /// The articles nearest to the (redacted) question by embedding, when a provider is
    /// configured and answers in time; `None` means lexical retrieval alone.
    async fn semantic(&self, turn: &Turn<'_>) -> Option<Vec<(i32, f32)>> {
        let embedder = self.embedder.as_ref()?;
        if self.vectors().is_empty() {
            return None;
        }
        let text = self.search_text(turn);
        let started = std::time::Instant::now();
        match embedder.embed(std::slice::from_ref(&text)).await {
            Ok(mut vectors) => {
                let vector = vectors.pop()?;
                Some(self.vectors().search(&vector, 20))
            }
            Err(error) => {
                let latency_ms = started.elapsed().as_millis() as u64;
                tracing::warn!(latency_ms, %error, "embeddings failed; lexical retrieval only");
                None
            }
        }
    }
}
