//! A circuit breaker: after `threshold` failures in a row the provider is not called for
//! `cooldown`; then one request is let through to test it again.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Shared by every request to one provider.
pub struct Breaker {
    threshold: u32,
    cooldown: Duration,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    failures: u32,
    open_until: Option<Instant>,
}

impl Breaker {
    pub fn new(threshold: u32, cooldown: Duration) -> Self {
        Breaker { threshold: threshold.max(1), cooldown, state: Mutex::new(State::default()) }
    }

    /// Whether a request may go out now.
    pub fn allow(&self) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        match state.open_until {
            Some(until) if Instant::now() < until => false,
            Some(_) => {
                // Half-open: let this one through; a failure re-opens at once.
                state.open_until = None;
                state.failures = self.threshold - 1;
                true
            }
            None => true,
        }
    }

    pub fn success(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        *state = State::default();
    }

    pub fn failure(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.failures += 1;
        if state.failures >= self.threshold {
            state.open_until = Some(Instant::now() + self.cooldown);
        }
    }

    /// Whether the circuit is open right now.
    pub fn is_open(&self) -> bool {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.open_until.is_some_and(|until| Instant::now() < until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_after_repeated_failures_and_half_opens_after_the_cooldown() {
        let breaker = Breaker::new(2, Duration::from_millis(0));
        assert!(breaker.allow());
        breaker.failure();
        assert!(!breaker.is_open());
        breaker.failure();
        // Zero cooldown: already half-open, one trial allowed, and a failure re-opens.
        assert!(breaker.allow());
        breaker.failure();
        assert!(breaker.allow());
        breaker.success();
        breaker.failure();
        assert!(!breaker.is_open(), "successes reset the count");

        let long = Breaker::new(1, Duration::from_secs(60));
        long.failure();
        assert!(long.is_open() && !long.allow());
    }
}
