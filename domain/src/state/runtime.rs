//! The system settings JoxAI reads while it runs, held in memory: loaded at start-up and replaced
//! after every change, so a request never waits on the database for them. Absent settings fall
//! back to the configuration.

use std::sync::{PoisonError, RwLock};

use serde_json::Value;

use crate::assistant::language::Lang;
use crate::config::Config;
use crate::model::{BusinessHours, SlaTargets};

/// What the stored settings say (each `None` when not set).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    pub threshold: Option<f32>,
    pub low_confidence_turns: Option<u32>,
    pub greeting_es: Option<String>,
    pub greeting_en: Option<String>,
    pub business_hours: Option<BusinessHours>,
    pub agent_capacity: Option<u64>,
    pub escalation_phrases: Vec<String>,
    pub unsure_es: Option<String>,
    pub unsure_en: Option<String>,
    pub sla: Option<SlaTargets>,
    /// Requests a minute, by [`Rate`].
    pub rates: [Option<u32>; 5],
}

/// The request-rate budgets that settings can change while JoxAI runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rate {
    Login,
    ChatStart,
    ChatMessage,
    Tickets,
    Analytics,
}

impl Rate {
    /// The setting's key.
    pub fn key(self) -> &'static str {
        match self {
            Rate::Login => "rate_limits.login_per_minute",
            Rate::ChatStart => "rate_limits.chat_start_per_minute",
            Rate::ChatMessage => "rate_limits.chat_message_per_minute",
            Rate::Tickets => "rate_limits.tickets_per_minute",
            Rate::Analytics => "rate_limits.analytics_per_minute",
        }
    }

    /// The configured value (`JOXAI_*_PER_MINUTE`).
    pub fn configured(self, config: &Config) -> u32 {
        let limits = &config.rate_limits;
        match self {
            Rate::Login => limits.login_per_minute,
            Rate::ChatStart => limits.chat_start_per_minute,
            Rate::ChatMessage => limits.chat_message_per_minute,
            Rate::Tickets => limits.tickets_per_minute,
            Rate::Analytics => limits.analytics_per_minute,
        }
    }

    const ALL: [Rate; 5] = [Rate::Login, Rate::ChatStart, Rate::ChatMessage, Rate::Tickets, Rate::Analytics];
}

impl Overrides {
    /// Reads the known keys out of `(key, value)` pairs; values were checked when stored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a Value)>) -> Overrides {
        let mut out = Overrides::default();
        for (key, value) in pairs {
            match key {
                "assistant.confidence_threshold" => out.threshold = value.as_f64().map(|n| n as f32),
                "assistant.low_confidence_turns" => {
                    out.low_confidence_turns = value.as_u64().and_then(|n| u32::try_from(n).ok())
                }
                "chat.greeting_es" => out.greeting_es = value.as_str().map(|s| s.trim().to_owned()),
                "chat.greeting_en" => out.greeting_en = value.as_str().map(|s| s.trim().to_owned()),
                "chat.business_hours" => out.business_hours = serde_json::from_value(value.clone()).ok(),
                "routing.agent_capacity" => out.agent_capacity = value.as_u64(),
                "assistant.escalation_phrases" => {
                    out.escalation_phrases = serde_json::from_value(value.clone()).unwrap_or_default()
                }
                "assistant.unsure_es" => out.unsure_es = value.as_str().map(|s| s.trim().to_owned()),
                "assistant.unsure_en" => out.unsure_en = value.as_str().map(|s| s.trim().to_owned()),
                "sla.targets" => out.sla = serde_json::from_value(value.clone()).ok(),
                other => {
                    if let Some(i) = Rate::ALL.iter().position(|r| r.key() == other) {
                        out.rates[i] = value.as_u64().and_then(|n| u32::try_from(n).ok());
                    }
                }
            }
        }
        out
    }
}

/// The settings in force.
#[derive(Debug, Default)]
pub struct Runtime {
    overrides: RwLock<Overrides>,
}

impl Runtime {
    fn read(&self) -> Overrides {
        self.overrides.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    pub(crate) fn replace(&self, overrides: Overrides) {
        *self.overrides.write().unwrap_or_else(PoisonError::into_inner) = overrides;
    }

    /// The service-level targets in force (`sla.targets`, else the defaults).
    pub fn sla(&self) -> SlaTargets {
        self.overrides.read().unwrap_or_else(PoisonError::into_inner).sla.unwrap_or_default()
    }

    /// Open tickets an agent may hold.
    pub fn agent_capacity(&self, config: &Config) -> u64 {
        self.overrides
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .agent_capacity
            .unwrap_or(config.chat.agent_capacity)
    }

    /// The assistant's first message in `lang`.
    pub fn greeting(&self, config: &Config, lang: Lang) -> String {
        let now = self.read();
        let custom = if lang == Lang::En { now.greeting_en } else { now.greeting_es };
        custom.unwrap_or_else(|| config.chat.greeting(lang).to_owned())
    }

    /// Requests a minute this server allows for `rate`: the stored setting, or else the
    /// configuration, shared among `JOXAI_INSTANCES` servers.
    pub fn per_minute(&self, config: &Config, rate: Rate) -> u32 {
        let i = Rate::ALL.iter().position(|r| *r == rate).unwrap_or(0);
        let whole = self.overrides.read().unwrap_or_else(PoisonError::into_inner).rates[i]
            .unwrap_or_else(|| rate.configured(config));
        whole.div_ceil(config.rate_limits.instances.max(1))
    }

    /// When people answer, for inboxes without hours of their own (`None`: always).
    pub fn business_hours(&self) -> Option<BusinessHours> {
        self.read().business_hours
    }

    /// The bank's own phrases and "not sure" texts, for the assistant.
    pub fn bank_words(&self) -> crate::assistant::BankWords {
        let now = self.read();
        crate::assistant::BankWords::new(&now.escalation_phrases, now.unsure_es, now.unsure_en)
    }

    /// The assistant's threshold and handover count, from the settings or else `config`.
    pub fn policy(&self, config: &Config) -> crate::assistant::escalation::Policy {
        let now = self.read();
        crate::assistant::escalation::Policy {
            threshold: now.threshold.unwrap_or(config.assistant.threshold),
            low_confidence_turns: now.low_confidence_turns.unwrap_or(config.assistant.low_confidence_turns),
        }
    }
}
