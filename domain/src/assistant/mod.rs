//! The assistant: from a customer's message to a grounded, cited answer and an escalation
//! decision. Redact PII → detect the language → small talk? → retrieve the best article →
//! decide on escalation → answer (an LLM when configured, else the local responder).

pub mod analyze;
pub mod answers;
pub mod escalation;
pub mod eval;
pub mod index;
pub mod language;
pub mod llm;
pub mod local;
pub mod redact;
pub mod spelling;
pub mod stem;
pub mod text;
pub mod thesaurus;

use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Instant;

use escalation::{Category, Decision, Policy};
use index::Index;
use language::Lang;
use local::say;

use crate::model::{DecisionOut, ReplyMetadata, Source};

/// What the assistant is tuned with (settings at run time).
#[derive(Debug, Clone)]
pub struct Settings {
    pub policy: Policy,
    /// Used when a message does not tell its language.
    pub default_language: Lang,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { policy: Policy::default(), default_language: Lang::Es }
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

/// The knowledge-base index, the settings and the LLM provider (if any), shared by every request.
pub struct Assistant {
    index: RwLock<Index>,
    settings: RwLock<Settings>,
    llm: Option<llm::Llm>,
}

impl Assistant {
    /// An assistant with the local responder only.
    pub fn new(settings: Settings) -> Self {
        Assistant { index: RwLock::new(Index::new()), settings: RwLock::new(settings), llm: None }
    }

    /// From configuration: the settings, plus the LLM provider when one is configured.
    pub fn from_config(config: &crate::config::AssistantConfig) -> Self {
        let mut assistant = Assistant::new(config.settings());
        if let Some(llm_config) = &config.llm {
            match llm::Llm::new(llm_config) {
                Ok(llm) => assistant.llm = Some(llm),
                Err(error) => tracing::error!(%error, "cannot set up the LLM provider; answering locally"),
            }
        }
        assistant
    }

    /// Uses `llm` for answers.
    pub fn with_llm(mut self, llm: llm::Llm) -> Self {
        self.llm = Some(llm);
        self
    }

    /// `local`, or the configured provider's name.
    pub fn provider(&self) -> &'static str {
        self.llm.as_ref().map_or("local", llm::Llm::name)
    }

    /// Reads the index (searches take well under a millisecond; no await while held).
    pub fn index(&self) -> RwLockReadGuard<'_, Index> {
        self.index.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Changes the index; the knowledge service calls this after every committed change.
    pub fn index_mut(&self) -> RwLockWriteGuard<'_, Index> {
        self.index.write().unwrap_or_else(PoisonError::into_inner)
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

    /// Answers `turn`, passing the LLM's tokens to `sink` as they arrive. The returned reply is
    /// the final word: when the provider fails (even after some tokens) it is the local answer.
    /// Escalations, small talk and questions the knowledge base cannot answer never reach the
    /// LLM: the local responder's answer is deterministic and costs nothing.
    pub async fn reply_streaming(&self, turn: Turn<'_>, sink: llm::TokenSink<'_>) -> Reply {
        let local = self.reply_local(turn);
        let Some(llm) = &self.llm else { return local };
        if local.metadata.intent != "knowledge" {
            return local;
        }
        let started = Instant::now();
        let lang = Lang::parse(&local.metadata.language).unwrap_or(Lang::Es);
        let history: Vec<String> = turn.history.iter().map(|h| redact::redact(h).text).collect();
        let Some((prompt, articles)) = self.prompt_for(&local, lang, llm.system_prompt(), &history) else {
            return local;
        };
        match llm.complete(&prompt, sink).await {
            Ok(text) => {
                let mut reply = local;
                reply.metadata.sources = llm::prompt::cited(&text, &articles);
                reply.text = text.trim().to_owned();
                reply.metadata.provider = llm.name().to_owned();
                reply.metadata.latency_ms += started.elapsed().as_millis() as u64;
                reply
            }
            Err(error) => {
                let latency_ms = started.elapsed().as_millis() as u64;
                tracing::warn!(provider = llm.name(), latency_ms, %error, "LLM failed; answered with the local responder");
                local
            }
        }
    }

    /// The prompt over the grounding article and the next best ones (the index lock is released
    /// before any await).
    fn prompt_for(
        &self,
        local: &Reply,
        lang: Lang,
        bank_prompt: &str,
        history: &[String],
    ) -> Option<(llm::Prompt, Vec<index::Doc>)> {
        let index = self.index();
        let first = index.get(local.metadata.sources.first()?.id)?.clone();
        let articles = local::context(&index, &local.redacted, lang, &first, 3);
        Some((llm::prompt::build(bank_prompt, lang, &articles, &local.redacted, history), articles))
    }

    /// Answers with the local responder: no network, a fraction of a millisecond.
    pub fn reply_local(&self, turn: Turn<'_>) -> Reply {
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
                decision: escalation::decide(&settings.policy, &redacted, None, 0),
                redacted: String::new(),
                low_confidence: false,
            },
            None => {
                let history: Vec<String> = turn.history.iter().map(|h| redact::redact(h).text).collect();
                self.answer(&settings, &redacted, &history, lang, turn.previous_low_turns)
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
    ) -> Reply {
        let index = self.index();
        let grounding = local::ground_in_context(&index, redacted, history, lang);
        let confidence = grounding.as_ref().map_or(0.0, |g| g.confidence);
        let decision = escalation::decide(&settings.policy, redacted, Some(confidence), previous_low_turns);
        let confident = confidence >= settings.policy.threshold;
        let quote = |doc: &index::Doc| {
            let doc_lang = Lang::parse(&doc.language).unwrap_or(lang);
            let mut text = local::passage(&doc.content, doc_lang, &index.weigh(redacted, doc_lang));
            if doc.language != lang.code() {
                text = format!("{}\n\n{text}", say::other_language(lang));
            }
            format!("{text}\n\n{}", say::cite(lang, &doc.title))
        };
        let source = |doc: &index::Doc| vec![Source { id: doc.id, title: doc.title.clone() }];
        let (text, intent, sources) = match (&decision.category, &grounding) {
            (Some(Category::LowConfidence), _) => (say::handover(lang).to_owned(), "low_confidence", Vec::new()),
            (Some(category), Some(g)) if confident && category.has_self_help() => (
                format!("{}\n\n{}\n{}", say::handover(lang), say::meanwhile(lang), quote(&g.doc)),
                category.as_str(),
                source(&g.doc),
            ),
            (Some(category), _) => (say::handover(lang).to_owned(), category.as_str(), Vec::new()),
            (None, Some(g)) if confident => (quote(&g.doc), "knowledge", source(&g.doc)),
            (None, _) => (say::unsure(lang).to_owned(), "unknown", Vec::new()),
        };
        Reply {
            text,
            metadata: metadata(lang, intent, confidence, sources, decision.escalate),
            decision,
            redacted: String::new(),
            low_confidence: !confident,
        }
    }
}

fn metadata(lang: Lang, intent: &str, confidence: f32, sources: Vec<Source>, escalated: bool) -> ReplyMetadata {
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

#[derive(Debug, Clone, Copy)]
enum SmallTalk {
    Greeting,
    Thanks,
}

impl SmallTalk {
    fn intent(self) -> &'static str {
        match self {
            SmallTalk::Greeting => "greeting",
            SmallTalk::Thanks => "thanks",
        }
    }
}

/// A message that is only a greeting or only thanks.
fn small_talk(message: &str) -> Option<SmallTalk> {
    const GREETING: &[&str] = &[
        "hola",
        "buenos",
        "buenas",
        "dias",
        "tardes",
        "noches",
        "que",
        "tal",
        "saludos",
        "hi",
        "hello",
        "hey",
        "good",
        "morning",
        "afternoon",
        "evening",
        "there",
    ];
    const THANKS: &[&str] = &[
        "gracias",
        "muchas",
        "mil",
        "perfecto",
        "excelente",
        "ok",
        "vale",
        "listo",
        "thanks",
        "thank",
        "you",
        "great",
        "perfect",
        "awesome",
        "cool",
        "so",
        "much",
        "a",
        "lot",
    ];
    let words = text::words(message);
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    if words.iter().all(|w| GREETING.contains(&w.as_str())) {
        Some(SmallTalk::Greeting)
    } else if words.iter().all(|w| THANKS.contains(&w.as_str())) {
        Some(SmallTalk::Thanks)
    } else {
        None
    }
}
