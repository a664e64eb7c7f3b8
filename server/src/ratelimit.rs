//! Rate limits (tower_governor's keyed limiters), per client IP, conversation or staff member,
//! sized by the settings while JoxAI runs, answering 429 `{"detail"}` with `Retry-After`.

use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use domain::AppState;
use domain::settings::{Rate, Runtime};
use governor::clock::{Clock, DefaultClock, QuantaInstant};
use governor::middleware::NoOpMiddleware;
use tower_governor::GovernorError;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;

use crate::extract::{ClientIp, rate_key};

/// Keys requests by the [`ClientIp`] the server's middleware attached.
#[derive(Debug, Clone, Copy)]
pub struct ClientIpKey;

impl KeyExtractor for ClientIpKey {
    type Key = String;

    fn extract<T>(&self, req: &Request<T>) -> Result<Self::Key, GovernorError> {
        req.extensions().get::<ClientIp>().map(|c| rate_key(&c.0)).ok_or(GovernorError::UnableToExtractKey)
    }
}

type Governor = GovernorConfig<ClientIpKey, NoOpMiddleware<QuantaInstant>>;

/// One budget that several routes draw on (the REST login and the admin panel's sign-in share
/// one). Its size is read from the settings on every check: when an ADMIN changes
/// `rate_limits.*_per_minute`, the next request uses the new size (counts start afresh).
#[derive(Clone)]
pub struct SharedLimit {
    inner: Arc<Inner>,
}

struct Inner {
    rate: Rate,
    runtime: Arc<Runtime>,
    config: Arc<domain::config::Config>,
    /// The size in force and its limiter.
    current: RwLock<(u32, Arc<Governor>)>,
}

fn governor(per_minute: u32) -> Option<Arc<Governor>> {
    let period_ms = (60_000 / u64::from(per_minute.max(1))).max(1);
    GovernorConfigBuilder::default()
        .period(Duration::from_millis(period_ms))
        .burst_size(per_minute.max(1))
        .key_extractor(ClientIpKey)
        .finish()
        .map(Arc::new)
}

impl SharedLimit {
    /// The budget `rate`, sized by the settings or else the configuration, with bursts of the
    /// same size. Also starts a task that forgets idle keys so memory stays bounded.
    pub fn new(state: &AppState, rate: Rate) -> Option<SharedLimit> {
        let per_minute = state.runtime.per_minute(&state.config, rate);
        let inner = Arc::new(Inner {
            rate,
            runtime: state.runtime.clone(),
            config: state.config.clone(),
            current: RwLock::new((per_minute, governor(per_minute)?)),
        });
        let weak = Arc::downgrade(&inner);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(inner) = weak.upgrade() else { break };
                inner.current.read().unwrap_or_else(PoisonError::into_inner).1.limiter().retain_recent();
            }
        });
        Some(SharedLimit { inner })
    }

    /// The limiter for the size the settings ask for now.
    fn governor(&self) -> Arc<Governor> {
        let wanted = self.inner.runtime.per_minute(&self.inner.config, self.inner.rate);
        {
            let now = self.inner.current.read().unwrap_or_else(PoisonError::into_inner);
            if now.0 == wanted {
                return now.1.clone();
            }
        }
        let mut now = self.inner.current.write().unwrap_or_else(PoisonError::into_inner);
        if now.0 != wanted
            && let Some(fresh) = governor(wanted)
        {
            tracing::info!(limit = self.inner.rate.key(), per_minute = wanted, "rate limit changed");
            *now = (wanted, fresh);
        }
        now.1.clone()
    }

    /// Takes one request from `key`'s budget; when it is spent, returns the 429 answer to send.
    pub fn refuse(&self, key: &str) -> Option<Response<Body>> {
        self.governor().limiter().check_key(&key.to_owned()).err().map(|not_until| {
            let wait_time = not_until.wait_time_from(DefaultClock::default().now()).as_secs();
            too_many(GovernorError::TooManyRequests { wait_time, headers: None })
        })
    }
}

/// Middleware: one budget per client IP ([`ClientIp`]).
pub async fn per_ip(
    axum::extract::State(limit): axum::extract::State<SharedLimit>,
    req: Request<Body>,
    next: axum::middleware::Next,
) -> Response<Body> {
    let ip = req.extensions().get::<ClientIp>().map_or_else(|| "unknown".to_owned(), |c| rate_key(&c.0));
    if let Some(refused) = limit.refuse(&ip) {
        return refused;
    }
    next.run(req).await
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
    /// Every budget, or none when `JOXAI_RATE_LIMITS=off`.
    pub fn new(state: &AppState) -> Self {
        if !state.config.rate_limits.enabled {
            return Limits::default();
        }
        Limits {
            login: SharedLimit::new(state, Rate::Login),
            chat_start: SharedLimit::new(state, Rate::ChatStart),
            chat_message: SharedLimit::new(state, Rate::ChatMessage),
            tickets: SharedLimit::new(state, Rate::Tickets),
            analytics: SharedLimit::new(state, Rate::Analytics),
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
    if let Some(refused) = budget.refuse(req.headers()) {
        return refused;
    }
    next.run(req).await
}

impl StaffBudget {
    /// 429 when the staff member behind the bearer token or the session cookie is over budget.
    pub fn refuse(&self, headers: &axum::http::HeaderMap) -> Option<Response<Body>> {
        let credentials = crate::credentials::Credentials::from_headers(headers);
        let subject = self.jwt.verify(credentials.token()?).ok()?.sub;
        self.limit.refuse(&format!("staff:{subject}"))
    }
}
