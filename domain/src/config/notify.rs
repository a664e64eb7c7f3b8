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
    sms_api_url: Option<String>,
    sms_account: Option<String>,
    sms_from: Option<String>,
    max_attempts: Option<i32>,
    retry_base_ms: Option<u64>,
    public_url: Option<String>,
}

/// Where SMS go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmsProvider {
    /// Writes each SMS to the log instead of sending it: for development, chosen explicitly.
    Log,
    /// Twilio's Messages API, or a provider that speaks it.
    Twilio(TwilioConfig),
}

/// `JOXAI_SMS_PROVIDER=twilio`: where and as whom to send.
#[derive(Clone, PartialEq, Eq)]
pub struct TwilioConfig {
    /// `JOXAI_SMS_API_URL`: `https://api.twilio.com` unless the provider says otherwise (plain
    /// HTTP only to this machine).
    pub api_url: String,
    /// `JOXAI_SMS_ACCOUNT`: the account SID.
    pub account: String,
    /// `JOXAI_SMS_TOKEN`: the auth token (from the environment only; never logged).
    pub token: String,
    /// `JOXAI_SMS_FROM`: the sending number (`+52…`) or messaging service (`MG…`).
    pub from: String,
}

impl std::fmt::Debug for TwilioConfig {
    // Hand-written: the token stays out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwilioConfig")
            .field("api_url", &self.api_url)
            .field("account", &self.account)
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
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
    /// `JOXAI_SMS_PROVIDER`: `twilio`, `log`, or none (SMS then fail with a clear error).
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
        let smtp_url = env.get("JOXAI_SMTP_URL").or(file.smtp_url.clone());
        if let Some(url) = &smtp_url {
            check_smtp_url(url)?;
        }
        let sms_provider = match env.get("JOXAI_SMS_PROVIDER").or(file.sms_provider.clone()) {
            None => None,
            Some(v) if v.eq_ignore_ascii_case("log") => Some(SmsProvider::Log),
            Some(v) if v.eq_ignore_ascii_case("twilio") => Some(SmsProvider::Twilio(twilio(&file, env)?)),
            Some(v) => return Err(err("JOXAI_SMS_PROVIDER", format!("'{v}' is not a known provider (twilio, log)"))),
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

/// The Twilio settings, each required and checked.
fn twilio(file: &NotifyFile, env: &dyn Source) -> Result<TwilioConfig, ConfigError> {
    let required = |name: &'static str, from_file: &Option<String>| {
        env.get(name)
            .or_else(|| from_file.clone())
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| err(name, "is required with JOXAI_SMS_PROVIDER=twilio".to_owned()))
    };
    let api_url = env
        .get("JOXAI_SMS_API_URL")
        .or_else(|| file.sms_api_url.clone())
        .unwrap_or_else(|| "https://api.twilio.com".to_owned())
        .trim_end_matches('/')
        .to_owned();
    let loopback = ["http://localhost", "http://127.0.0.1", "http://[::1]"]
        .iter()
        .any(|p| api_url.strip_prefix(p).is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/'])));
    if !api_url.starts_with("https://") && !loopback {
        return Err(err("JOXAI_SMS_API_URL", "must be https:// (plain http only to this machine)".to_owned()));
    }
    let account = required("JOXAI_SMS_ACCOUNT", &file.sms_account)?;
    if !account.chars().all(|c| c.is_ascii_alphanumeric()) || account.len() > 64 {
        return Err(err("JOXAI_SMS_ACCOUNT", "is the account SID: letters and digits".to_owned()));
    }
    // The token is a secret: from the environment only.
    let token = required("JOXAI_SMS_TOKEN", &None)?;
    let from = required("JOXAI_SMS_FROM", &file.sms_from)?;
    let number =
        from.starts_with('+') && (8..=16).contains(&from.len()) && from[1..].chars().all(|c| c.is_ascii_digit());
    let service = from.starts_with("MG") && from.chars().all(|c| c.is_ascii_alphanumeric());
    if !number && !service {
        return Err(err(
            "JOXAI_SMS_FROM",
            "is a number like +5215512345678 or a messaging service id (MG…)".to_owned(),
        ));
    }
    Ok(TwilioConfig { api_url, account, token, from })
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
    use super::{NotifyFile, SmsProvider, check_smtp_url, twilio};
    use crate::config::Source;

    struct Env(Vec<(&'static str, &'static str)>);

    impl Source for Env {
        fn get(&self, key: &str) -> Option<String> {
            self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn twilio_needs_its_account_token_and_sender_and_keeps_the_token_out_of_logs() {
        let base =
            [("JOXAI_SMS_ACCOUNT", "AC1"), ("JOXAI_SMS_TOKEN", "s3cret-token"), ("JOXAI_SMS_FROM", "+15005550006")];
        let with = |extra: &[(&'static str, &'static str)], without: &str| {
            let mut vars: Vec<_> = base.iter().copied().filter(|(k, _)| *k != without).collect();
            vars.extend_from_slice(extra);
            twilio(&NotifyFile::default(), &Env(vars))
        };
        let config = with(&[], "").unwrap();
        assert_eq!((config.api_url.as_str(), config.token.as_str()), ("https://api.twilio.com", "s3cret-token"));
        assert!(!format!("{:?}", SmsProvider::Twilio(config)).contains("s3cret"));
        for missing in ["JOXAI_SMS_ACCOUNT", "JOXAI_SMS_TOKEN", "JOXAI_SMS_FROM"] {
            assert_eq!(with(&[], missing).unwrap_err().var, missing);
        }
        assert_eq!(with(&[("JOXAI_SMS_FROM", "5512345678")], "JOXAI_SMS_FROM").unwrap_err().var, "JOXAI_SMS_FROM");
        assert!(with(&[("JOXAI_SMS_FROM", "MG0123abcd")], "JOXAI_SMS_FROM").is_ok());
        assert!(with(&[("JOXAI_SMS_API_URL", "http://sms.example")], "").is_err(), "plain HTTP off this machine");
        assert!(with(&[("JOXAI_SMS_API_URL", "http://127.0.0.1:9000/")], "").is_ok());
    }

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
