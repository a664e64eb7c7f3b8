//! The REST layer's error: every failure becomes `{"detail": …}` with the right status.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::DomainError;
use domain::model::ErrorBody;

/// An HTTP error with a `{"detail"}` body.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub detail: String,
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        ApiError { status, detail: detail.into(), field: None }
    }

    pub fn not_found() -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "Not Found")
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::BadRequest(m) => ApiError::new(StatusCode::BAD_REQUEST, m),
            DomainError::Unauthorized(m) => ApiError::new(StatusCode::UNAUTHORIZED, m),
            DomainError::Forbidden(m) => ApiError::new(StatusCode::FORBIDDEN, m),
            DomainError::NotFound(m) => ApiError::new(StatusCode::NOT_FOUND, m),
            DomainError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, m),
            DomainError::TooLarge(m) => ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, m),
            DomainError::TooMany(m) => ApiError::new(StatusCode::TOO_MANY_REQUESTS, m),
            DomainError::Validation { field, message } => {
                ApiError { status: StatusCode::UNPROCESSABLE_ENTITY, detail: message, field: Some(field) }
            }
            other => {
                tracing::error!(error = %other, "request failed");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error")
            }
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        let status = r.status();
        match status {
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(status, "Request body too large"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                ApiError::new(status, "Expected a JSON body (Content-Type: application/json)")
            }
            StatusCode::UNPROCESSABLE_ENTITY => {
                let text = r.body_text();
                let detail = text.strip_prefix(DATA_ERROR_PREFIX).unwrap_or(&text).to_owned();
                ApiError { status, field: failed_field(&detail), detail }
            }
            _ => ApiError::new(status, r.body_text()),
        }
    }
}

const DATA_ERROR_PREFIX: &str = "Failed to deserialize the JSON body into the target type: ";

/// The field a JSON data error is about: `role: unknown role …` (a path from serde_path_to_error)
/// or ``missing field `email` at …``.
fn failed_field(detail: &str) -> Option<String> {
    if let Some(rest) = detail.strip_prefix("missing field `") {
        return rest.split('`').next().map(str::to_owned);
    }
    let (path, _) = detail.split_once(": ")?;
    let is_path =
        !path.is_empty() && path.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'));
    is_path.then(|| path.to_owned())
}

impl From<PathRejection> for ApiError {
    fn from(r: PathRejection) -> Self {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, r.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> Self {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, r.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(ErrorBody { detail: self.detail, field: self.field })).into_response()
    }
}

/// Result of a REST handler.
pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::failed_field;

    #[test]
    fn names_the_failed_field() {
        assert_eq!(failed_field("missing field `email` at line 1 column 9").as_deref(), Some("email"));
        assert_eq!(failed_field("role: unknown role 'x' at line 1 column 20").as_deref(), Some("role"));
        assert_eq!(failed_field("invalid type: integer `5`, expected a string"), None);
        assert_eq!(failed_field("expected value at line 1 column 1"), None);
    }
}
