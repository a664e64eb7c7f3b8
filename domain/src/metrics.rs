//! What `/metrics` reports, kept as plain atomic counters on the hot paths (no lock per event
//! but one short one per HTTP request), and the Prometheus text format they are written in.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Upper bounds of the latency buckets, in seconds.
pub const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// Distinct routes kept apart; more (which a well-behaved router never makes) are counted as `other`.
const ROUTES: usize = 512;

/// A latency histogram with fixed buckets.
#[derive(Debug, Default)]
pub struct Histogram {
    /// Observations per bucket (not cumulative); the last one is above every bound.
    counts: [AtomicU64; BUCKETS.len() + 1],
    sum_micros: AtomicU64,
}

impl Histogram {
    pub fn observe(&self, took: Duration) {
        let secs = took.as_secs_f64();
        let bucket = BUCKETS.iter().position(|b| secs <= *b).unwrap_or(BUCKETS.len());
        self.counts[bucket].fetch_add(1, Ordering::Relaxed);
        self.sum_micros.fetch_add(u64::try_from(took.as_micros()).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    /// Writes `name_bucket`, `name_sum` and `name_count` samples with `labels` (`k="v",…` or empty).
    pub fn write(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        let mut total = 0;
        for (i, bound) in BUCKETS.iter().map(|b| b.to_string()).chain(["+Inf".to_owned()]).enumerate() {
            total += self.counts[i].load(Ordering::Relaxed);
            let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"{bound}\"}} {total}");
        }
        let sum = self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let braces = if labels.is_empty() { String::new() } else { format!("{{{labels}}}") };
        let _ = writeln!(out, "{name}_sum{braces} {sum}");
        let _ = writeln!(out, "{name}_count{braces} {total}");
    }
}

/// Writes the `# HELP` and `# TYPE` lines of a metric family.
pub fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

/// Writes one sample.
pub fn sample(out: &mut String, name: &str, labels: &str, value: impl std::fmt::Display) {
    if labels.is_empty() {
        let _ = writeln!(out, "{name} {value}");
    } else {
        let _ = writeln!(out, "{name}{{{labels}}} {value}");
    }
}

/// A label value with `\`, `"` and line breaks escaped.
pub fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// HTTP requests by route template, method and status, and their latency by route.
#[derive(Debug)]
pub struct Http {
    pub started: Instant,
    routes: Mutex<HashMap<String, Route>>,
}

#[derive(Debug, Default)]
struct Route {
    /// (method, status) → count.
    counts: HashMap<(String, u16), u64>,
    latency: Histogram,
}

impl Default for Http {
    fn default() -> Self {
        Http { started: Instant::now(), routes: Mutex::default() }
    }
}

impl Http {
    /// Counts one request to `route` (the matched template, never the raw path).
    pub fn observe(&self, route: &str, method: &str, status: u16, took: Duration) {
        let mut routes = self.routes.lock().unwrap_or_else(PoisonError::into_inner);
        let key = if routes.contains_key(route) || routes.len() < ROUTES { route } else { "other" };
        // Allocates only the first time a route, or a method and status on it, is seen.
        if !routes.contains_key(key) {
            routes.insert(key.to_owned(), Route::default());
        }
        let Some(entry) = routes.get_mut(key) else { return };
        match entry.counts.iter_mut().find(|((m, s), _)| m == method && *s == status) {
            Some((_, count)) => *count += 1,
            None => {
                entry.counts.insert((method.to_owned(), status), 1);
            }
        }
        entry.latency.observe(took);
    }

    /// `joxai_http_requests_total` and `joxai_http_request_duration_seconds`.
    pub fn write(&self, out: &mut String) {
        let routes = self.routes.lock().unwrap_or_else(PoisonError::into_inner);
        let mut names: Vec<&String> = routes.keys().collect();
        names.sort();
        family(out, "joxai_http_requests_total", "counter", "HTTP requests by route, method and status.");
        for name in &names {
            let mut counts: Vec<_> = routes[*name].counts.iter().collect();
            counts.sort();
            for ((method, status), count) in counts {
                let labels = format!("route=\"{}\",method=\"{method}\",status=\"{status}\"", escape(name));
                sample(out, "joxai_http_requests_total", &labels, count);
            }
        }
        family(out, "joxai_http_request_duration_seconds", "histogram", "Time to the response's head, by route.");
        for name in names {
            routes[name].latency.write(
                out,
                "joxai_http_request_duration_seconds",
                &format!("route=\"{}\"", escape(name)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_histogram_counts_cumulatively_and_sums_in_seconds() {
        let h = Histogram::default();
        h.observe(Duration::from_micros(500));
        h.observe(Duration::from_millis(30));
        h.observe(Duration::from_secs(60));
        let mut out = String::new();
        h.write(&mut out, "x_seconds", "route=\"/a\"");
        assert!(out.contains("x_seconds_bucket{route=\"/a\",le=\"0.001\"} 1\n"), "{out}");
        assert!(out.contains("x_seconds_bucket{route=\"/a\",le=\"0.05\"} 2\n"), "{out}");
        assert!(out.contains("x_seconds_bucket{route=\"/a\",le=\"+Inf\"} 3\n"), "{out}");
        assert!(out.contains("x_seconds_count{route=\"/a\"} 3\n"), "{out}");
        assert!(out.contains("x_seconds_sum{route=\"/a\"} 60.0305\n"), "{out}");
    }

    #[test]
    fn routes_stay_bounded_and_labels_escaped() {
        let http = Http::default();
        for i in 0..(ROUTES + 10) {
            http.observe(&format!("/r{i}"), "GET", 200, Duration::from_millis(1));
        }
        http.observe("/a\"b", "GET", 404, Duration::from_millis(1));
        let mut out = String::new();
        http.write(&mut out);
        assert!(out.contains("route=\"other\",method=\"GET\",status=\"200\"} 10"), "{out}");
        assert!(out.contains("route=\"other\",method=\"GET\",status=\"404\"} 1"));
        assert_eq!(escape("a\"b\\c"), "a\\\"b\\\\c");
    }
}
