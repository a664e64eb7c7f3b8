//! The assistant's part of the configuration: confidence threshold, handover after repeated
//! low-confidence answers, the default language, and the optional LLM provider.

use serde::Deserialize;

use super::{ConfigError, Source, err, parse_num};
use crate::assistant::Settings;
use crate::assistant::escalation::Policy;
use crate::assistant::language::Lang;

/// `[assistant]` in `joxai.toml`; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AssistantFile {
    threshold: Option<f32>,
    low_confidence_turns: Option<u32>,
    default_language: Option<String>,
}

/// The assistant's configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct AssistantConfig {
    /// `JOXAI_ASSISTANT_THRESHOLD`: answers below this confidence say "I don't know" (0–1).
    pub threshold: f32,
    /// `JOXAI_ASSISTANT_LOW_TURNS`: that many such answers in a row hand over to a person.
    pub low_confidence_turns: u32,
    /// `JOXAI_DEFAULT_LANGUAGE`: `es` or `en`, for messages that do not tell.
    pub default_language: Lang,
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
        Ok(AssistantConfig { threshold, low_confidence_turns, default_language })
    }

    /// The assistant's run-time settings, starting from this configuration.
    pub fn settings(&self) -> Settings {
        Settings {
            policy: Policy { threshold: self.threshold, low_confidence_turns: self.low_confidence_turns },
            default_language: self.default_language,
        }
    }
}
