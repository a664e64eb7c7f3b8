//! Secrets at start-up: the development secret kept beside the database, and URLs with their
//! passwords hidden for logs.

use std::path::PathBuf;

use super::{ConfigError, Source, err};

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
