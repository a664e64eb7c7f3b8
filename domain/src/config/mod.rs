//! One typed configuration, loaded from defaults, then an optional `joxai.toml`, then `JOXAI_*`
//! environment variables (and `DATABASE_URL`). Passed down explicitly; never a global.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

mod assistant;
mod chat;
mod limits;
mod notify;
mod operations;
pub mod proxies;
mod secrets;

pub use assistant::AssistantConfig;
pub use chat::ChatConfig;
pub use limits::RateLimits;
pub use notify::{NotifyConfig, SmsProvider, TwilioConfig};
pub use operations::{LogFormat, Operations};
use secrets::dev_secret;
pub use secrets::redact_url;

/// Where the server runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

/// The whole configuration.
#[derive(Clone)]
pub struct Config {
    pub env: Environment,
    /// `DATABASE_URL`.
    pub database_url: String,
    /// `JOXAI_ADDR`: where to listen.
    pub addr: SocketAddr,
    /// `JOXAI_JWT_SECRET`: signs access tokens (HS256).
    pub jwt_secret: String,
    /// `iss` and `aud` claims of access tokens.
    pub jwt_issuer: String,
    pub jwt_audience: String,
    /// Lifetime of access tokens in seconds (15 minutes).
    pub access_token_ttl_secs: i64,
    /// Lifetime of refresh tokens in days.
    pub refresh_token_ttl_days: i64,
    /// `JOXAI_SESSION_MAX_HOURS`: a sign-in's absolute lifetime, however often it is refreshed.
    pub session_max_hours: i64,
    /// `JOXAI_AUDIT_KEY`: seals the audit chain (derived from the JWT secret when unset).
    pub audit_key: String,
    /// `JOXAI_AUDIT_KEY_PREVIOUS`: earlier audit keys (comma-separated) that still verify older
    /// records after a rotation.
    pub audit_previous_keys: Vec<String>,
    /// `JOXAI_ADMIN_EMAIL` + `JOXAI_ADMIN_PASSWORD`: first admin on an empty database.
    pub admin_email: Option<String>,
    pub admin_password: Option<String>,
    /// `JOXAI_TRUST_PROXY`: honour `X-Forwarded-For` for the client IP.
    pub trust_proxy: bool,
    /// `JOXAI_TRUSTED_PROXIES`: the bank's own proxies (CIDRs). The client is the right-most
    /// `X-Forwarded-For` address outside them; empty means only the connecting peer is a proxy.
    pub trusted_proxies: Vec<proxies::Cidr>,
    pub rate_limits: RateLimits,
    /// `JOXAI_MAX_BODY_BYTES`: larger request bodies get 413.
    pub max_body_bytes: usize,
    /// `JOXAI_DEMO_SEED`: create demo staff on an empty database (on by default in development).
    pub demo_seed: bool,
    /// `JOXAI_SITE_ROOT` (or `LEPTOS_SITE_ROOT`): the built admin site (`pkg/`, CSS, assets).
    pub site_root: PathBuf,
    /// `JOXAI_WIDGET_ROOT`: the built widget (`widget.js`, wasm).
    pub widget_root: PathBuf,
    /// The assistant: threshold, handover, language, LLM provider.
    pub assistant: AssistantConfig,
    /// The customer chat: greeting, longest message.
    pub chat: ChatConfig,
    /// E-mail and SMS notifications.
    pub notify: NotifyConfig,
    /// Metrics.
    pub operations: Operations,
    /// `JOXAI_DATA_KEYS` + `JOXAI_DATA_INDEX_KEY`: what seals personal data at rest.
    pub data_keys: crate::vault::KeyRing,
}

impl std::fmt::Debug for Config {
    // Hand-written so secrets never reach a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("env", &self.env)
            .field("database_url", &redact_url(&self.database_url))
            .field("addr", &self.addr)
            .field("jwt_secret", &"<redacted>")
            .field("audit_key", &"<redacted>")
            .field("admin_email", &self.admin_email)
            .field("trust_proxy", &self.trust_proxy)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("rate_limits", &self.rate_limits)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("site_root", &self.site_root)
            .field("widget_root", &self.widget_root)
            .field("assistant", &self.assistant)
            .field("chat", &self.chat)
            .field("notify", &self.notify)
            .field("operations", &self.operations)
            .field("data_keys", &self.data_keys)
            .finish_non_exhaustive()
    }
}

/// Bad configuration: names the variable so start-up can fail with one clear line.
#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {var}: {message}")]
pub struct ConfigError {
    pub var: String,
    pub message: String,
}

pub(crate) fn err(var: &str, message: impl Into<String>) -> ConfigError {
    ConfigError { var: var.to_owned(), message: message.into() }
}

/// The optional file, every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    env: Option<Environment>,
    database_url: Option<String>,
    addr: Option<String>,
    jwt_secret: Option<String>,
    admin_email: Option<String>,
    admin_password: Option<String>,
    trust_proxy: Option<bool>,
    trusted_proxies: Option<String>,
    rate_limits: Option<String>,
    login_rate_per_minute: Option<u32>,
    chat_start_per_minute: Option<u32>,
    chat_message_per_minute: Option<u32>,
    tickets_per_minute: Option<u32>,
    analytics_per_minute: Option<u32>,
    instances: Option<u32>,
    max_body_bytes: Option<usize>,
    session_max_hours: Option<i64>,
    audit_key: Option<String>,
    audit_key_previous: Option<String>,
    data_keys: Option<String>,
    data_index_key: Option<String>,
    demo_seed: Option<bool>,
    site_root: Option<String>,
    widget_root: Option<String>,
    #[serde(default)]
    assistant: assistant::AssistantFile,
    #[serde(default)]
    chat: chat::ChatFile,
    #[serde(default)]
    notify: notify::NotifyFile,
    #[serde(default)]
    operations: operations::OperationsFile,
}

/// Where values come from: the process environment in production, a map in tests.
pub trait Source {
    fn get(&self, key: &str) -> Option<String>;
}

/// The process environment.
pub struct ProcessEnv;

impl Source for ProcessEnv {
    fn get(&self, key: &str) -> Option<String> {
        std::env::var(key).ok().filter(|v| !v.is_empty())
    }
}

impl<S: std::hash::BuildHasher> Source for std::collections::HashMap<String, String, S> {
    fn get(&self, key: &str) -> Option<String> {
        std::collections::HashMap::get(self, key).cloned()
    }
}

impl Config {
    /// Loads from the process environment and `./joxai.toml` (or `JOXAI_CONFIG`).
    pub fn load() -> Result<Config, ConfigError> {
        Self::load_from(&ProcessEnv)
    }

    /// Loads from `env`, reading the file it names (`JOXAI_CONFIG`, default `joxai.toml` if present).
    pub fn load_from(env: &dyn Source) -> Result<Config, ConfigError> {
        let file = match env.get("JOXAI_CONFIG") {
            Some(path) => read_file(Path::new(&path), "JOXAI_CONFIG")?,
            None if Path::new("joxai.toml").exists() => read_file(Path::new("joxai.toml"), "joxai.toml")?,
            None => FileConfig::default(),
        };
        Self::build(file, env)
    }

    fn build(file: FileConfig, env: &dyn Source) -> Result<Config, ConfigError> {
        let env_kind = match env.get("JOXAI_ENV") {
            Some(v) => match v.to_ascii_lowercase().as_str() {
                "production" | "prod" => Environment::Production,
                "development" | "dev" => Environment::Development,
                _ => {
                    return Err(err("JOXAI_ENV", format!("'{v}' is not 'development' or 'production'")));
                }
            },
            None => file.env.unwrap_or(Environment::Development),
        };
        let database_url =
            env.get("DATABASE_URL").or(file.database_url).unwrap_or_else(|| "sqlite://joxai.db?mode=rwc".to_owned());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(err("DATABASE_URL", "must start with sqlite: or postgres://"));
        }
        let addr_text = env.get("JOXAI_ADDR").or(file.addr).unwrap_or_else(|| "127.0.0.1:3000".to_owned());
        let addr: SocketAddr = addr_text
            .parse()
            .map_err(|_| err("JOXAI_ADDR", format!("'{addr_text}' is not an address like 127.0.0.1:3000")))?;
        let jwt_secret = match env.get("JOXAI_JWT_SECRET").or(file.jwt_secret) {
            Some(s) if s.len() < 32 => {
                return Err(err("JOXAI_JWT_SECRET", "must be at least 32 characters"));
            }
            Some(s) => s,
            None if env_kind == Environment::Production => {
                return Err(err("JOXAI_JWT_SECRET", "is required when JOXAI_ENV=production"));
            }
            None if !addr.ip().is_loopback() => {
                return Err(err(
                    "JOXAI_JWT_SECRET",
                    format!("is required to serve on {addr}: a generated development secret is for this machine only"),
                ));
            }
            None => dev_secret(env)?,
        };
        let trust_proxy = match env.get("JOXAI_TRUST_PROXY") {
            Some(v) => parse_bool("JOXAI_TRUST_PROXY", &v)?,
            None => file.trust_proxy.unwrap_or(false),
        };
        let trusted_proxies = env
            .get("JOXAI_TRUSTED_PROXIES")
            .or(file.trusted_proxies)
            .map(|t| proxies::parse_list(&t))
            .transpose()
            .map_err(|m| err("JOXAI_TRUSTED_PROXIES", m))?
            .unwrap_or_default();
        let rate_limits = RateLimits::build(
            limits::LimitsFile {
                rate_limits: file.rate_limits,
                login_rate_per_minute: file.login_rate_per_minute,
                chat_start_per_minute: file.chat_start_per_minute,
                chat_message_per_minute: file.chat_message_per_minute,
                tickets_per_minute: file.tickets_per_minute,
                analytics_per_minute: file.analytics_per_minute,
                instances: file.instances,
            },
            env,
        )?;
        let audit_key = match env.get("JOXAI_AUDIT_KEY").or(file.audit_key) {
            Some(k) if k.len() < 32 => return Err(err("JOXAI_AUDIT_KEY", "must be at least 32 characters")),
            Some(k) => k,
            None => {
                use sha2::Digest;
                hex::encode(sha2::Sha256::digest(format!("joxai audit chain\n{jwt_secret}").as_bytes()))
            }
        };
        let audit_previous_keys: Vec<String> = env
            .get("JOXAI_AUDIT_KEY_PREVIOUS")
            .or(file.audit_key_previous)
            .map(|v| v.split(',').map(str::trim).filter(|k| !k.is_empty()).map(str::to_owned).collect())
            .unwrap_or_default();
        let session_max_hours = match env.get("JOXAI_SESSION_MAX_HOURS") {
            Some(v) => parse_num("JOXAI_SESSION_MAX_HOURS", &v)?,
            None => file.session_max_hours.unwrap_or(12),
        };
        if !(1..=24 * 30).contains(&session_max_hours) {
            return Err(err("JOXAI_SESSION_MAX_HOURS", "must be 1 to 720 hours"));
        }
        let max_body_bytes = match env.get("JOXAI_MAX_BODY_BYTES") {
            Some(v) => parse_num("JOXAI_MAX_BODY_BYTES", &v)?,
            None => file.max_body_bytes.unwrap_or(64 * 1024),
        };
        let demo_seed = match env.get("JOXAI_DEMO_SEED") {
            Some(v) => parse_bool("JOXAI_DEMO_SEED", &v)?,
            None => file.demo_seed.unwrap_or(env_kind == Environment::Development),
        };
        let admin_email = env.get("JOXAI_ADMIN_EMAIL").or(file.admin_email);
        let admin_password = env.get("JOXAI_ADMIN_PASSWORD").or(file.admin_password);
        if admin_email.is_some() != admin_password.is_some() {
            let var = if admin_email.is_some() { "JOXAI_ADMIN_PASSWORD" } else { "JOXAI_ADMIN_EMAIL" };
            return Err(err(var, "JOXAI_ADMIN_EMAIL and JOXAI_ADMIN_PASSWORD go together"));
        }
        let site_root = env
            .get("JOXAI_SITE_ROOT")
            .or_else(|| env.get("LEPTOS_SITE_ROOT"))
            .or(file.site_root)
            .map(PathBuf::from)
            .unwrap_or_else(default_site_root);
        let widget_root = env
            .get("JOXAI_WIDGET_ROOT")
            .or(file.widget_root)
            .map(PathBuf::from)
            .unwrap_or_else(|| site_root.parent().unwrap_or(Path::new(".")).join("widget"));
        let assistant = AssistantConfig::build(file.assistant, env)?;
        let chat = ChatConfig::build(file.chat, env)?;
        let notify = NotifyConfig::build(file.notify, env, addr)?;
        let operations = Operations::build(file.operations, env)?;
        let data_keys = secrets::data_keys(env, (file.data_keys, file.data_index_key), env_kind, &database_url)?;
        Ok(Config {
            env: env_kind,
            database_url,
            addr,
            jwt_secret,
            jwt_issuer: "joxai".to_owned(),
            jwt_audience: "joxai-staff".to_owned(),
            access_token_ttl_secs: 15 * 60,
            refresh_token_ttl_days: 14,
            session_max_hours,
            audit_key,
            audit_previous_keys,
            admin_email,
            admin_password,
            trust_proxy,
            trusted_proxies,
            rate_limits,
            max_body_bytes,
            demo_seed,
            site_root,
            widget_root,
            assistant,
            chat,
            notify,
            operations,
            data_keys,
        })
    }

    /// The assistant's starting settings.
    pub fn assistant_settings(&self) -> crate::assistant::Settings {
        self.assistant.settings()
    }

    /// True for plain-http development on localhost, where `Secure` cookies may be relaxed.
    pub fn is_development(&self) -> bool {
        self.env == Environment::Development
    }
}

fn read_file(path: &Path, var: &str) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| err(var, format!("cannot read {}: {e}", path.display())))?;
    toml::from_str(&text).map_err(|e| err(var, format!("{}: {}", path.display(), e.message())))
}

fn parse_bool(var: &str, v: &str) -> Result<bool, ConfigError> {
    match v.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(err(var, format!("'{v}' is not true or false"))),
    }
}

pub(crate) fn parse_num<T: std::str::FromStr>(var: &str, v: &str) -> Result<T, ConfigError> {
    v.trim().parse().map_err(|_| err(var, format!("'{v}' is not a positive number")))
}

/// The built site next to the binary (`target/release/joxai` → `target/site`), so the release
/// binary runs from any directory; falls back to `target/site` under the working directory.
fn default_site_root() -> PathBuf {
    let beside_binary =
        std::env::current_exe().ok().and_then(|exe| exe.parent().and_then(Path::parent).map(|dir| dir.join("site")));
    match beside_binary {
        Some(dir) if dir.is_dir() => dir,
        _ => PathBuf::from("target/site"),
    }
}

#[cfg(test)]
mod tests;
