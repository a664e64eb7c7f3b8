//! The settings JoxAI itself reads, each with its category, whether anyone may read it, and the
//! check its value must pass. Other keys are free-form JSON.

use serde_json::Value;

use crate::model::{BusinessHours, SlaTargets};

/// Where the retention job keeps its last report (shown on the settings page by itself, not as an
/// editable setting).
pub const RETENTION_REPORT: &str = "retention.last_report";

/// A setting JoxAI reads at run time.
pub struct Known {
    pub key: &'static str,
    pub category: &'static str,
    pub description: &'static str,
    /// Shown by `GET /settings/public` unless the admin says otherwise.
    pub public: bool,
    /// Why a value is refused, if it is.
    pub check: fn(&Value) -> Result<(), &'static str>,
}

pub const KNOWN: &[Known] = &[
    Known {
        key: "app_name",
        category: "general",
        description: "The product's name as staff and customers see it",
        public: true,
        check: name,
    },
    Known {
        key: "assistant.confidence_threshold",
        category: "assistant",
        description: "Answers below this confidence (0 to 1) count as not known",
        public: false,
        check: fraction,
    },
    Known {
        key: "assistant.low_confidence_turns",
        category: "assistant",
        description: "After this many not-known answers in a row (1 to 10), a person takes over",
        public: false,
        check: turns,
    },
    Known {
        key: "assistant.escalation_phrases",
        category: "assistant",
        description: "The bank's own phrases that always hand the customer to a person (a list, any case or accents)",
        public: false,
        check: phrases,
    },
    Known {
        key: "assistant.unsure_es",
        category: "assistant",
        description: "What the assistant says in Spanish when it does not know the answer",
        public: false,
        check: greeting,
    },
    Known {
        key: "assistant.unsure_en",
        category: "assistant",
        description: "What the assistant says in English when it does not know the answer",
        public: false,
        check: greeting,
    },
    Known {
        key: "chat.greeting_es",
        category: "chat",
        description: "The assistant's first message in Spanish (inboxes may have their own)",
        public: true,
        check: greeting,
    },
    Known {
        key: "chat.greeting_en",
        category: "chat",
        description: "The assistant's first message in English (inboxes may have their own)",
        public: true,
        check: greeting,
    },
    Known {
        key: "chat.business_hours",
        category: "chat",
        description: "When people answer, for inboxes without hours of their own: {utc_offset_minutes, days}",
        public: true,
        check: hours,
    },
    Known {
        key: "routing.agent_capacity",
        category: "limits",
        description: "Open tickets an agent holds at most before new ones wait (1 to 100)",
        public: false,
        check: capacity,
    },
    Known {
        key: "sla.targets",
        category: "sla",
        description: "Minutes to the first answer and to resolution, by priority: \
                      {URGENT: {first_response_minutes, resolution_minutes}, HIGH: …, MEDIUM: …, LOW: …}",
        public: false,
        check: sla,
    },
    Known {
        key: "rate_limits.login_per_minute",
        category: "limits",
        description: "Sign-in attempts a minute per client IP (REST and admin panel) (1 to 100,000)",
        public: false,
        check: per_minute,
    },
    Known {
        key: "rate_limits.chat_start_per_minute",
        category: "limits",
        description: "New conversations a minute per client IP (1 to 100,000)",
        public: false,
        check: per_minute,
    },
    Known {
        key: "rate_limits.chat_message_per_minute",
        category: "limits",
        description: "Customer messages a minute per conversation (1 to 100,000)",
        public: false,
        check: per_minute,
    },
    Known {
        key: "rate_limits.tickets_per_minute",
        category: "limits",
        description: "/tickets calls a minute per staff member (1 to 100,000)",
        public: false,
        check: per_minute,
    },
    Known {
        key: "rate_limits.analytics_per_minute",
        category: "limits",
        description: "/analytics calls a minute per staff member (1 to 100,000)",
        public: false,
        check: per_minute,
    },
    Known {
        key: "retention.closed_conversations_days",
        category: "retention",
        description: "Days a closed conversation and its transcript are kept (30 to 36,500; default 1,825)",
        public: false,
        check: retention_days,
    },
    Known {
        key: "retention.tickets_days",
        category: "retention",
        description: "Days a finished ticket and its notes are kept (30 to 36,500; default 1,825)",
        public: false,
        check: retention_days,
    },
    Known {
        key: "retention.answer_log_days",
        category: "retention",
        description: "Days the assistant's answer log keeps each answer (30 to 36,500; default 365)",
        public: false,
        check: retention_days,
    },
    Known {
        key: "retention.notifications_days",
        category: "retention",
        description: "Days a sent or failed notification is kept (30 to 36,500; default 180)",
        public: false,
        check: retention_days,
    },
    Known {
        key: "retention.audit_days",
        category: "retention",
        description: "Days audit records are kept (365 to 36,500; default 3,650); pruning keeps the chain whole",
        public: false,
        check: audit_days,
    },
];

/// The known setting named `key`, if it is one.
pub fn find(key: &str) -> Option<&'static Known> {
    KNOWN.iter().find(|k| k.key == key)
}

fn name(value: &Value) -> Result<(), &'static str> {
    match value.as_str().map(str::trim) {
        Some(text) if !text.is_empty() && text.chars().count() <= 100 => Ok(()),
        _ => Err("must be a text of 1 to 100 characters"),
    }
}

fn greeting(value: &Value) -> Result<(), &'static str> {
    match value.as_str().map(str::trim) {
        Some(text) if !text.is_empty() && text.chars().count() <= 1000 => Ok(()),
        _ => Err("must be a text of 1 to 1,000 characters"),
    }
}

fn phrases(value: &Value) -> Result<(), &'static str> {
    let fine = |p: &Value| p.as_str().is_some_and(|p| (2..=100).contains(&p.trim().chars().count()));
    match value.as_array() {
        Some(list) if list.len() <= 100 && list.iter().all(fine) => Ok(()),
        _ => Err("must be a list of at most 100 phrases of 2 to 100 characters"),
    }
}

fn fraction(value: &Value) -> Result<(), &'static str> {
    match value.as_f64() {
        Some(n) if (0.0..=1.0).contains(&n) => Ok(()),
        _ => Err("must be a number from 0 to 1"),
    }
}

fn turns(value: &Value) -> Result<(), &'static str> {
    match value.as_u64() {
        Some(n) if (1..=10).contains(&n) => Ok(()),
        _ => Err("must be a whole number from 1 to 10"),
    }
}

fn capacity(value: &Value) -> Result<(), &'static str> {
    match value.as_u64() {
        Some(n) if (1..=100).contains(&n) => Ok(()),
        _ => Err("must be a whole number from 1 to 100"),
    }
}

fn per_minute(value: &Value) -> Result<(), &'static str> {
    match value.as_u64() {
        Some(n) if (1..=100_000).contains(&n) => Ok(()),
        _ => Err("must be a whole number from 1 to 100,000"),
    }
}

fn hours(value: &Value) -> Result<(), &'static str> {
    let parsed: Result<BusinessHours, _> = serde_json::from_value(value.clone());
    match parsed {
        Ok(hours) if crate::inboxes::validate_hours(&hours).is_ok() => Ok(()),
        _ => Err("must be {utc_offset_minutes, days: [{day, open, close}]} with valid days and times"),
    }
}

fn sla(value: &Value) -> Result<(), &'static str> {
    let unreadable = "must be {URGENT, HIGH, MEDIUM, LOW}, each {first_response_minutes, resolution_minutes}";
    serde_json::from_value::<SlaTargets>(value.clone()).map_err(|_| unreadable)?.check()
}

fn retention_days(value: &Value) -> Result<(), &'static str> {
    match value.as_u64() {
        Some(n) if (30..=36_500).contains(&n) => Ok(()),
        _ => Err("must be a whole number of days from 30 to 36,500"),
    }
}

fn audit_days(value: &Value) -> Result<(), &'static str> {
    match value.as_u64() {
        Some(n) if (365..=36_500).contains(&n) => Ok(()),
        _ => Err("must be a whole number of days from 365 to 36,500"),
    }
}
