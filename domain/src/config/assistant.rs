//! The assistant's part of the configuration: confidence threshold, handover after repeated
//! low-confidence answers, the default language, and the optional LLM provider.

use std::time::Duration;

use serde::Deserialize;

use super::{ConfigError, Source, err, parse_num};
use crate::assistant::Settings;
use crate::assistant::embeddings::EmbeddingsConfig;
use crate::assistant::escalation::Policy;
use crate::assistant::language::Lang;
use crate::assistant::llm::{LlmConfig, ProviderKind};

/// `[assistant]` in `joxai.toml`; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AssistantFile {
    threshold: Option<f32>,
    low_confidence_turns: Option<u32>,
    default_language: Option<String>,
    system_prompt: Option<String>,
    llm: Option<LlmFile>,
    embeddings: Option<EmbeddingsFile>,
}

/// `[assistant.embeddings]` in `joxai.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EmbeddingsFile {
    model: Option<String>,
    base_url: Option<String>,
    api_key: Option<String>,
    timeout_ms: Option<u64>,
    min_similarity: Option<f32>,
}

/// `[assistant.llm]` in `joxai.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LlmFile {
    provider: Option<String>,
    base_url: Option<String>,
    api_key: Option<String>,
    model: Option<String>,
    temperature: Option<f32>,
    max_tokens: Option<u32>,
    timeout_ms: Option<u64>,
    retries: Option<u32>,
    breaker_failures: Option<u32>,
    breaker_cooldown_secs: Option<u64>,
}

const DEFAULT_SYSTEM_PROMPT: &str = "You are the virtual assistant of the bank's customer-support chat. \
You help customers with the bank's products and services.";

/// The assistant's configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct AssistantConfig {
    /// `JOXAI_ASSISTANT_THRESHOLD`: answers below this confidence say "I don't know" (0–1).
    pub threshold: f32,
    /// `JOXAI_ASSISTANT_LOW_TURNS`: that many such answers in a row hand over to a person.
    pub low_confidence_turns: u32,
    /// `JOXAI_DEFAULT_LANGUAGE`: `es` or `en`, for messages that do not tell.
    pub default_language: Lang,
    /// `JOXAI_LLM_PROVIDER` and friends: an LLM writes the answers when set; `None` means the
    /// local responder answers alone.
    pub llm: Option<LlmConfig>,
    /// `JOXAI_EMBEDDINGS_MODEL` and friends: semantic retrieval beside the lexical index.
    pub embeddings: Option<EmbeddingsConfig>,
}

impl AssistantConfig {
    pub(super) fn build(file: AssistantFile, env: &dyn Source) -> Result<Self, ConfigError> {
        let defaults = Policy::default();
        let threshold = match env.get("JOXAI_ASSISTANT_THRESHOLD") {
            Some(v) => v.trim().parse::<f32>().map_err(|_| err("JOXAI_ASSISTANT_THRESHOLD", "is not a number"))?,
            None => file.threshold.unwrap_or(defaults.threshold),
        };
        if !(0.0..=1.0).contains(&threshold) {
            return Err(err("JOXAI_ASSISTANT_THRESHOLD", "must be between 0 and 1"));
        }
        let low_confidence_turns = match env.get("JOXAI_ASSISTANT_LOW_TURNS") {
            Some(v) => parse_num("JOXAI_ASSISTANT_LOW_TURNS", &v)?,
            None => file.low_confidence_turns.unwrap_or(defaults.low_confidence_turns),
        };
        if low_confidence_turns == 0 {
            return Err(err("JOXAI_ASSISTANT_LOW_TURNS", "must be at least 1"));
        }
        let language_text = env.get("JOXAI_DEFAULT_LANGUAGE").or(file.default_language).unwrap_or_else(|| "es".into());
        let default_language = Lang::parse(&language_text)
            .ok_or_else(|| err("JOXAI_DEFAULT_LANGUAGE", format!("'{language_text}' is not 'es' or 'en'")))?;
        let system_prompt = env
            .get("JOXAI_ASSISTANT_SYSTEM_PROMPT")
            .or(file.system_prompt)
            .unwrap_or_else(|| DEFAULT_SYSTEM_PROMPT.to_owned());
        let llm = llm(file.llm.unwrap_or_default(), env, system_prompt)?;
        let embeddings = embeddings(file.embeddings.unwrap_or_default(), env, llm.as_ref())?;
        Ok(AssistantConfig { threshold, low_confidence_turns, default_language, llm, embeddings })
    }

    /// Whether an LLM provider is configured.
    pub fn uses_llm(&self) -> bool {
        self.llm.is_some()
    }

    /// The assistant's run-time settings, starting from this configuration.
    pub fn settings(&self) -> Settings {
        Settings {
            policy: Policy { threshold: self.threshold, low_confidence_turns: self.low_confidence_turns },
            default_language: self.default_language,
            bank: Default::default(),
        }
    }
}

/// Embeddings are on when a model is named. The base URL and key default to the LLM's when the LLM
/// speaks the OpenAI format (the same server usually serves both).
fn embeddings(
    file: EmbeddingsFile,
    env: &dyn Source,
    llm: Option<&LlmConfig>,
) -> Result<Option<EmbeddingsConfig>, ConfigError> {
    let Some(model) = env.get("JOXAI_EMBEDDINGS_MODEL").or(file.model).filter(|m| !m.trim().is_empty()) else {
        return Ok(None);
    };
    let openai = llm.filter(|l| l.kind == ProviderKind::OpenAi);
    let base_url = env
        .get("JOXAI_EMBEDDINGS_BASE_URL")
        .or(file.base_url)
        .or_else(|| openai.map(|l| l.base_url.clone()))
        .ok_or_else(|| err("JOXAI_EMBEDDINGS_BASE_URL", "is needed unless the LLM provider is openai"))?;
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        return Err(err("JOXAI_EMBEDDINGS_BASE_URL", "must start with http:// or https://"));
    }
    let timeout_ms = match env.get("JOXAI_EMBEDDINGS_TIMEOUT_MS") {
        Some(v) => parse_num("JOXAI_EMBEDDINGS_TIMEOUT_MS", &v)?,
        None => file.timeout_ms.unwrap_or(2_000),
    };
    if timeout_ms < 50 {
        return Err(err("JOXAI_EMBEDDINGS_TIMEOUT_MS", "must be at least 50"));
    }
    let min_similarity = match env.get("JOXAI_EMBEDDINGS_MIN_SIMILARITY") {
        Some(v) => v.trim().parse::<f32>().map_err(|_| err("JOXAI_EMBEDDINGS_MIN_SIMILARITY", "is not a number"))?,
        None => file.min_similarity.unwrap_or(0.5),
    };
    if !(0.0..=1.0).contains(&min_similarity) {
        return Err(err("JOXAI_EMBEDDINGS_MIN_SIMILARITY", "must be between 0 and 1"));
    }
    Ok(Some(EmbeddingsConfig {
        base_url,
        api_key: env
            .get("JOXAI_EMBEDDINGS_API_KEY")
            .or(file.api_key)
            .or_else(|| openai.and_then(|l| l.api_key.clone())),
        model: model.trim().to_owned(),
        timeout: Duration::from_millis(timeout_ms),
        min_similarity,
    }))
}

fn llm(file: LlmFile, env: &dyn Source, system_prompt: String) -> Result<Option<LlmConfig>, ConfigError> {
    let provider = env.get("JOXAI_LLM_PROVIDER").or(file.provider).unwrap_or_else(|| "none".into());
    let kind = match provider.trim().to_ascii_lowercase().as_str() {
        "" | "none" | "off" | "local" => return Ok(None),
        "openai" | "openai-compatible" | "ollama" | "vllm" | "llamacpp" => ProviderKind::OpenAi,
        "anthropic" => ProviderKind::Anthropic,
        _ => {
            return Err(err("JOXAI_LLM_PROVIDER", format!("'{provider}' is not none, openai or anthropic")));
        }
    };
    let base_url = env.get("JOXAI_LLM_BASE_URL").or(file.base_url).unwrap_or_else(|| kind.default_base_url().into());
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        return Err(err("JOXAI_LLM_BASE_URL", "must start with http:// or https://"));
    }
    let temperature = match env.get("JOXAI_LLM_TEMPERATURE") {
        Some(v) => v.trim().parse::<f32>().map_err(|_| err("JOXAI_LLM_TEMPERATURE", "is not a number"))?,
        None => file.temperature.unwrap_or(0.2),
    };
    if !(0.0..=2.0).contains(&temperature) {
        return Err(err("JOXAI_LLM_TEMPERATURE", "must be between 0 and 2"));
    }
    let num = |var: &str, file_value: Option<u64>, default: u64| -> Result<u64, ConfigError> {
        match env.get(var) {
            Some(v) => parse_num(var, &v),
            None => Ok(file_value.unwrap_or(default)),
        }
    };
    let timeout_ms = num("JOXAI_LLM_TIMEOUT_MS", file.timeout_ms, 20_000)?;
    if timeout_ms < 100 {
        return Err(err("JOXAI_LLM_TIMEOUT_MS", "must be at least 100"));
    }
    let max_tokens = num("JOXAI_LLM_MAX_TOKENS", file.max_tokens.map(u64::from), 512)?;
    let retries = num("JOXAI_LLM_RETRIES", file.retries.map(u64::from), 2)?;
    let breaker_failures = num("JOXAI_LLM_BREAKER_FAILURES", file.breaker_failures.map(u64::from), 5)?;
    let cooldown = num("JOXAI_LLM_BREAKER_COOLDOWN_SECS", file.breaker_cooldown_secs, 30)?;
    Ok(Some(LlmConfig {
        kind,
        base_url,
        api_key: env.get("JOXAI_LLM_API_KEY").or(file.api_key),
        model: env.get("JOXAI_LLM_MODEL").or(file.model).unwrap_or_else(|| kind.default_model().into()),
        temperature,
        max_tokens: u32::try_from(max_tokens).unwrap_or(u32::MAX).max(1),
        timeout: Duration::from_millis(timeout_ms),
        retries: u32::try_from(retries).unwrap_or(10).min(10),
        backoff: Duration::from_millis(200),
        breaker_failures: u32::try_from(breaker_failures).unwrap_or(u32::MAX).max(1),
        breaker_cooldown: Duration::from_secs(cooldown),
        system_prompt,
    }))
}
