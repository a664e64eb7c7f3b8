//! Tests of `config`.

use std::collections::HashMap;

use super::*;

fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    let mut map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    map.entry("JOXAI_JWT_SECRET".into()).or_insert_with(|| "x".repeat(40));
    map
}

fn build(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
    Config::build(FileConfig::default(), &env(pairs))
}

#[test]
fn defaults() {
    let c = build(&[]).unwrap();
    assert_eq!(c.database_url, "sqlite://joxai.db?mode=rwc");
    assert_eq!(c.addr.to_string(), "127.0.0.1:3000");
    assert!(c.rate_limits.enabled);
    assert_eq!(c.rate_limits.login_per_minute, 5);
    assert_eq!(c.max_body_bytes, 65536);
}

#[test]
fn bad_values_name_the_variable() {
    let e = build(&[("JOXAI_ADDR", "nowhere")]).err().unwrap();
    assert_eq!(e.var, "JOXAI_ADDR");
    let e = build(&[("JOXAI_RATE_LIMITS", "maybe")]).err().unwrap();
    assert_eq!(e.var, "JOXAI_RATE_LIMITS");
    let e = build(&[("DATABASE_URL", "mysql://x")]).err().unwrap();
    assert_eq!(e.var, "DATABASE_URL");
    let e = build(&[("JOXAI_JWT_SECRET", "short")]).err().unwrap();
    assert_eq!(e.var, "JOXAI_JWT_SECRET");
    assert!(e.to_string().contains("JOXAI_JWT_SECRET"));
}

#[test]
fn the_development_secret_is_private_and_only_for_loopback() {
    let dir = std::env::temp_dir().join(format!("joxai-secret-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("secret");
    let file_text = file.to_string_lossy().into_owned();
    let map: HashMap<String, String> = [("JOXAI_SECRET_FILE".to_string(), file_text.clone())].into();
    let first = Config::build(FileConfig::default(), &map).unwrap();
    assert!(first.jwt_secret.len() >= 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    assert_eq!(Config::build(FileConfig::default(), &map).unwrap().jwt_secret, first.jwt_secret, "kept");
    let open: HashMap<String, String> =
        [("JOXAI_SECRET_FILE".to_string(), file_text), ("JOXAI_ADDR".to_string(), "0.0.0.0:3000".to_string())].into();
    let e = Config::build(FileConfig::default(), &open).err().unwrap();
    assert_eq!(e.var, "JOXAI_JWT_SECRET");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn production_requires_a_secret() {
    let map: HashMap<String, String> = [("JOXAI_ENV".to_string(), "production".to_string())].into();
    let e = Config::build(FileConfig::default(), &map).err().unwrap();
    assert_eq!(e.var, "JOXAI_JWT_SECRET");
}

#[test]
fn assistant_settings() {
    let c = build(&[("JOXAI_ASSISTANT_THRESHOLD", "0.5"), ("JOXAI_DEFAULT_LANGUAGE", "en-US")]).unwrap();
    assert_eq!(c.assistant.threshold, 0.5);
    assert_eq!(c.assistant.default_language, crate::assistant::language::Lang::En);
    assert_eq!(build(&[("JOXAI_ASSISTANT_THRESHOLD", "2")]).err().unwrap().var, "JOXAI_ASSISTANT_THRESHOLD");
    assert_eq!(build(&[("JOXAI_DEFAULT_LANGUAGE", "fr")]).err().unwrap().var, "JOXAI_DEFAULT_LANGUAGE");
    let file: FileConfig = toml::from_str("[assistant]\nthreshold = 0.4\nlow_confidence_turns = 3").unwrap();
    let c = Config::build(file, &env(&[])).unwrap();
    assert_eq!((c.assistant.threshold, c.assistant.low_confidence_turns), (0.4, 3));
}

#[test]
fn rate_limits_off() {
    assert!(!build(&[("JOXAI_RATE_LIMITS", "off")]).unwrap().rate_limits.enabled);
}

#[test]
fn several_servers_share_each_budget() {
    use crate::state::{Rate, Runtime};
    let runtime = Runtime::default();
    let one = build(&[]).unwrap();
    assert_eq!((runtime.per_minute(&one, Rate::Login), runtime.per_minute(&one, Rate::Tickets)), (5, 30));
    let three = build(&[("JOXAI_INSTANCES", "3")]).unwrap();
    assert_eq!((runtime.per_minute(&three, Rate::Login), runtime.per_minute(&three, Rate::Tickets)), (2, 10));
    assert!(build(&[("JOXAI_INSTANCES", "0")]).unwrap_err().var.contains("JOXAI_INSTANCES"));
}

#[test]
fn file_values_are_overridden_by_env() {
    let file: FileConfig = toml::from_str("addr = \"127.0.0.1:4000\"\nmax_body_bytes = 10").unwrap();
    let c = Config::build(file, &env(&[("JOXAI_ADDR", "127.0.0.1:5000")])).unwrap();
    assert_eq!(c.addr.port(), 5000);
    assert_eq!(c.max_body_bytes, 10);
}

#[test]
fn redacts_passwords() {
    assert_eq!(redact_url("postgres://u:secret@h:5432/db"), "postgres://u:***@h:5432/db");
    assert!(!format!("{:?}", build(&[]).unwrap()).contains(&"x".repeat(40)));
}
