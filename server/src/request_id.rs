//! Every request gets an id — the caller's `X-Request-Id` when it is a plain token, else a new
//! one — answered in `X-Request-Id` and carried by every log line the request writes (its span).

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

const HEADER: &str = "x-request-id";

/// The request's id, in its extensions.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Middleware: gives the request its id and answers with it.
pub async fn attach(mut req: Request, next: Next) -> Response {
    let given = req.headers().get(HEADER).and_then(|v| v.to_str().ok()).filter(|v| plain(v));
    let id = given.map_or_else(|| uuid::Uuid::new_v4().simple().to_string(), str::to_owned);
    req.extensions_mut().insert(RequestId(id.clone()));
    let mut res = next.run(req).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(HEADER, value);
    }
    res
}

/// A caller's id is kept only when short and made of letters, digits, `-`, `_` and `.` (it goes
/// into log lines and a response header).
fn plain(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

/// The span a request's log lines are written in: its id, method and route template (never the
/// raw path, which may hold a conversation's id).
pub fn span(req: &Request) -> tracing::Span {
    let id = req.extensions().get::<RequestId>().map_or("", |r| r.0.as_str());
    let route = req.extensions().get::<MatchedPath>().map_or("unmatched", MatchedPath::as_str);
    tracing::info_span!("request", id, method = %req.method(), route)
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn only_plain_ids_are_kept() {
        assert!(plain("4f2c-9a_1.b"));
        for hostile in ["", "a b", "a\nb", "é", &"x".repeat(65), "a\"b"] {
            assert!(!plain(hostile), "{hostile:?}");
        }
    }
}
