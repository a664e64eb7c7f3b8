//! Request-rate limits: on or off as a whole, and one budget per kind of caller.

use super::{ConfigError, Source, err, parse_num};

/// Request-rate limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimits {
    /// `JOXAI_RATE_LIMITS=off` disables every limit (benchmarks, load tests).
    pub enabled: bool,
    /// `JOXAI_LOGIN_RATE_PER_MINUTE`: login attempts per minute per client IP.
    pub login_per_minute: u32,
    /// `JOXAI_CHAT_START_PER_MINUTE`: new conversations per minute per client IP.
    pub chat_start_per_minute: u32,
    /// `JOXAI_CHAT_MESSAGE_PER_MINUTE`: customer messages per minute per conversation.
    pub chat_message_per_minute: u32,
    /// `JOXAI_TICKETS_PER_MINUTE`: `/tickets` calls per minute per staff member.
    pub tickets_per_minute: u32,
    /// `JOXAI_ANALYTICS_PER_MINUTE`: `/analytics` calls per minute per staff member.
    pub analytics_per_minute: u32,
    /// `JOXAI_INSTANCES`: how many servers share these budgets behind one load balancer. Each
    /// server counts on its own and allows its share (the budget divided, rounded up).
    pub instances: u32,
}

/// The file's keys for limits.
pub(super) struct LimitsFile {
    pub rate_limits: Option<String>,
    pub login_rate_per_minute: Option<u32>,
    pub chat_start_per_minute: Option<u32>,
    pub chat_message_per_minute: Option<u32>,
    pub tickets_per_minute: Option<u32>,
    pub analytics_per_minute: Option<u32>,
    pub instances: Option<u32>,
}

impl RateLimits {
    pub(super) fn build(file: LimitsFile, env: &dyn Source) -> Result<Self, ConfigError> {
        let rate_text = env.get("JOXAI_RATE_LIMITS").or(file.rate_limits).unwrap_or_else(|| "on".to_owned());
        let enabled = match rate_text.to_ascii_lowercase().as_str() {
            "on" | "true" | "1" => true,
            "off" | "false" | "0" => false,
            _ => {
                return Err(err("JOXAI_RATE_LIMITS", format!("'{rate_text}' is not 'on' or 'off'")));
            }
        };
        let budget = |var: &str, file_value: Option<u32>, default: u32| -> Result<u32, ConfigError> {
            let value = match env.get(var) {
                Some(v) => parse_num(var, &v)?,
                None => file_value.unwrap_or(default),
            };
            if value == 0 {
                return Err(err(var, "must be at least 1"));
            }
            Ok(value)
        };
        Ok(RateLimits {
            enabled,
            login_per_minute: budget("JOXAI_LOGIN_RATE_PER_MINUTE", file.login_rate_per_minute, 5)?,
            chat_start_per_minute: budget("JOXAI_CHAT_START_PER_MINUTE", file.chat_start_per_minute, 10)?,
            chat_message_per_minute: budget("JOXAI_CHAT_MESSAGE_PER_MINUTE", file.chat_message_per_minute, 20)?,
            tickets_per_minute: budget("JOXAI_TICKETS_PER_MINUTE", file.tickets_per_minute, 30)?,
            analytics_per_minute: budget("JOXAI_ANALYTICS_PER_MINUTE", file.analytics_per_minute, 30)?,
            instances: budget("JOXAI_INSTANCES", file.instances, 1)?,
        })
    }
}
