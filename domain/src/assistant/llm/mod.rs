//! LLM providers behind one trait: OpenAI-compatible chat completions (OpenAI, Azure-style
//! endpoints, Ollama, vLLM, llama.cpp server) and Anthropic messages, both streamed token by
//! token. [`Llm`] adds what a bank needs around a provider: a timeout, retries with backoff on
//! 429/5xx, and a circuit breaker so a failing provider is left alone for a while. Any failure
//! is the caller's cue to answer with the local responder.

mod anthropic;
mod breaker;
mod openai;
pub mod prompt;
mod sse;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

pub use breaker::Breaker;
pub use prompt::Prompt;

/// Which wire format a provider speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderKind {
    OpenAi,
    Anthropic,
}

impl ProviderKind {
    /// Name used in reply metadata and settings.
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::OpenAi => "openai",
            ProviderKind::Anthropic => "anthropic",
        }
    }

    /// Where the provider lives when no base URL is configured.
    pub fn default_base_url(self) -> &'static str {
        match self {
            ProviderKind::OpenAi => "https://api.openai.com/v1",
            ProviderKind::Anthropic => "https://api.anthropic.com",
        }
    }

    pub fn default_model(self) -> &'static str {
        match self {
            ProviderKind::OpenAi => "gpt-4o-mini",
            ProviderKind::Anthropic => "claude-3-5-haiku-latest",
        }
    }
}

/// A configured provider.
#[derive(Clone, PartialEq)]
pub struct LlmConfig {
    pub kind: ProviderKind,
    /// OpenAI-compatible: up to and including `/v1`; Anthropic: the host.
    pub base_url: String,
    pub api_key: Option<String>,
    pub model: String,
    pub temperature: f32,
    pub max_tokens: u32,
    /// Whole-request limit, streaming included.
    pub timeout: Duration,
    /// Extra attempts after a 429, a 5xx or a failed connection, before any token arrived.
    pub retries: u32,
    /// First backoff; doubled on each retry (a `Retry-After` header wins, up to 5 s).
    pub backoff: Duration,
    /// Consecutive failures that open the circuit, and how long it stays open.
    pub breaker_failures: u32,
    pub breaker_cooldown: Duration,
    /// The bank's own instructions, placed before JoxAI's fixed rules.
    pub system_prompt: String,
}

impl std::fmt::Debug for LlmConfig {
    // Hand-written so the API key never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LlmConfig")
            .field("kind", &self.kind)
            .field("base_url", &self.base_url)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("model", &self.model)
            .field("temperature", &self.temperature)
            .field("timeout", &self.timeout)
            .field("retries", &self.retries)
            .finish_non_exhaustive()
    }
}

/// Why a provider gave no answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LlmError {
    #[error("timed out")]
    Timeout,
    #[error("HTTP {status}: {message}")]
    Status { status: u16, message: String, retry_after: Option<Duration> },
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("unexpected response: {0}")]
    Protocol(String),
    #[error("the provider gave an empty answer")]
    Empty,
    #[error("circuit open after repeated failures")]
    CircuitOpen,
}

impl LlmError {
    fn retryable(&self) -> bool {
        match self {
            LlmError::Status { status, .. } => *status == 429 || *status >= 500,
            LlmError::Connect(_) | LlmError::Timeout => true,
            LlmError::Protocol(_) | LlmError::Empty | LlmError::CircuitOpen => false,
        }
    }

    pub(crate) fn from_reqwest(e: &reqwest::Error) -> Self {
        if e.is_timeout() {
            LlmError::Timeout
        } else if e.is_connect() || e.is_request() {
            LlmError::Connect(e.to_string())
        } else {
            LlmError::Protocol(e.to_string())
        }
    }
}

/// Receives tokens as they arrive.
pub type TokenSink<'a> = &'a mut (dyn FnMut(&str) + Send);
/// A boxed future, so the trait stays object-safe.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One wire format.
pub trait Provider: Send + Sync {
    fn kind(&self) -> ProviderKind;

    /// Sends `prompt`, passes each token to `sink` as it arrives, and returns the whole answer.
    fn stream<'a>(&'a self, prompt: &'a Prompt, sink: TokenSink<'a>) -> BoxFuture<'a, Result<String, LlmError>>;
}

/// A provider with retries, backoff and a circuit breaker.
pub struct Llm {
    provider: Box<dyn Provider>,
    retries: u32,
    backoff: Duration,
    breaker: Breaker,
    system_prompt: String,
    stats: LlmStats,
}

/// What the provider did, for `/metrics`.
#[derive(Debug, Default)]
pub struct LlmStats {
    /// Calls by outcome: answered, failed (after retries), refused by the open breaker.
    pub answered: std::sync::atomic::AtomicU64,
    pub failed: std::sync::atomic::AtomicU64,
    pub refused: std::sync::atomic::AtomicU64,
    /// Each call's time, retries included.
    pub latency: crate::metrics::Histogram,
}

impl Llm {
    /// The configured provider.
    pub fn new(config: &LlmConfig) -> Result<Self, LlmError> {
        let http = reqwest::Client::builder()
            .connect_timeout(config.timeout.min(Duration::from_secs(5)))
            .timeout(config.timeout)
            .build()
            .map_err(|e| LlmError::Connect(e.to_string()))?;
        let provider: Box<dyn Provider> = match config.kind {
            ProviderKind::OpenAi => Box::new(openai::OpenAi::new(http, config)),
            ProviderKind::Anthropic => Box::new(anthropic::Anthropic::new(http, config)),
        };
        Ok(Self::with_provider(provider, config))
    }

    /// Wraps any provider (tests, future formats).
    pub fn with_provider(provider: Box<dyn Provider>, config: &LlmConfig) -> Self {
        Llm {
            provider,
            retries: config.retries,
            backoff: config.backoff,
            breaker: Breaker::new(config.breaker_failures, config.breaker_cooldown),
            system_prompt: config.system_prompt.clone(),
            stats: LlmStats::default(),
        }
    }

    /// Calls and their outcomes so far.
    pub fn stats(&self) -> &LlmStats {
        &self.stats
    }

    /// Whether the breaker refuses calls now.
    pub fn breaker_open(&self) -> bool {
        self.breaker.is_open()
    }

    pub fn name(&self) -> &'static str {
        self.provider.kind().as_str()
    }

    /// The bank's own instructions.
    pub fn system_prompt(&self) -> &str {
        &self.system_prompt
    }

    /// Streams an answer to `prompt`. Retries only before the first token, so a customer never
    /// sees a sentence twice.
    pub async fn complete(&self, prompt: &Prompt, sink: TokenSink<'_>) -> Result<String, LlmError> {
        use std::sync::atomic::Ordering::Relaxed;
        if !self.breaker.allow() {
            self.stats.refused.fetch_add(1, Relaxed);
            return Err(LlmError::CircuitOpen);
        }
        let started = std::time::Instant::now();
        let result = self.attempts(prompt, sink).await;
        self.stats.latency.observe(started.elapsed());
        let outcome = if result.is_ok() { &self.stats.answered } else { &self.stats.failed };
        outcome.fetch_add(1, Relaxed);
        result
    }

    async fn attempts(&self, prompt: &Prompt, sink: TokenSink<'_>) -> Result<String, LlmError> {
        let mut attempt = 0;
        loop {
            let mut emitted = false;
            let result = {
                let mut counting = |token: &str| {
                    emitted = true;
                    sink(token);
                };
                self.provider.stream(prompt, &mut counting).await
            };
            let error = match result {
                Ok(text) if !text.trim().is_empty() => {
                    self.breaker.success();
                    return Ok(text);
                }
                Ok(_) => LlmError::Empty,
                Err(e) => e,
            };
            if error.retryable() && !emitted && attempt < self.retries {
                let wait = match &error {
                    LlmError::Status { retry_after: Some(after), .. } => (*after).min(Duration::from_secs(5)),
                    _ => self.backoff * 2u32.pow(attempt),
                };
                let wait_ms = wait.as_millis() as u64;
                tracing::info!(provider = self.name(), attempt, error = %error, wait_ms, "retrying the LLM");
                tokio::time::sleep(wait).await;
                attempt += 1;
                continue;
            }
            self.breaker.failure();
            return Err(error);
        }
    }
}

/// A short message from an error body: the provider's `error.message` when it sends JSON.
fn error_message(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["error"]["message"].as_str().map(str::to_owned))
        .unwrap_or_else(|| body.chars().take(200).collect())
}

/// Turns a non-success response into [`LlmError::Status`].
async fn status_error(response: reqwest::Response) -> LlmError {
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let body = response.text().await.unwrap_or_default();
    LlmError::Status { status, message: error_message(&body), retry_after }
}

/// Reads a streamed response as server-sent events, handing each to `on_event` until it says stop.
async fn read_events(
    mut response: reqwest::Response,
    mut on_event: impl FnMut(sse::Event) -> Result<bool, LlmError>,
) -> Result<(), LlmError> {
    let mut parser = sse::Parser::default();
    while let Some(chunk) = response.chunk().await.map_err(|e| LlmError::from_reqwest(&e))? {
        for event in parser.push(&chunk) {
            if !on_event(event)? {
                return Ok(());
            }
        }
    }
    if let Some(event) = parser.finish() {
        on_event(event)?;
    }
    Ok(())
}

fn is_json(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}
