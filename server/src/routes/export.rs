//! `/export/{kind}`: conversations (with transcripts), tickets, analytics or staff's working hours as CSV or JSON,
//! streamed as the database is read. ADMIN and SUPERVISOR; audited. Besides a bearer token, the
//! admin panel's session cookie is accepted, so the panel's download links work.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use domain::AppState;
use domain::export::{Format, Kind};
use domain::model::ErrorBody;
use futures::StreamExt;
use serde::Deserialize;

use crate::credentials::Credentials;
use crate::error::{ApiError, ApiResult};
use crate::extract::{Meta, Path, Query};
use crate::openapi::errors::{Forbidden, Invalid};

/// `?format=csv|json&days=`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `csv` (default) or `json`.
    #[serde(default)]
    pub format: Option<String>,
    /// Days back from now (default 30; 1 to 365).
    #[serde(default)]
    pub days: Option<i64>,
}

/// `GET /export/{kind}`: `conversations`, `tickets`, `analytics` or `working-hours`.
#[utoipa::path(get, path = "/export/{kind}", tag = "export", operation_id = "export",
    params(("kind" = String, Path, description = "conversations, tickets, analytics or working-hours"), ExportParams),
    responses(
        (status = 200, description = "The file, streamed (text/csv or application/json)"),
        (status = 404, description = "No such export", body = ErrorBody),
        Invalid,
        (status = 401, description = "No valid staff token or session", body = ErrorBody),
        Forbidden
    ), security(("bearer" = [])))]
pub async fn export(
    State(state): State<AppState>,
    credentials: Credentials,
    Meta(meta): Meta,
    Path(kind): Path<String>,
    Query(params): Query<ExportParams>,
) -> ApiResult<Response> {
    let actor = domain::sessions::authenticate(&state, credentials.required()?).await?;
    let kind = match kind.as_str() {
        "conversations" => Kind::Conversations,
        "tickets" => Kind::Tickets,
        "analytics" => Kind::Analytics,
        "working-hours" => Kind::WorkingHours,
        _ => return Err(ApiError::not_found()),
    };
    let format = Format::parse(params.format.as_deref())?;
    let chunks = domain::export::start(&state, &actor, kind, format, params.days, &meta).await?;
    let body = Body::from_stream(chunks.map(|chunk| {
        chunk.map(axum::body::Bytes::from).map_err(|error| {
            tracing::error!(%error, "export stopped");
            std::io::Error::other("export stopped")
        })
    }));
    let name = format!("joxai-{}.{}", kind.name(), format.extension());
    let content_type = [(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()))];
    Ok((crate::headers::attachment(&name), content_type, body).into_response())
}
