//! Notifications' part of the configuration: the SMTP server, the SMS provider and the outbox
//! worker's retry policy.

use serde::Deserialize;

use super::{ConfigError, Source, err, parse_num};

/// `[notify]` in `joxai.toml`; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NotifyFile {
    smtp_url: Option<String>,
    smtp_from: Option<String>,
    sms_provider: Option<String>,
    max_attempts: Option<i32>,
    retry_base_ms: Option<u64>,
    public_url: Option<String>,
}

/// Where SMS go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsProvider {
    /// Writes each SMS to the log instead of sending it: for development, chosen explicitly.
    Log,
}

/// The notifications' configuration.
#[derive(Clone, PartialEq, Eq)]
pub struct NotifyConfig {
    /// `JOXAI_SMTP_URL`: `smtps://user:pass@host:465`, `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS), or plain `smtp://localhost:25` (loopback only). None: e-mails stay in the outbox
    /// and fail with a clear error until one is configured.
    pub smtp_url: Option<String>,
    /// `JOXAI_SMTP_FROM`: the sender, e.g. `JoxAI Bank <soporte@bank.example>`.
    pub smtp_from: String,
    /// `JOXAI_SMS_PROVIDER`: `log`, or none (SMS then fail with a clear error).
    pub sms_provider: Option<SmsProvider>,
    /// `JOXAI_NOTIFY_MAX_ATTEMPTS`: deliveries tried before a notification is FAILED.
    pub max_attempts: i32,
    /// `JOXAI_NOTIFY_RETRY_BASE_MS`: the first retry's wait; each next one waits twice as long.
    pub retry_base_ms: u64,
    /// `JOXAI_PUBLIC_URL`: the admin panel's address, for links in e-mails.
    pub public_url: String,
}

impl std::fmt::Debug for NotifyConfig {
    // Hand-written: the SMTP URL may hold a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NotifyConfig")
            .field("smtp_url", &self.smtp_url.as_deref().map(super::redact_url))
            .field("smtp_from", &self.smtp_from)
            .field("sms_provider", &self.sms_provider)
            .field("max_attempts", &self.max_attempts)
            .field("retry_base_ms", &self.retry_base_ms)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl NotifyConfig {
    pub(super) fn build(file: NotifyFile, env: &dyn Source, addr: std::net::SocketAddr) -> Result<Self, ConfigError> {
        let smtp_url = env.get("JOXAI_SMTP_URL").or(file.smtp_url);
        if let Some(url) = &smtp_url {
            check_smtp_url(url)?;
        }
        let sms_provider = match env.get("JOXAI_SMS_PROVIDER").or(file.sms_provider) {
            None => None,
            Some(v) if v.eq_ignore_ascii_case("log") => Some(SmsProvider::Log),
            Some(v) => return Err(err("JOXAI_SMS_PROVIDER", format!("'{v}' is not a known provider (log)"))),
        };
        let max_attempts = match env.get("JOXAI_NOTIFY_MAX_ATTEMPTS") {
            Some(v) => parse_num("JOXAI_NOTIFY_MAX_ATTEMPTS", &v)?,
            None => file.max_attempts.unwrap_or(5),
        };
        if !(1..=20).contains(&max_attempts) {
            return Err(err("JOXAI_NOTIFY_MAX_ATTEMPTS", "must be 1 to 20"));
        }
        let retry_base_ms = match env.get("JOXAI_NOTIFY_RETRY_BASE_MS") {
            Some(v) => parse_num("JOXAI_NOTIFY_RETRY_BASE_MS", &v)?,
            None => file.retry_base_ms.unwrap_or(30_000),
        };
        let public_url = env
            .get("JOXAI_PUBLIC_URL")
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_owned();
        Ok(NotifyConfig {
            smtp_url,
            smtp_from: env
                .get("JOXAI_SMTP_FROM")
                .or(file.smtp_from)
                .unwrap_or_else(|| "JoxAI <no-reply@localhost>".into()),
            sms_provider,
            max_attempts,
            retry_base_ms,
            public_url,
        })
    }
}

/// Plain SMTP only to this machine: anything else must use TLS (`smtps://` or `?tls=required`).
fn check_smtp_url(url: &str) -> Result<(), ConfigError> {
    let bad = |why: &str| err("JOXAI_SMTP_URL", why.to_owned());
    let (scheme, rest) = url.split_once("://").ok_or_else(|| bad("must look like smtps://user:pass@host:465"))?;
    let host_part = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let host = host_part.split(['/', '?']).next().unwrap_or("");
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    match scheme {
        "smtps" => Ok(()),
        "smtp" if url.contains("tls=required") => Ok(()),
        "smtp" if matches!(host, "localhost" | "127.0.0.1" | "[::1]") => Ok(()),
        "smtp" => Err(bad("plain SMTP is allowed only to localhost: use smtps:// or add ?tls=required")),
        _ => Err(bad("must start with smtp:// or smtps://")),
    }
}

#[cfg(test)]
mod tests {
    use super::check_smtp_url;

    #[test]
    fn plain_smtp_only_to_this_machine() {
        assert!(check_smtp_url("smtp://127.0.0.1:2525").is_ok());
        assert!(check_smtp_url("smtp://localhost").is_ok());
        assert!(check_smtp_url("smtps://u:p@mail.bank.example:465").is_ok());
        assert!(check_smtp_url("smtp://u:p@mail.bank.example:587?tls=required").is_ok());
        assert!(check_smtp_url("smtp://u:p@mail.bank.example:587").is_err());
        assert!(check_smtp_url("http://mail.bank.example").is_err());
    }
}
