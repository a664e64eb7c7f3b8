//! Running JoxAI for real: who may read `/metrics`, and how log lines are written.

use serde::Deserialize;

use super::{ConfigError, Source, err};

/// `[operations]` in `joxai.toml`; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OperationsFile {
    metrics_token: Option<String>,
    log_format: Option<String>,
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
#[derive(Clone, Default)]
pub struct Operations {
    /// `JOXAI_METRICS_TOKEN`: `/metrics` asks for it as a bearer token. Unset, only a scraper on
    /// this machine (a loopback peer) may read the metrics.
    pub metrics_token: Option<String>,
    /// `JOXAI_LOG_FORMAT`: `text` (the default) or `json`.
    pub log_format: LogFormat,
}

impl std::fmt::Debug for Operations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let token = self.metrics_token.as_ref().map(|_| "<redacted>");
        f.debug_struct("Operations").field("metrics_token", &token).field("log_format", &self.log_format).finish()
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
        Ok(Operations { metrics_token, log_format })
    }
}
