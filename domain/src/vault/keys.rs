//! The key ring: data keys (newest first, each with a short id) and the blind-index key, from
//! `JOXAI_DATA_KEYS` and `JOXAI_DATA_INDEX_KEY`, or generated for development.
//!
//! `JOXAI_DATA_KEYS` is `id:key,id:key,…` with each key 32 random bytes in base64; the first
//! seals new values, all of them open old ones. `joxai keys generate` prints a fresh pair.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;

/// Where the ring came from, for the start-up log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyOrigin {
    /// `JOXAI_DATA_KEYS` (or the configuration file).
    Configured,
    /// Generated for development and kept in this file.
    DevFile(std::path::PathBuf),
    /// Generated for an in-memory database: it dies with the data.
    Ephemeral,
}

/// The configured keys. Debug output names the key ids only.
#[derive(Clone)]
pub struct KeyRing {
    pub(super) keys: Vec<(String, [u8; 32])>,
    pub(super) index: [u8; 32],
    pub(super) sealing: bool,
    pub origin: KeyOrigin,
}

impl std::fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyRing").field("keys", &self.key_ids()).field("origin", &self.origin).finish()
    }
}

/// 32 random bytes in base64: a new data or index key.
pub fn generate_key() -> String {
    let mut key = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    STANDARD.encode(key)
}

fn decode_key(what: &str, text: &str) -> Result<[u8; 32], String> {
    let bytes = STANDARD.decode(text.trim()).map_err(|_| format!("{what} is not base64"))?;
    bytes.try_into().map_err(|_| format!("{what} must be 32 bytes (44 base64 characters)"))
}

fn valid_id(id: &str) -> bool {
    (1..=16).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl KeyRing {
    /// Parses `JOXAI_DATA_KEYS` and `JOXAI_DATA_INDEX_KEY`. The message says what is wrong
    /// without repeating any key.
    pub fn parse(keys: &str, index: &str) -> Result<KeyRing, String> {
        let mut ring = Vec::new();
        for entry in keys.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (id, key) = entry.split_once(':').ok_or("each entry must be id:base64-key")?;
            let id = id.trim();
            if !valid_id(id) {
                return Err(format!("key id '{id}' must be 1 to 16 letters, digits, '-' or '_'"));
            }
            if ring.iter().any(|(other, _)| other == id) {
                return Err(format!("key id '{id}' appears twice"));
            }
            ring.push((id.to_owned(), decode_key(&format!("key '{id}'"), key)?));
        }
        if ring.is_empty() {
            return Err("names no key".into());
        }
        let index = decode_key("the index key", index)?;
        Ok(KeyRing { keys: ring, index, sealing: true, origin: KeyOrigin::Configured })
    }

    /// A new ring with one random key (id `k1`) and a random index key.
    pub fn generated(origin: KeyOrigin) -> KeyRing {
        let keys = format!("k1:{}", generate_key());
        let mut ring = Self::parse(&keys, &generate_key()).unwrap_or_else(|_| unreachable!("a generated key parses"));
        ring.origin = origin;
        ring
    }

    /// The ring with sealing of new values off (development measurements only).
    pub fn without_sealing(mut self) -> KeyRing {
        self.sealing = false;
        self
    }

    pub fn sealing(&self) -> bool {
        self.sealing
    }

    /// Key ids, newest first.
    pub fn key_ids(&self) -> Vec<&str> {
        self.keys.iter().map(|(id, _)| id.as_str()).collect()
    }

    /// The ring as the two configuration lines (for the development key file).
    pub fn to_env_lines(&self) -> String {
        let keys: Vec<String> = self.keys.iter().map(|(id, key)| format!("{id}:{}", STANDARD.encode(key))).collect();
        format!("JOXAI_DATA_KEYS={}\nJOXAI_DATA_INDEX_KEY={}\n", keys.join(","), STANDARD.encode(self.index))
    }

    /// Reads a ring written by [`KeyRing::to_env_lines`].
    pub fn from_env_lines(text: &str) -> Result<KeyRing, String> {
        let value =
            |name: &str| text.lines().find_map(|l| l.trim().strip_prefix(name)?.strip_prefix('=').map(str::to_owned));
        match (value("JOXAI_DATA_KEYS"), value("JOXAI_DATA_INDEX_KEY")) {
            (Some(keys), Some(index)) => Self::parse(&keys, &index),
            _ => Err("lacks JOXAI_DATA_KEYS or JOXAI_DATA_INDEX_KEY".into()),
        }
    }
}
