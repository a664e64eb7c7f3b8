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
        let detail = match status {
            StatusCode::PAYLOAD_TOO_LARGE => "Request body too large".to_owned(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "Expected a JSON body (Content-Type: application/json)".to_owned(),
            _ => r.body_text(),
        };
        ApiError::new(status, detail)
    }
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
