//! `/inboxes` (ADMIN): the bank websites that embed the widget; `/widget/config` (public): what
//! the widget needs before the first message.

use axum::extract::State;
use axum::http::StatusCode;
use domain::AppState;
use domain::model::{ErrorBody, InboxOut, InboxRequest, WidgetConfig, WidgetConfigParams};

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Path, Query};
use crate::openapi::errors::{AdminOnly, Invalid, NotFound, Unauthorized};

/// `GET /inboxes`.
#[utoipa::path(get, path = "/inboxes", tag = "inboxes", operation_id = "inboxes_list",
    responses((status = 200, description = "Every inbox", body = [InboxOut]), Unauthorized, AdminOnly),
    security(("bearer" = [])))]
pub async fn list(Desk { state, actor, .. }: Desk) -> ApiResult<Json<Vec<InboxOut>>> {
    Ok(Json(domain::inboxes::list(&state, &actor).await?))
}

/// `POST /inboxes` → 201, with the identity secret (shown this once).
#[utoipa::path(post, path = "/inboxes", tag = "inboxes", operation_id = "inboxes_create", request_body = InboxRequest,
    responses(
        (status = 201, description = "Created; `identity_secret` is shown this once", body = InboxOut),
        Unauthorized, AdminOnly, Invalid
    ), security(("bearer" = [])))]
pub async fn create(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<InboxRequest>,
) -> ApiResult<(StatusCode, Json<InboxOut>)> {
    Ok((StatusCode::CREATED, Json(domain::inboxes::create(&state, &actor, &req, &meta).await?)))
}

/// `GET /inboxes/{id}`.
#[utoipa::path(get, path = "/inboxes/{id}", tag = "inboxes", operation_id = "inboxes_get",
    params(("id" = i64, Path, description = "The inbox id")),
    responses((status = 200, description = "The inbox", body = InboxOut), Unauthorized, AdminOnly, NotFound),
    security(("bearer" = [])))]
pub async fn get(Desk { state, actor, .. }: Desk, Path(id): Path<i32>) -> ApiResult<Json<InboxOut>> {
    Ok(Json(domain::inboxes::get(&state, &actor, id).await?))
}

/// `PUT /inboxes/{id}`: everything but the key and the secret.
#[utoipa::path(put, path = "/inboxes/{id}", tag = "inboxes", operation_id = "inboxes_update",
    params(("id" = i64, Path, description = "The inbox id")), request_body = InboxRequest,
    responses((status = 200, description = "Updated", body = InboxOut), Unauthorized, AdminOnly, NotFound, Invalid),
    security(("bearer" = [])))]
pub async fn update(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<i32>,
    Json(req): Json<InboxRequest>,
) -> ApiResult<Json<InboxOut>> {
    Ok(Json(domain::inboxes::update(&state, &actor, id, &req, &meta).await?))
}

/// `DELETE /inboxes/{id}` → 204: deactivates the inbox (its widget stops loading).
#[utoipa::path(delete, path = "/inboxes/{id}", tag = "inboxes", operation_id = "inboxes_deactivate",
    params(("id" = i64, Path, description = "The inbox id")),
    responses((status = 204, description = "Deactivated"), Unauthorized, AdminOnly, NotFound),
    security(("bearer" = [])))]
pub async fn deactivate(Desk { state, actor, meta }: Desk, Path(id): Path<i32>) -> ApiResult<StatusCode> {
    domain::inboxes::deactivate(&state, &actor, id, &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /inboxes/{id}/secret`: a new identity secret, shown this once.
#[utoipa::path(post, path = "/inboxes/{id}/secret", tag = "inboxes", operation_id = "inboxes_rotate_secret",
    params(("id" = i64, Path, description = "The inbox id")),
    responses(
        (status = 200, description = "The inbox with its new `identity_secret`", body = InboxOut),
        Unauthorized, AdminOnly, NotFound
    ), security(("bearer" = [])))]
pub async fn rotate_secret(Desk { state, actor, meta }: Desk, Path(id): Path<i32>) -> ApiResult<Json<InboxOut>> {
    Ok(Json(domain::inboxes::rotate_secret(&state, &actor, id, &meta).await?))
}

/// `GET /widget/config?inbox=KEY` (no auth).
#[utoipa::path(get, path = "/widget/config", tag = "inboxes", operation_id = "widget_config",
    params(WidgetConfigParams),
    responses(
        (status = 200, description = "The widget's look, greeting, language, form and hours", body = WidgetConfig),
        (status = 404, description = "No active inbox has this key", body = ErrorBody),
        Invalid
    ))]
pub async fn widget_config(
    State(state): State<AppState>,
    Query(params): Query<WidgetConfigParams>,
) -> ApiResult<Json<WidgetConfig>> {
    Ok(Json(domain::inboxes::widget_config(&state, &params.inbox).await?))
}
