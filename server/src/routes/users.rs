//! `/users`: staff accounts (ADMIN only; the domain checks it).

use axum::extract::State;
use axum::http::StatusCode;
use domain::AppState;
use domain::model::{CreateUserRequest, UpdateUserRequest, UserOut};

use crate::error::ApiResult;
use crate::extract::{Json, Meta, Path, Staff};

/// `POST /users` → 201.
pub async fn create(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Json(req): Json<CreateUserRequest>,
) -> ApiResult<(StatusCode, Json<UserOut>)> {
    let user = domain::users::create(&state, &actor, &req, &meta).await?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// `GET /users`.
pub async fn list(State(state): State<AppState>, Staff(actor): Staff) -> ApiResult<Json<Vec<UserOut>>> {
    Ok(Json(domain::users::list(&state, &actor).await?))
}

/// `GET /users/{id}`.
pub async fn get(State(state): State<AppState>, Staff(actor): Staff, Path(id): Path<i32>) -> ApiResult<Json<UserOut>> {
    Ok(Json(domain::users::get(&state, &actor, id).await?))
}

/// `PATCH /users/{id}`.
pub async fn update(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(id): Path<i32>,
    Json(req): Json<UpdateUserRequest>,
) -> ApiResult<Json<UserOut>> {
    Ok(Json(domain::users::update(&state, &actor, id, &req, &meta).await?))
}
