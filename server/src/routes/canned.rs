//! `/canned-responses`: ready-made replies (staff read; ADMIN and SUPERVISOR write).

use axum::http::StatusCode;
use domain::model::{CannedRequest, CannedResponse};

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Path};
use crate::openapi::errors::{Forbidden, NotFound, StaffErrors, Unauthorized};

/// `GET /canned-responses`.
#[utoipa::path(get, path = "/canned-responses", tag = "canned", operation_id = "canned_list",
    responses((status = 200, description = "OK", body = [CannedResponse]), Unauthorized, Forbidden),
    security(("bearer" = [])))]
pub async fn list(Desk { state, actor, .. }: Desk) -> ApiResult<Json<Vec<CannedResponse>>> {
    Ok(Json(domain::canned::list(&state, &actor).await?))
}

/// `POST /canned-responses` → 201.
#[utoipa::path(post, path = "/canned-responses", tag = "canned", operation_id = "canned_create",
    request_body = CannedRequest,
    responses((status = 201, description = "Created", body = CannedResponse), StaffErrors), security(("bearer" = [])))]
pub async fn create(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<CannedRequest>,
) -> ApiResult<(StatusCode, Json<CannedResponse>)> {
    Ok((StatusCode::CREATED, Json(domain::canned::create(&state, &actor, &req, &meta).await?)))
}

/// `PUT /canned-responses/{id}`.
#[utoipa::path(put, path = "/canned-responses/{id}", tag = "canned", operation_id = "canned_update",
    params(("id" = i64, Path, description = "The id")), request_body = CannedRequest,
    responses((status = 200, description = "OK", body = CannedResponse), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn update(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<i32>,
    Json(req): Json<CannedRequest>,
) -> ApiResult<Json<CannedResponse>> {
    Ok(Json(domain::canned::update(&state, &actor, id, &req, &meta).await?))
}

/// `DELETE /canned-responses/{id}` → 204.
#[utoipa::path(delete, path = "/canned-responses/{id}", tag = "canned", operation_id = "canned_delete",
    params(("id" = i64, Path, description = "The id")),
    responses((status = 204, description = "Done, no body"), StaffErrors, NotFound), security(("bearer" = [])))]
pub async fn delete(Desk { state, actor, meta }: Desk, Path(id): Path<i32>) -> ApiResult<StatusCode> {
    domain::canned::delete(&state, &actor, id, &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
