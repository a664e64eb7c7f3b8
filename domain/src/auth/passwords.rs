//! argon2id hashing, always on dedicated threads: a hash costs tens of milliseconds of CPU and
//! must never stall the async worker threads.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, SaltString};

use crate::error::{DomainError, DomainResult};

/// Hashes `password` with argon2id and a random salt (PHC string).
pub async fn hash_password(password: String) -> DomainResult<String> {
    on_hashing_thread(move || hash_now(password.as_bytes())).await
}

/// Hashes `password` on this thread, in its argon2 memory.
fn hash_now(password: &[u8]) -> DomainResult<String> {
    let failed = |e: &dyn std::fmt::Display| DomainError::Internal(format!("hashing failed: {e}"));
    let salt = SaltString::generate(&mut OsRng);
    let argon2 = Argon2::default();
    let mut salt_buf = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_buf).map_err(|e| failed(&e))?;
    let mut out = [0u8; argon2::Params::DEFAULT_OUTPUT_LEN];
    with_memory(argon2.params().block_count(), |memory| {
        argon2.hash_password_into_with_memory(password, salt_bytes, &mut out, memory)
    })
    .map_err(|e| failed(&e))?;
    let hash = PasswordHash {
        algorithm: argon2::Algorithm::default().ident(),
        version: Some(argon2::Version::default().into()),
        params: argon2::password_hash::ParamsString::try_from(argon2.params()).map_err(|e| failed(&e))?,
        salt: Some(salt.as_salt()),
        hash: Some(argon2::password_hash::Output::new(&out).map_err(|e| failed(&e))?),
    };
    Ok(hash.to_string())
}

/// Checks `password` against a PHC hash. With `None` it still spends the time of a real check, so
/// an unknown username cannot be told apart from a wrong password by timing.
pub async fn verify_password(password: String, hash: Option<String>) -> DomainResult<bool> {
    on_hashing_thread(move || {
        let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
        let parsed = PasswordHash::new(&hash).map_err(|e| DomainError::Internal(format!("bad stored hash: {e}")))?;
        verify_reusing_memory(password.as_bytes(), &parsed)
    })
    .await
}

/// Verifies against an argon2 PHC hash, in this hashing thread's memory.
fn verify_reusing_memory(password: &[u8], hash: &PasswordHash<'_>) -> DomainResult<bool> {
    let bad = |e: &dyn std::fmt::Display| DomainError::Internal(format!("bad stored hash: {e}"));
    let algorithm = argon2::Algorithm::try_from(hash.algorithm).map_err(|e| bad(&e))?;
    let version = match hash.version {
        Some(v) => argon2::Version::try_from(v).map_err(|e| bad(&e))?,
        None => argon2::Version::default(),
    };
    let params = argon2::Params::try_from(hash).map_err(|e| bad(&e))?;
    let (Some(expected), Some(salt)) = (hash.hash, hash.salt) else { return Err(bad(&"no hash or salt")) };
    let mut salt_buf = [0u8; 64];
    let salt = salt.decode_b64(&mut salt_buf).map_err(|e| bad(&e))?;
    let mut out = vec![0u8; expected.len()];
    let blocks = params.block_count();
    with_memory(blocks, |memory| {
        Argon2::new(algorithm, version, params).hash_password_into_with_memory(password, salt, &mut out, memory)
    })
    .map_err(|e| bad(&e))?;
    let computed = argon2::password_hash::Output::new(&out).map_err(|e| bad(&e))?;
    // Output's equality is constant-time.
    Ok(computed == expected)
}

thread_local! {
    /// The memory argon2 works in (~19 MB at the default cost), kept by each hashing thread while
    /// sign-ins keep coming, so a burst does not allocate and free it each time.
    static MEMORY: std::cell::RefCell<Vec<argon2::Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Blocks of capacity the memory always has: more than 32 MiB, the most glibc's malloc ever serves
/// from its heaps, so under glibc (tests) the memory is a mapping of its own that goes back to the
/// system when dropped. The server's mimalloc returns it when the server next trims (its `main`).
const OWN_MAPPING: usize = 33 * 1024;

/// Runs `f` on this thread's first `blocks` blocks of argon2 memory.
fn with_memory<T>(blocks: usize, f: impl FnOnce(&mut [argon2::Block]) -> T) -> T {
    MEMORY.with_borrow_mut(|memory| {
        if memory.len() < blocks {
            memory.reserve_exact(blocks.max(OWN_MAPPING) - memory.len());
            memory.resize(blocks, argon2::Block::default());
        }
        f(&mut memory[..blocks])
    })
}

/// Gives this thread's argon2 memory back, once no sign-in is waiting: an idle server does not
/// hold tens of megabytes for the next one.
fn release_memory() {
    MEMORY.with_borrow_mut(|memory| *memory = Vec::new());
}

type Job = Box<dyn FnOnce() + Send>;

/// Sign-ins waiting for a hashing thread; beyond this they wait to be queued (backpressure).
const QUEUE: usize = 256;

/// Argon2 runs on its own threads, one per core (each hash takes ~19 MB and tens of
/// milliseconds): a storm of sign-ins queues for them instead of taking every blocking thread,
/// and the memory a hash needs is reused by the same few threads rather than left behind in a
/// malloc arena per blocking thread (a 100-client login storm held 660 MB that way); a thread
/// about to wait gives its memory back.
async fn on_hashing_thread<T: Send + 'static>(
    work: impl FnOnce() -> DomainResult<T> + Send + 'static,
) -> DomainResult<T> {
    static JOBS: std::sync::LazyLock<tokio::sync::mpsc::Sender<Job>> = std::sync::LazyLock::new(|| {
        let (tx, rx) = tokio::sync::mpsc::channel::<Job>(QUEUE);
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        for n in 0..std::thread::available_parallelism().map_or(2, std::num::NonZero::get) {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new().name(format!("argon2-{n}")).spawn(move || {
                loop {
                    // The next job if one is waiting and no other thread is taking it; otherwise
                    // the memory goes back before this thread waits (for the lock or for a job):
                    // a thread that kept it while waiting held its 19 MB until the next sign-in.
                    let waiting = rx.try_lock().ok().and_then(|mut rx| rx.try_recv().ok());
                    let job = match waiting {
                        Some(job) => Some(job),
                        None => {
                            release_memory();
                            // The lock is held only while taking the next job.
                            rx.lock().ok().and_then(|mut rx| rx.blocking_recv())
                        }
                    };
                    let Some(job) = job else { return };
                    // A panicking job fails its own request, not the thread.
                    drop(std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)));
                }
            });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a password hashing thread");
            }
        }
        tx
    });
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = done.send(work());
    });
    JOBS.send(job).await.map_err(|_| DomainError::Internal("password hashing stopped".into()))?;
    result.await.map_err(|_| DomainError::Internal("password hashing task failed".into()))?
}

/// A real hash of a random password, made once, to verify against when the user is unknown.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        let password = SaltString::generate(&mut OsRng);
        hash_now(password.as_str().as_bytes()).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use argon2::password_hash::PasswordHasher;

    use super::*;

    #[tokio::test]
    async fn hashes_and_verifies() {
        let hash = hash_password("correct horse".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        // The PHC string is the standard one: argon2's own verifier accepts it.
        use argon2::password_hash::PasswordVerifier;
        assert!(Argon2::default().verify_password(b"correct horse", &PasswordHash::new(&hash).unwrap()).is_ok());
        assert!(verify_password("correct horse".into(), Some(hash.clone())).await.unwrap());
        assert!(!verify_password("wrong".into(), Some(hash)).await.unwrap());
        assert!(!verify_password("anything".into(), None).await.unwrap());
    }

    /// Hashes made with other costs or variants (older accounts, other tools) still verify, with
    /// the memory of the previous check reused or grown.
    #[tokio::test]
    async fn verifies_hashes_of_any_cost_and_variant() {
        for (algorithm, m) in [(argon2::Algorithm::Argon2id, 8 * 1024), (argon2::Algorithm::Argon2i, 32 * 1024)] {
            let params = argon2::Params::new(m, 2, 1, None).unwrap();
            let salt = SaltString::generate(&mut OsRng);
            let hash = Argon2::new(algorithm, argon2::Version::V0x13, params)
                .hash_password(b"s3cret words", &salt)
                .unwrap()
                .to_string();
            assert!(verify_password("s3cret words".into(), Some(hash.clone())).await.unwrap(), "{hash}");
            assert!(!verify_password("s3cret word".into(), Some(hash)).await.unwrap());
        }
        assert!(verify_password("x".into(), Some("not a hash".into())).await.is_err());
    }
}
