//! Secrets at start-up: the development secret kept beside the database, and URLs with their
//! passwords hidden for logs.

use std::path::PathBuf;

use super::{ConfigError, Environment, Source, err};
use crate::vault::{KeyOrigin, KeyRing};

/// Development only: a random secret generated once and kept in `.joxai-secret` (or
/// `JOXAI_SECRET_FILE`) so sessions survive restarts.
pub(super) fn dev_secret(env: &dyn Source) -> Result<String, ConfigError> {
    use rand::RngCore;
    let path = PathBuf::from(env.get("JOXAI_SECRET_FILE").unwrap_or_else(|| ".joxai-secret".to_owned()));
    if let Ok(text) = std::fs::read_to_string(&path) {
        let text = text.trim().to_owned();
        if text.len() >= 32 {
            return Ok(text);
        }
    }
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let secret = hex::encode(bytes);
    write_private(&path, &secret).map_err(|e| {
        err("JOXAI_JWT_SECRET", format!("not set, and cannot keep a generated one in {}: {e}", path.display()))
    })?;
    Ok(secret)
}

/// Writes `text` to a new file only its owner may read (0600 on Unix).
fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let _ = std::fs::remove_file(path);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(text.as_bytes())
}

/// The data key ring: `JOXAI_DATA_KEYS` + `JOXAI_DATA_INDEX_KEY` (required in production). In
/// development without them, a ring is generated once and kept (0600) in `JOXAI_DATA_KEYS_FILE`,
/// by default beside a SQLite file (`joxai.db.keys`) or `.joxai-data-keys` for PostgreSQL; an
/// in-memory database gets a ring that dies with it. `JOXAI_DATA_ENCRYPTION=off` (development
/// only) stores new values plain, to measure what sealing costs.
pub(super) fn data_keys(
    env: &dyn Source,
    file: (Option<String>, Option<String>),
    kind: Environment,
    database_url: &str,
) -> Result<KeyRing, ConfigError> {
    let keys = env.get("JOXAI_DATA_KEYS").or(file.0);
    let index = env.get("JOXAI_DATA_INDEX_KEY").or(file.1);
    let ring = match (keys, index) {
        (Some(keys), Some(index)) => KeyRing::parse(&keys, &index).map_err(|m| err("JOXAI_DATA_KEYS", m))?,
        (Some(_), None) => return Err(err("JOXAI_DATA_INDEX_KEY", "is required with JOXAI_DATA_KEYS")),
        (None, Some(_)) => return Err(err("JOXAI_DATA_KEYS", "is required with JOXAI_DATA_INDEX_KEY")),
        (None, None) if kind == Environment::Production => {
            return Err(err(
                "JOXAI_DATA_KEYS",
                "is required when JOXAI_ENV=production (with JOXAI_DATA_INDEX_KEY; `joxai keys generate` prints both)",
            ));
        }
        (None, None) => dev_ring(env, database_url)?,
    };
    match env.get("JOXAI_DATA_ENCRYPTION").map(|v| super::parse_bool("JOXAI_DATA_ENCRYPTION", &v)).transpose()? {
        Some(false) if kind == Environment::Production => {
            Err(err("JOXAI_DATA_ENCRYPTION", "cannot be off when JOXAI_ENV=production"))
        }
        Some(false) => Ok(ring.without_sealing()),
        _ => Ok(ring),
    }
}

fn dev_ring(env: &dyn Source, database_url: &str) -> Result<KeyRing, ConfigError> {
    let path = match env.get("JOXAI_DATA_KEYS_FILE") {
        Some(path) => PathBuf::from(path),
        None => match database_url.strip_prefix("sqlite:") {
            Some(rest) => {
                let file = rest.trim_start_matches("//").split('?').next().unwrap_or("");
                if file.is_empty() || file == ":memory:" || rest.contains("mode=memory") {
                    return Ok(KeyRing::generated(KeyOrigin::Ephemeral));
                }
                PathBuf::from(format!("{file}.keys"))
            }
            None => PathBuf::from(".joxai-data-keys"),
        },
    };
    if let Ok(text) = std::fs::read_to_string(&path) {
        let mut ring = KeyRing::from_env_lines(&text)
            .map_err(|m| err("JOXAI_DATA_KEYS_FILE", format!("{}: {m}", path.display())))?;
        ring.origin = KeyOrigin::DevFile(path);
        return Ok(ring);
    }
    let ring = KeyRing::generated(KeyOrigin::DevFile(path.clone()));
    write_private(&path, &ring.to_env_lines()).map_err(|e| {
        err("JOXAI_DATA_KEYS", format!("not set, and cannot keep a generated ring in {}: {e}", path.display()))
    })?;
    Ok(ring)
}

/// A database URL without its password, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}://{}:***@{}", &url[..scheme], user, &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}
