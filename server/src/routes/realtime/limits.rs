//! What one client may do with sockets: frames of at most 16 KB; a few sockets per conversation and
//! a bounded number per client address (counted per server process); typing events at most every
//! two seconds per socket, without touching the database.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

/// Largest frame or message a client may send.
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024;
/// Open customer sockets on one conversation (a few tabs).
pub const PER_CONVERSATION: usize = 5;
/// Open sockets from one client address (an office behind one NAT has many people).
pub const PER_ADDRESS: usize = 50;
/// Typing events one socket may pass on.
pub const TYPING_EVERY: Duration = Duration::from_secs(2);
/// How often a staff socket checks that its user may still listen.
pub const RECHECK_EVERY: Duration = Duration::from_secs(3);

static OPEN: LazyLock<Mutex<HashMap<String, usize>>> = LazyLock::new(Default::default);

/// Sockets held open under some keys; dropping it gives them back.
#[derive(Debug)]
pub struct Slot(Vec<String>);

/// One socket under each `(key, cap)`, or `None` when any key is at its cap.
pub fn take(keys: &[(String, usize)]) -> Option<Slot> {
    let mut open = OPEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if keys.iter().any(|(key, cap)| open.get(key).copied().unwrap_or(0) >= *cap) {
        return None;
    }
    for (key, _) in keys {
        *open.entry(key.clone()).or_default() += 1;
    }
    Some(Slot(keys.iter().map(|(k, _)| k.clone()).collect()))
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = OPEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for key in &self.0 {
            if let Some(n) = open.get_mut(key) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    open.remove(key);
                }
            }
        }
    }
}

/// At most one event per [`TYPING_EVERY`].
#[derive(Debug, Default)]
pub struct Throttle(Option<Instant>);

impl Throttle {
    pub fn allow(&mut self) -> bool {
        let now = Instant::now();
        if self.0.is_some_and(|last| now.duration_since(last) < TYPING_EVERY) {
            return false;
        }
        self.0 = Some(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_capped_and_given_back() {
        let key = |k: &str| (format!("test:{k}"), 2);
        let a = take(&[key("c")]).unwrap();
        let _b = take(&[key("c")]).unwrap();
        assert!(take(&[key("c")]).is_none());
        assert!(take(&[key("other"), key("c")]).is_none(), "all or nothing");
        assert!(take(&[key("other")]).is_some());
        drop(a);
        assert!(take(&[key("c")]).is_some());
        let mut t = Throttle::default();
        assert!(t.allow() && !t.allow());
    }
}
