//! Latency percentiles, and the server's CPU time and memory from `/proc`.

use std::fmt;
use std::time::Duration;

use crate::workloads::Outcome;

/// The server's user + system CPU time so far, in clock ticks.
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after the name.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Clock ticks to seconds (Linux reports 100 ticks a second).
pub fn ticks_to_secs(ticks: u64) -> f64 {
    ticks as f64 / 100.0
}

/// The server's resident memory, in KiB.
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The `q`-quantile (0–1) of sorted `values`, in milliseconds.
fn quantile(sorted: &[Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[at].as_secs_f64() * 1000.0
}

/// Latencies summarised.
pub struct Latency {
    pub count: usize,
    pub p50: f64,
    pub p99: f64,
    pub p999: f64,
    pub max: f64,
}

impl Latency {
    pub fn of(mut samples: Vec<Duration>) -> Latency {
        samples.sort_unstable();
        Latency {
            count: samples.len(),
            p50: quantile(&samples, 0.50),
            p99: quantile(&samples, 0.99),
            p999: quantile(&samples, 0.999),
            max: samples.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        }
    }
}

/// CPU seconds spent during a run: by the server, and by this load generator (which shares the
/// machine's cores with it).
pub struct Cpu {
    pub server: Option<f64>,
    pub load: Option<f64>,
}

/// What one run measured.
pub struct Report {
    pub name: &'static str,
    pub clients: usize,
    pub requests: Latency,
    pub errors: usize,
    pub per_second: f64,
    /// Server CPU milliseconds per request.
    pub cpu_ms_per_request: Option<f64>,
    /// The load generator's own CPU milliseconds per request.
    pub load_cpu_ms_per_request: Option<f64>,
    pub rss_mib: Option<f64>,
    /// `/healthz` while the workload ran (login storm).
    pub probe: Option<Latency>,
}

impl Report {
    pub fn new(outcome: &Outcome, duration: Duration, cpu: Cpu, rss_kib: Option<u64>) -> Report {
        let requests = Latency::of(outcome.latencies.clone());
        let done = requests.count + outcome.errors;
        Report {
            name: outcome.name,
            clients: outcome.clients,
            per_second: requests.count as f64 / duration.as_secs_f64(),
            cpu_ms_per_request: cpu.server.filter(|_| done > 0).map(|s| s * 1000.0 / done as f64),
            load_cpu_ms_per_request: cpu.load.filter(|_| done > 0).map(|s| s * 1000.0 / done as f64),
            rss_mib: rss_kib.map(|k| k as f64 / 1024.0),
            errors: outcome.errors,
            probe: outcome.probe.clone().map(Latency::of),
            requests,
        }
    }

    pub fn json(&self) -> serde_json::Value {
        let latency = |l: &Latency| {
            serde_json::json!({
                "count": l.count, "p50_ms": l.p50, "p99_ms": l.p99, "p999_ms": l.p999, "max_ms": l.max,
            })
        };
        serde_json::json!({
            "workload": self.name,
            "clients": self.clients,
            "requests_per_second": self.per_second,
            "errors": self.errors,
            "latency": latency(&self.requests),
            "server_cpu_ms_per_request": self.cpu_ms_per_request,
            "load_cpu_ms_per_request": self.load_cpu_ms_per_request,
            "server_rss_mib": self.rss_mib,
            "healthz": self.probe.as_ref().map(latency),
        })
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.requests;
        write!(
            f,
            "{:<12} {:>5} clients  {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  p99.9 {:>7.2} ms  errors {}",
            self.name, self.clients, self.per_second, r.p50, r.p99, r.p999, self.errors
        )?;
        if let Some(cpu) = self.cpu_ms_per_request {
            write!(f, "  server CPU {cpu:.2} ms/req")?;
        }
        if let Some(cpu) = self.load_cpu_ms_per_request {
            write!(f, " (load generator {cpu:.2})")?;
        }
        if let Some(rss) = self.rss_mib {
            write!(f, "  RSS {rss:.0} MiB")?;
        }
        if let Some(p) = &self.probe {
            write!(
                f,
                "\n{:<12} /healthz during the storm: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
                "", p.p50, p.p99, p.max
            )?;
        }
        Ok(())
    }
}
