//! Server functions: the admin panel's only way to the domain. Each checks the signed-in user's
//! role on the server through the same `domain` services the REST API uses.

pub mod account;
pub mod analytics;
pub mod assistant;
pub mod audit;
pub mod auth;
pub mod conversations;
pub mod customers;
pub mod inboxes;
pub mod knowledge;
pub mod language;
pub mod notifications;
pub mod settings;
pub mod system;
pub mod tickets;
pub mod users;

#[cfg(feature = "ssr")]
pub mod session;

use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

/// What a server function can fail with, as the browser sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or the session ended.
    #[error("Please sign in")]
    Unauthorized,
    /// Signed in, but the role may not do this.
    #[error("You do not have permission to do this")]
    Forbidden,
    /// Refused: bad input, a conflict, a missing thing, too much. `status` is what the REST API
    /// answers for the same refusal (when known), `field` the input at fault (when one is).
    #[error("{message}")]
    Refused { status: Option<u16>, field: Option<String>, message: String },
    /// Something broke on the server (details are in the server log).
    #[error("Something went wrong: {0}")]
    Server(String),
}

impl AppError {
    /// A 422 refusal of the input, with `message` for the person.
    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::Refused { status: Some(422), field: None, message: message.into() }
    }

    /// What went wrong, in the page's language: the server's own words when the table lacks
    /// them (a refusal that names a value, say).
    pub fn told(&self, tr: crate::i18n::T) -> String {
        match self {
            AppError::Unauthorized => tr.s("Please sign in").to_owned(),
            AppError::Forbidden => tr.s("You do not have permission to do this").to_owned(),
            AppError::Server(detail) => tr.fill("Something went wrong: {}", &[detail]),
            AppError::Refused { message, .. } => tr.say(message).to_owned(),
        }
    }

    /// The HTTP status the REST API answers for the same refusal; `None` for a failure (500).
    pub fn status(&self) -> Option<u16> {
        match self {
            AppError::Unauthorized => Some(401),
            AppError::Forbidden => Some(403),
            AppError::Refused { status, .. } => *status,
            AppError::Server(_) => None,
        }
    }

    /// The input at fault, when the refusal names one.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Refused { field, .. } => field.as_deref(),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Server(value.to_string())
    }

    /// Our own errors, or a plain `{"detail"}` answer from a server layer in front of the
    /// function (the rate limiter, the origin check) shown as its message.
    fn de(data: leptos::server_fn::Bytes) -> Self {
        #[derive(Deserialize)]
        struct Detail {
            detail: String,
        }
        serde_json::from_slice::<AppError>(&data)
            .or_else(|_| {
                serde_json::from_slice::<Detail>(&data).map(|d| AppError::Refused {
                    status: None,
                    field: None,
                    message: d.detail,
                })
            })
            .unwrap_or_else(|e| AppError::Server(e.to_string()))
    }
}

#[cfg(feature = "ssr")]
impl From<domain::DomainError> for AppError {
    fn from(e: domain::DomainError) -> Self {
        use domain::DomainError as D;
        match e {
            D::Unauthorized(_) => AppError::Unauthorized,
            D::Forbidden(_) => AppError::Forbidden,
            D::BadRequest(m) => refused(400, m),
            D::NotFound(m) => refused(404, m),
            D::Conflict(m) => refused(409, m),
            D::TooLarge(m) => refused(413, m),
            D::TooMany(m) => refused(429, m),
            D::Validation { field, message } => AppError::Refused { status: Some(422), field: Some(field), message },
            other => {
                tracing::error!(error = %other, "server function failed");
                AppError::Server("please try again".into())
            }
        }
    }
}

#[cfg(feature = "ssr")]
fn refused(status: u16, message: String) -> AppError {
    AppError::Refused { status: Some(status), field: None, message }
}
