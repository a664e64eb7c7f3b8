//! The customer chat's part of the configuration: the greeting and the longest message.

use serde::Deserialize;

use super::{ConfigError, Source, err, parse_num};
use crate::assistant::language::Lang;

/// `[chat]` in `joxai.toml`; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChatFile {
    greeting_es: Option<String>,
    greeting_en: Option<String>,
    max_message_chars: Option<usize>,
    agent_capacity: Option<u64>,
}

/// The chat's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatConfig {
    /// `JOXAI_CHAT_GREETING_ES` / `_EN`: the first message of every conversation.
    pub greeting_es: String,
    pub greeting_en: String,
    /// `JOXAI_CHAT_MAX_CHARS`: longer customer messages get 413.
    pub max_message_chars: usize,
    /// `JOXAI_AGENT_CAPACITY`: open tickets an agent may hold before routing skips them.
    pub agent_capacity: u64,
}

impl ChatConfig {
    pub(super) fn build(file: ChatFile, env: &dyn Source) -> Result<Self, ConfigError> {
        let max_message_chars = match env.get("JOXAI_CHAT_MAX_CHARS") {
            Some(v) => parse_num("JOXAI_CHAT_MAX_CHARS", &v)?,
            None => file.max_message_chars.unwrap_or(4000),
        };
        if max_message_chars == 0 {
            return Err(err("JOXAI_CHAT_MAX_CHARS", "must be at least 1"));
        }
        let agent_capacity = match env.get("JOXAI_AGENT_CAPACITY") {
            Some(v) => parse_num("JOXAI_AGENT_CAPACITY", &v)?,
            None => file.agent_capacity.unwrap_or(5),
        };
        if agent_capacity == 0 {
            return Err(err("JOXAI_AGENT_CAPACITY", "must be at least 1"));
        }
        Ok(ChatConfig {
            agent_capacity,
            greeting_es: env.get("JOXAI_CHAT_GREETING_ES").or(file.greeting_es).unwrap_or_else(|| {
                "¡Hola! Soy el asistente virtual de JoxAI Bank. ¿En qué puedo ayudarte hoy?".to_owned()
            }),
            greeting_en: env
                .get("JOXAI_CHAT_GREETING_EN")
                .or(file.greeting_en)
                .unwrap_or_else(|| "Hello! I'm JoxAI Bank's virtual assistant. How can I help you today?".to_owned()),
            max_message_chars,
        })
    }

    /// The greeting in `lang`.
    pub fn greeting(&self, lang: Lang) -> &str {
        match lang {
            Lang::Es => &self.greeting_es,
            Lang::En => &self.greeting_en,
        }
    }
}
