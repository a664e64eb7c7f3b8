//! The domain's one error enum. Each layer above maps it to its own wire form (HTTP status +
//! `{"detail"}` for REST, a typed error for server functions).

use sea_orm::DbErr;

use crate::model::{MessageRefused, PageRefused};

/// What can go wrong in a domain service.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// Malformed request (400).
    #[error("{0}")]
    BadRequest(String),
    /// Missing, invalid or expired credentials (401).
    #[error("{0}")]
    Unauthorized(String),
    /// Authenticated but not allowed (403).
    #[error("{0}")]
    Forbidden(String),
    /// The thing does not exist (404).
    #[error("{0}")]
    NotFound(String),
    /// Clashes with existing state, e.g. a taken username (409).
    #[error("{0}")]
    Conflict(String),
    /// The request is larger than allowed (413).
    #[error("{0}")]
    TooLarge(String),
    /// Too many requests of one kind for one subject, e.g. offline messages to one address (429).
    #[error("{0}")]
    TooMany(String),
    /// A field failed validation (422).
    #[error("{message}")]
    Validation { field: String, message: String },
    /// The database failed; the message is logged, never shown.
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    /// Anything else unexpected; the message is logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl DomainError {
    /// A 422 for `field`.
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        DomainError::Validation { field: field.to_owned(), message: message.into() }
    }

    /// Whether this is a unique index refusing a second row (a taken name, a retry that raced).
    pub fn is_unique_clash(&self) -> bool {
        matches!(self, DomainError::Database(e) if is_unique_clash(e))
    }
}

/// For `map_err`: a refused message's text, as a 422 on `field` when empty and a 413 when too long.
pub fn refused_message(field: &'static str) -> impl FnOnce(MessageRefused) -> DomainError {
    move |refused| match refused {
        MessageRefused::Empty => DomainError::validation(field, "Type a message"),
        MessageRefused::TooLong { max } => DomainError::TooLarge(format!("A message is at most {max} characters")),
    }
}

impl From<PageRefused> for DomainError {
    fn from(_: PageRefused) -> Self {
        DomainError::validation("limit", PageRefused::MESSAGE)
    }
}

/// Whether the database refused a row because a unique index already holds its value.
pub fn is_unique_clash(error: &DbErr) -> bool {
    matches!(error.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_)))
}

/// For `map_err`: a unique-index clash becomes a 409 saying `message`; any other database error
/// stays one.
pub fn on_unique(message: impl Into<String>) -> impl FnOnce(DbErr) -> DomainError {
    move |error| {
        if is_unique_clash(&error) { DomainError::Conflict(message.into()) } else { DomainError::Database(error) }
    }
}

/// Result of a domain service.
pub type DomainResult<T> = Result<T, DomainError>;
