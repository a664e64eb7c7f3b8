//! `/canned-responses`: ready-made replies (staff read; ADMIN and SUPERVISOR write).

use axum::extract::State;
use axum::http::StatusCode;
use domain::AppState;
use domain::model::{CannedRequest, CannedResponse};

use crate::error::ApiResult;
use crate::extract::{Json, Meta, Path, Staff};

/// `GET /canned-responses`.
pub async fn list(State(state): State<AppState>, Staff(actor): Staff) -> ApiResult<Json<Vec<CannedResponse>>> {
    Ok(Json(domain::canned::list(&state, &actor).await?))
}

/// `POST /canned-responses` → 201.
pub async fn create(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Json(req): Json<CannedRequest>,
) -> ApiResult<(StatusCode, Json<CannedResponse>)> {
    Ok((StatusCode::CREATED, Json(domain::canned::create(&state, &actor, &req, &meta).await?)))
}

/// `PUT /canned-responses/{id}`.
pub async fn update(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(id): Path<i32>,
    Json(req): Json<CannedRequest>,
) -> ApiResult<Json<CannedResponse>> {
    Ok(Json(domain::canned::update(&state, &actor, id, &req, &meta).await?))
}

/// `DELETE /canned-responses/{id}` → 204.
pub async fn delete(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(id): Path<i32>,
) -> ApiResult<StatusCode> {
    domain::canned::delete(&state, &actor, id, &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
