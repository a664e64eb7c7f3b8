//! argon2id hashing, always on the blocking pool: a hash costs tens of milliseconds of CPU and
//! must never stall the async worker threads.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::error::{DomainError, DomainResult};

/// Hashes `password` with argon2id and a random salt (PHC string).
pub async fn hash_password(password: String) -> DomainResult<String> {
    let _permit = permit().await?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| DomainError::Internal(format!("hashing failed: {e}")))
    })
    .await
    .map_err(|e| DomainError::Internal(format!("hashing task failed: {e}")))?
}

/// Checks `password` against a PHC hash. With `None` it still spends the time of a real check, so
/// an unknown username cannot be told apart from a wrong password by timing.
pub async fn verify_password(password: String, hash: Option<String>) -> DomainResult<bool> {
    let _permit = permit().await?;
    tokio::task::spawn_blocking(move || {
        let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
        let parsed = PasswordHash::new(&hash).map_err(|e| DomainError::Internal(format!("bad stored hash: {e}")))?;
        Ok(Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .map_err(|e| DomainError::Internal(format!("verify task failed: {e}")))?
}

/// Argon2 runs at most one per core at a time (each takes ~19 MB and tens of milliseconds): a
/// storm of sign-ins waits its turn instead of taking all memory and every blocking thread.
async fn permit() -> DomainResult<tokio::sync::SemaphorePermit<'static>> {
    static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
        tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, std::num::NonZero::get))
    });
    HASHING.acquire().await.map_err(|e| DomainError::Internal(format!("hashing semaphore: {e}")))
}

/// A real hash of a random password, made once, to verify against when the user is unknown.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(salt.as_str().as_bytes(), &salt).map(|h| h.to_string()).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_and_verifies() {
        let hash = hash_password("correct horse".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse".into(), Some(hash.clone())).await.unwrap());
        assert!(!verify_password("wrong".into(), Some(hash)).await.unwrap());
        assert!(!verify_password("anything".into(), None).await.unwrap());
    }
}
