//! `/settings`: system settings (ADMIN writes, SUPERVISOR reads), each staff member's own, and
//! the public ones (no sign-in); and running the retention job (`/retention/run`, ADMIN).

use axum::extract::State;
use axum::http::StatusCode;
use domain::AppState;
use domain::model::{
    CreateSettingRequest, ErrorBody, PublicSettingOut, RetentionReport, RetentionRequest, SettingCreated,
    SettingDeleted, SettingOut, SettingUpdated, SettingValue, SettingsFilter, UpdateSettingRequest, UserSettingOut,
    UserSettingRequest,
};

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Path, Query};
use crate::openapi::errors::{AdminOnly, Invalid, NotFound, Unauthorized};

/// `GET /settings/system?category=`.
#[utoipa::path(get, path = "/settings/system", tag = "settings", operation_id = "settings_list_system",
    params(SettingsFilter),
    responses(
        (status = 200, description = "OK, by category and key", body = [SettingOut]),
        Unauthorized,
        (status = 403, description = "ADMIN or SUPERVISOR only", body = ErrorBody)
    ), security(("bearer" = [])))]
pub async fn list_system(
    Desk { state, actor, .. }: Desk,
    Query(filter): Query<SettingsFilter>,
) -> ApiResult<Json<Vec<SettingOut>>> {
    Ok(Json(domain::settings::list_system(&state, &actor, &filter).await?))
}

/// `POST /settings/system` → 201.
#[utoipa::path(post, path = "/settings/system", tag = "settings", operation_id = "settings_create_system",
    request_body = CreateSettingRequest,
    responses(
        (status = 201, description = "Created", body = SettingCreated),
        (status = 409, description = "The key exists", body = ErrorBody),
        Invalid, Unauthorized, AdminOnly
    ), security(("bearer" = [])))]
pub async fn create_system(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<CreateSettingRequest>,
) -> ApiResult<(StatusCode, Json<SettingCreated>)> {
    Ok((StatusCode::CREATED, Json(domain::settings::create_system(&state, &actor, &req, &meta).await?)))
}

/// `GET /settings/system/{key}`.
#[utoipa::path(get, path = "/settings/system/{key}", tag = "settings", operation_id = "settings_get_system",
    params(("key" = String, Path, description = "The setting's key")),
    responses(
        (status = 200, description = "OK", body = SettingValue),
        Unauthorized,
        (status = 403, description = "ADMIN or SUPERVISOR only", body = ErrorBody),
        NotFound
    ), security(("bearer" = [])))]
pub async fn get_system(Desk { state, actor, .. }: Desk, Path(key): Path<String>) -> ApiResult<Json<SettingValue>> {
    Ok(Json(domain::settings::get_system(&state, &actor, &key).await?))
}

/// `PUT /settings/system/{key}`.
#[utoipa::path(put, path = "/settings/system/{key}", tag = "settings", operation_id = "settings_update_system",
    params(("key" = String, Path, description = "The setting's key")), request_body = UpdateSettingRequest,
    responses((status = 200, description = "OK", body = SettingUpdated), Invalid, Unauthorized, AdminOnly, NotFound),
    security(("bearer" = [])))]
pub async fn update_system(
    Desk { state, actor, meta }: Desk,
    Path(key): Path<String>,
    Json(req): Json<UpdateSettingRequest>,
) -> ApiResult<Json<SettingUpdated>> {
    Ok(Json(domain::settings::update_system(&state, &actor, &key, &req, &meta).await?))
}

/// `DELETE /settings/system/{key}`: JoxAI goes back to its configured value.
#[utoipa::path(delete, path = "/settings/system/{key}", tag = "settings", operation_id = "settings_delete_system",
    params(("key" = String, Path, description = "The setting's key")),
    responses((status = 200, description = "Deleted", body = SettingDeleted), Unauthorized, AdminOnly, NotFound),
    security(("bearer" = [])))]
pub async fn delete_system(
    Desk { state, actor, meta }: Desk,
    Path(key): Path<String>,
) -> ApiResult<Json<SettingDeleted>> {
    Ok(Json(domain::settings::delete_system(&state, &actor, &key, &meta).await?))
}

/// `GET /settings/user/me`.
#[utoipa::path(get, path = "/settings/user/me", tag = "settings", operation_id = "settings_list_mine",
    responses((status = 200, description = "The caller's own settings", body = [SettingOut]), Unauthorized),
    security(("bearer" = [])))]
pub async fn list_mine(Desk { state, actor, .. }: Desk) -> ApiResult<Json<Vec<SettingOut>>> {
    Ok(Json(domain::settings::list_mine(&state, &actor).await?))
}

/// `POST /settings/user/me/{key}`: sets one of the caller's own settings.
#[utoipa::path(post, path = "/settings/user/me/{key}", tag = "settings", operation_id = "settings_set_mine",
    params(("key" = String, Path, description = "The setting's key")), request_body = UserSettingRequest,
    responses((status = 200, description = "Set", body = UserSettingOut), Invalid, Unauthorized),
    security(("bearer" = [])))]
pub async fn set_mine(
    Desk { state, actor, meta }: Desk,
    Path(key): Path<String>,
    Json(req): Json<UserSettingRequest>,
) -> ApiResult<Json<UserSettingOut>> {
    Ok(Json(domain::settings::set_mine(&state, &actor, &key, &req, &meta).await?))
}

/// `GET /settings/public` (no sign-in).
#[utoipa::path(get, path = "/settings/public", tag = "settings", operation_id = "settings_public",
    responses((status = 200, description = "The public system settings", body = [PublicSettingOut])))]
pub async fn public(State(state): State<AppState>) -> ApiResult<Json<Vec<PublicSettingOut>>> {
    Ok(Json(domain::settings::public(&state).await?))
}

/// `POST /retention/run` `{dry_run}` (ADMIN): deletes what is past its retention period now (or
/// only counts it), and reports per kind; audited.
#[utoipa::path(post, path = "/retention/run", tag = "settings", operation_id = "retention_run",
    request_body = RetentionRequest,
    responses((status = 200, description = "What was past due, and removed", body = RetentionReport), AdminOnly),
    security(("bearer" = [])))]
pub async fn retention_run(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<RetentionRequest>,
) -> ApiResult<Json<RetentionReport>> {
    Ok(Json(domain::retention::run_now(&state, &actor, req.dry_run, &meta).await?))
}
