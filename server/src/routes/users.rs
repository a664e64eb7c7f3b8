//! `/users`: staff accounts (ADMIN only; the domain checks it).

use axum::http::StatusCode;
use domain::model::{CreateUserRequest, UpdateUserRequest, UserOut};

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Path};
use crate::openapi::errors::{Forbidden, NotFound, StaffErrors, Unauthorized};

/// `POST /users` → 201.
#[utoipa::path(post, path = "/users", tag = "users", operation_id = "users_create", request_body = CreateUserRequest,
    responses((status = 201, description = "Created", body = UserOut), StaffErrors), security(("bearer" = [])))]
pub async fn create(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<CreateUserRequest>,
) -> ApiResult<(StatusCode, Json<UserOut>)> {
    let user = domain::users::create(&state, &actor, &req, &meta).await?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// `GET /users`.
#[utoipa::path(get, path = "/users", tag = "users", operation_id = "users_list",
    responses((status = 200, description = "OK", body = [UserOut]), Unauthorized, Forbidden),
    security(("bearer" = [])))]
pub async fn list(Desk { state, actor, .. }: Desk) -> ApiResult<Json<Vec<UserOut>>> {
    Ok(Json(domain::users::list(&state, &actor).await?))
}

/// `GET /users/{id}`.
#[utoipa::path(get, path = "/users/{id}", tag = "users", operation_id = "users_get",
    params(("id" = i64, Path, description = "The id")),
    responses((status = 200, description = "OK", body = UserOut), StaffErrors, NotFound), security(("bearer" = [])))]
pub async fn get(Desk { state, actor, .. }: Desk, Path(id): Path<i32>) -> ApiResult<Json<UserOut>> {
    Ok(Json(domain::users::get(&state, &actor, id).await?))
}

/// `PATCH /users/{id}`.
#[utoipa::path(patch, path = "/users/{id}", tag = "users", operation_id = "users_update",
    params(("id" = i64, Path, description = "The id")), request_body = UpdateUserRequest,
    responses((status = 200, description = "OK", body = UserOut), StaffErrors, NotFound), security(("bearer" = [])))]
pub async fn update(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<i32>,
    Json(req): Json<UpdateUserRequest>,
) -> ApiResult<Json<UserOut>> {
    Ok(Json(domain::users::update(&state, &actor, id, &req, &meta).await?))
}
