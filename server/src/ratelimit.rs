//! Per-client-IP rate limits (tower_governor), answering 429 `{"detail"}` with `Retry-After`.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use governor::clock::{Clock, DefaultClock, QuantaInstant};
use governor::middleware::NoOpMiddleware;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

use crate::extract::ClientIp;

/// Keys requests by the [`ClientIp`] the server's middleware attached.
#[derive(Debug, Clone, Copy)]
pub struct ClientIpKey;

impl KeyExtractor for ClientIpKey {
    type Key = String;

    fn extract<T>(&self, req: &Request<T>) -> Result<Self::Key, GovernorError> {
        req.extensions().get::<ClientIp>().map(|c| c.0.clone()).ok_or(GovernorError::UnableToExtractKey)
    }
}

/// The tower layer type of a limiter.
pub type Limiter = GovernorLayer<ClientIpKey, NoOpMiddleware<QuantaInstant>, Body>;

/// One per-client-IP budget that several routes draw on (the REST login and the admin panel's
/// sign-in): as a tower layer for plain routes, or checked directly where a layer cannot sit.
#[derive(Clone)]
pub struct SharedLimit {
    config: Arc<GovernorConfig<ClientIpKey, NoOpMiddleware<QuantaInstant>>>,
}

impl SharedLimit {
    /// Allows `per_minute` requests a minute per client IP, with bursts of the same size. Also
    /// starts a task that forgets idle clients so memory stays bounded.
    pub fn per_minute(per_minute: u32) -> Option<SharedLimit> {
        let period_ms = (60_000 / u64::from(per_minute.max(1))).max(1);
        let config = GovernorConfigBuilder::default()
            .period(Duration::from_millis(period_ms))
            .burst_size(per_minute.max(1))
            .key_extractor(ClientIpKey)
            .finish()?;
        let config = Arc::new(config);
        let limiter = config.limiter().clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                limiter.retain_recent();
            }
        });
        Some(SharedLimit { config })
    }

    /// The limit as a tower layer.
    pub fn layer(&self) -> Limiter {
        GovernorLayer::new(self.config.clone()).error_handler(too_many)
    }

    /// Takes one request from `ip`'s budget; when it is spent, returns the 429 answer to send.
    pub fn refuse(&self, ip: &str) -> Option<Response<Body>> {
        self.config.limiter().check_key(&ip.to_owned()).err().map(|not_until| {
            let wait_time = not_until.wait_time_from(DefaultClock::default().now()).as_secs();
            too_many(GovernorError::TooManyRequests { wait_time, headers: None })
        })
    }
}

fn too_many(e: GovernorError) -> Response<Body> {
    let (status, wait) = match e {
        GovernorError::TooManyRequests { wait_time, .. } => (StatusCode::TOO_MANY_REQUESTS, wait_time.max(1)),
        GovernorError::UnableToExtractKey => (StatusCode::INTERNAL_SERVER_ERROR, 0),
        GovernorError::Other { code, .. } => (code, 0),
    };
    let detail = if status == StatusCode::TOO_MANY_REQUESTS {
        format!("Rate limit exceeded. Try again in {wait} seconds.")
    } else {
        "Internal server error".to_owned()
    };
    let body = serde_json::json!({ "detail": detail }).to_string();
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if status == StatusCode::TOO_MANY_REQUESTS {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait));
    }
    response
}

/// Every budget the API uses; `None` where limits are off.
#[derive(Clone, Default)]
pub struct Limits {
    /// Per client IP, shared by the REST login and the admin panel's sign-in.
    pub login: Option<SharedLimit>,
    /// Per client IP.
    pub chat_start: Option<SharedLimit>,
    /// Per conversation.
    pub chat_message: Option<SharedLimit>,
    /// Per staff member.
    pub tickets: Option<SharedLimit>,
    /// Per staff member.
    pub analytics: Option<SharedLimit>,
}

impl Limits {
    pub fn from_config(config: &domain::config::RateLimits) -> Self {
        if !config.enabled {
            return Limits::default();
        }
        Limits {
            login: SharedLimit::per_minute(config.login_per_minute),
            chat_start: SharedLimit::per_minute(config.chat_start_per_minute),
            chat_message: SharedLimit::per_minute(config.chat_message_per_minute),
            tickets: SharedLimit::per_minute(config.tickets_per_minute),
            analytics: SharedLimit::per_minute(config.analytics_per_minute),
        }
    }
}

/// What the per-staff middleware needs.
#[derive(Clone)]
pub struct StaffBudget {
    pub limit: SharedLimit,
    pub jwt: domain::auth::JwtKeys,
}

/// Middleware: one budget per staff member, keyed by the access token's subject (checked
/// without touching the database; a bad token passes on to get its 401 from the handler).
pub async fn per_staff(
    axum::extract::State(budget): axum::extract::State<StaffBudget>,
    req: Request<Body>,
    next: axum::middleware::Next,
) -> Response<Body> {
    let subject = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .and_then(|token| budget.jwt.verify(token.trim()).ok())
        .map(|claims| claims.sub);
    if let Some(subject) = subject
        && let Some(refused) = budget.limit.refuse(&format!("staff:{subject}"))
    {
        return refused;
    }
    next.run(req).await
}
