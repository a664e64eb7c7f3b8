//! What a staff request presents as its credential, read in one place: the bearer token
//! (`Authorization: Bearer …`, or `?token=` where a socket cannot send headers) and the admin
//! panel's session cookies. Each route decides which it accepts; none parses them itself.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};

use crate::error::ApiError;

/// The credentials a request carries, each `None` when absent or empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    /// `Authorization: Bearer …`.
    pub bearer: Option<String>,
    /// The panel's access-token cookie.
    pub access_cookie: Option<String>,
    /// The panel's refresh-token cookie, which names the session.
    pub refresh_cookie: Option<String>,
}

impl Credentials {
    pub fn from_headers(headers: &HeaderMap) -> Self {
        use app::api::session::{ACCESS_COOKIE, REFRESH_COOKIE, cookie_value};
        let non_empty = |v: Option<String>| v.filter(|t| !t.is_empty());
        Credentials {
            bearer: bearer_token(headers).map(str::to_owned),
            access_cookie: non_empty(cookie_value(headers, ACCESS_COOKIE)),
            refresh_cookie: non_empty(cookie_value(headers, REFRESH_COOKIE)),
        }
    }

    /// The bearer token, else the session cookie's access token.
    pub fn token(&self) -> Option<&str> {
        self.bearer.as_deref().or(self.access_cookie.as_deref())
    }

    /// [`Self::token`], or 401.
    pub fn required(&self) -> Result<&str, ApiError> {
        self.token().ok_or_else(not_authenticated)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Credentials {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Credentials::from_headers(&parts.headers))
    }
}

/// The token of `Authorization: Bearer …`, if any.
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// 401 for a request that presents no credential.
pub fn not_authenticated() -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, "Not authenticated")
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderMap, HeaderValue, header};

    use super::Credentials;

    #[test]
    fn the_bearer_token_comes_before_the_cookie_and_empty_ones_count_as_none() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("joxai_access=cookie; joxai_refresh="));
        let from_cookie = Credentials::from_headers(&headers);
        assert_eq!(from_cookie.token(), Some("cookie"));
        assert_eq!(from_cookie.refresh_cookie, None);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer  header "));
        assert_eq!(Credentials::from_headers(&headers).token(), Some("header"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer "));
        assert_eq!(Credentials::from_headers(&headers).bearer, None);
    }
}
