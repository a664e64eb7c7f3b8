//! Running JoxAI for real: who may read `/metrics`, and how log lines are written.

use serde::Deserialize;

use super::{ConfigError, Source, err};

/// `[operations]` in `joxai.toml`; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OperationsFile {
    metrics_token: Option<String>,
    log_format: Option<String>,
    sla_check_seconds: Option<u64>,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LogFormat {
    /// For people reading a terminal.
    #[default]
    Text,
    /// One JSON object a line, for a log collector.
    Json,
}

/// The operators' configuration.
#[derive(Clone)]
pub struct Operations {
    /// `JOXAI_METRICS_TOKEN`: `/metrics` asks for it as a bearer token. Unset, only a scraper on
    /// this machine (a loopback peer) may read the metrics.
    pub metrics_token: Option<String>,
    /// `JOXAI_LOG_FORMAT`: `text` (the default) or `json`.
    pub log_format: LogFormat,
    /// `JOXAI_SLA_CHECK_SECONDS` (1 to 3,600; default 30): how often missed ticket deadlines are
    /// looked for.
    pub sla_check_secs: u64,
}

impl std::fmt::Debug for Operations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let token = self.metrics_token.as_ref().map(|_| "<redacted>");
        f.debug_struct("Operations")
            .field("metrics_token", &token)
            .field("log_format", &self.log_format)
            .field("sla_check_secs", &self.sla_check_secs)
            .finish()
    }
}

impl Default for Operations {
    fn default() -> Self {
        Operations { metrics_token: None, log_format: LogFormat::Text, sla_check_secs: 30 }
    }
}

impl Operations {
    pub(super) fn build(file: OperationsFile, env: &dyn Source) -> Result<Self, ConfigError> {
        let metrics_token = env.get("JOXAI_METRICS_TOKEN").or(file.metrics_token);
        if metrics_token.as_ref().is_some_and(|t| t.len() < 16) {
            return Err(err("JOXAI_METRICS_TOKEN", "must be at least 16 characters"));
        }
        let log_format = match env.get("JOXAI_LOG_FORMAT").or(file.log_format).as_deref().map(str::to_ascii_lowercase) {
            None => LogFormat::Text,
            Some(text) if text == "text" => LogFormat::Text,
            Some(text) if text == "json" => LogFormat::Json,
            Some(other) => return Err(err("JOXAI_LOG_FORMAT", format!("'{other}' is not 'text' or 'json'"))),
        };
        let sla_check_secs = match env.get("JOXAI_SLA_CHECK_SECONDS") {
            Some(text) => text.trim().parse().ok(),
            None => Some(file.sla_check_seconds.unwrap_or(30)),
        };
        let sla_check_secs = sla_check_secs
            .filter(|s| (1..=3600).contains(s))
            .ok_or_else(|| err("JOXAI_SLA_CHECK_SECONDS", "must be a whole number of seconds from 1 to 3,600"))?;
        Ok(Operations { metrics_token, log_format, sla_check_secs })
    }
}
