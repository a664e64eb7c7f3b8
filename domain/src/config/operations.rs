//! Running JoxAI for real: who may read `/metrics`.

use serde::Deserialize;

use super::{ConfigError, Source, err};

/// `[operations]` in `joxai.toml`; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OperationsFile {
    metrics_token: Option<String>,
}

/// The operators' configuration.
#[derive(Clone, Default)]
pub struct Operations {
    /// `JOXAI_METRICS_TOKEN`: `/metrics` asks for it as a bearer token. Unset, only a scraper on
    /// this machine (a loopback peer) may read the metrics.
    pub metrics_token: Option<String>,
}

impl std::fmt::Debug for Operations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let token = self.metrics_token.as_ref().map(|_| "<redacted>");
        f.debug_struct("Operations").field("metrics_token", &token).finish()
    }
}

impl Operations {
    pub(super) fn build(file: OperationsFile, env: &dyn Source) -> Result<Self, ConfigError> {
        let metrics_token = env.get("JOXAI_METRICS_TOKEN").or(file.metrics_token);
        if metrics_token.as_ref().is_some_and(|t| t.len() < 16) {
            return Err(err("JOXAI_METRICS_TOKEN", "must be at least 16 characters"));
        }
        Ok(Operations { metrics_token })
    }
}
