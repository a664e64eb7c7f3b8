//! `GET /metrics` in the Prometheus text format, and the middleware that counts every request by
//! its route template (never the raw path, so ids never become labels).

use std::fmt::Write;
use std::net::SocketAddr;
use std::sync::atomic::Ordering::Relaxed;
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::AppState;
use domain::assistant::Outcome;
use domain::metrics::{family, sample};

use crate::error::ApiError;

/// Middleware: counts the request under its route template and times it to the response's head.
pub async fn track(State(http): State<std::sync::Arc<domain::metrics::Http>>, req: Request, next: Next) -> Response {
    // `MatchedPath` is a shared string: cloning it copies no text.
    let route = req.extensions().get::<MatchedPath>().cloned();
    let method = req.method().clone();
    let started = Instant::now();
    let res = next.run(req).await;
    let route = route.as_ref().map_or("unmatched", MatchedPath::as_str);
    http.observe(route, method.as_str(), res.status().as_u16(), started.elapsed());
    res
}

/// `GET /metrics`: with `JOXAI_METRICS_TOKEN` set, for the holder of that bearer token; else only
/// for a scraper on this machine that did not come through a proxy.
pub async fn metrics(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let allowed = match &state.config.operations.metrics_token {
        Some(token) => crate::credentials::bearer_token(&headers).is_some_and(|given| same(given, token)),
        None => peer.ip().is_loopback() && !headers.contains_key("x-forwarded-for"),
    };
    if !allowed {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "Metrics need JOXAI_METRICS_TOKEN, or a scraper on this host",
        ));
    }
    let mut out = String::with_capacity(16 * 1024);
    state.http.write(&mut out);
    sockets(&state, &mut out);
    assistant(&state, &mut out);
    let (pending, failed) = domain::notifications::backlog(&state).await.unwrap_or_default();
    family(&mut out, "joxai_outbox_notifications", "gauge", "Notifications in the outbox by status.");
    sample(&mut out, "joxai_outbox_notifications", "status=\"pending\"", pending);
    sample(&mut out, "joxai_outbox_notifications", "status=\"failed\"", failed);
    let (open, idle) = domain::db::pool_now(&state.db);
    family(&mut out, "joxai_db_pool_connections", "gauge", "Database connections by state.");
    sample(&mut out, "joxai_db_pool_connections", "state=\"idle\"", idle);
    sample(&mut out, "joxai_db_pool_connections", "state=\"busy\"", (open as usize).saturating_sub(idle));
    family(&mut out, "joxai_uptime_seconds", "gauge", "Seconds since this server started.");
    sample(&mut out, "joxai_uptime_seconds", "", state.http.started.elapsed().as_secs());
    family(&mut out, "joxai_build_info", "gauge", "The running version.");
    let _ = writeln!(out, "joxai_build_info{{version=\"{}\"}} 1", env!("CARGO_PKG_VERSION"));
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], out).into_response())
}

fn sockets(state: &AppState, out: &mut String) {
    let (customers, staff) = state.events.connections();
    family(out, "joxai_websocket_connections", "gauge", "Open WebSockets by kind.");
    sample(out, "joxai_websocket_connections", "kind=\"customer\"", customers);
    sample(out, "joxai_websocket_connections", "kind=\"staff\"", staff);
}

fn assistant(state: &AppState, out: &mut String) {
    family(out, "joxai_assistant_answers_total", "counter", "Assistant replies by outcome.");
    for outcome in Outcome::ALL {
        let labels = format!("outcome=\"{}\"", outcome.as_str());
        sample(out, "joxai_assistant_answers_total", &labels, state.assistant.answered(outcome));
    }
    let Some(llm) = state.assistant.llm() else { return };
    let provider = format!("provider=\"{}\"", llm.name());
    let stats = llm.stats();
    family(out, "joxai_llm_requests_total", "counter", "Calls to the LLM provider by outcome.");
    for (outcome, count) in [("answered", &stats.answered), ("failed", &stats.failed), ("refused", &stats.refused)] {
        sample(out, "joxai_llm_requests_total", &format!("{provider},outcome=\"{outcome}\""), count.load(Relaxed));
    }
    family(out, "joxai_llm_request_duration_seconds", "histogram", "Time of each LLM call, retries included.");
    stats.latency.write(out, "joxai_llm_request_duration_seconds", &provider);
    family(out, "joxai_llm_breaker_open", "gauge", "1 while the circuit breaker refuses LLM calls.");
    sample(out, "joxai_llm_breaker_open", &provider, u8::from(llm.breaker_open()));
}

/// Compares in time that does not depend on where the first difference is.
fn same(given: &str, token: &str) -> bool {
    given.len() == token.len() && given.bytes().zip(token.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}
