//! `/auth/*`: staff sign-in, the current user (who may rename themselves and change their own
//! password), token refresh and sign-out.

use axum::extract::State;
use axum::http::StatusCode;
use domain::AppState;
use domain::model::{
    ChangePasswordRequest, LoginRequest, LogoutRequest, RefreshRequest, TokenResponse, UpdateMeRequest, UserOut,
};

use crate::error::{ApiError, ApiResult};
use crate::extract::{Desk, Json, Meta, Staff};
use crate::openapi::errors::{Forbidden, Invalid, Limited, Unauthorized};

/// `POST /auth/login`.
#[utoipa::path(post, path = "/auth/login", tag = "auth", operation_id = "auth_login", request_body = LoginRequest,
    responses((status = 200, description = "OK", body = TokenResponse), Invalid, Limited))]
pub async fn login(
    State(state): State<AppState>,
    Meta(meta): Meta,
    Json(req): Json<LoginRequest>,
) -> ApiResult<Json<TokenResponse>> {
    Ok(Json(domain::sessions::login(&state, &req.username, &req.password, &meta).await?))
}

/// `GET /auth/me`.
#[utoipa::path(get, path = "/auth/me", tag = "auth", operation_id = "auth_me",
    responses((status = 200, description = "OK", body = UserOut), Unauthorized, Forbidden), security(("bearer" = [])))]
pub async fn me(State(state): State<AppState>, Staff(user): Staff) -> ApiResult<Json<UserOut>> {
    Ok(Json(domain::users::find_out(&state, user.id).await?))
}

/// `PUT /auth/me` `{full_name}`: a staff member's own name.
#[utoipa::path(put, path = "/auth/me", tag = "auth", operation_id = "auth_update_me", request_body = UpdateMeRequest,
    responses((status = 200, description = "OK", body = UserOut), Invalid, Unauthorized), security(("bearer" = [])))]
pub async fn update_me(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<UpdateMeRequest>,
) -> ApiResult<Json<UserOut>> {
    Ok(Json(domain::users::update_me(&state, &actor, &req, &meta).await?))
}

/// `POST /auth/password` `{current_password, new_password}`: every other session of the staff
/// member ends; this one goes on with the new tokens returned.
#[utoipa::path(post, path = "/auth/password", tag = "auth", operation_id = "auth_change_password",
    request_body = ChangePasswordRequest,
    responses(
        (status = 200, description = "Changed: new tokens", body = TokenResponse), Invalid, Limited, Unauthorized
    ),
    security(("bearer" = [])))]
pub async fn change_password(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<ChangePasswordRequest>,
) -> ApiResult<Json<TokenResponse>> {
    Ok(Json(domain::sessions::change_password(&state, &actor, &req, &meta).await?))
}

/// `POST /auth/refresh`: rotates the refresh token.
#[utoipa::path(post, path = "/auth/refresh", tag = "auth", operation_id = "auth_refresh", request_body = RefreshRequest,
    responses((status = 200, description = "OK", body = TokenResponse), Invalid))]
pub async fn refresh(
    State(state): State<AppState>,
    Meta(meta): Meta,
    Json(req): Json<RefreshRequest>,
) -> ApiResult<Json<TokenResponse>> {
    Ok(Json(domain::sessions::refresh(&state, &req.refresh_token, &meta).await?))
}

/// `POST /auth/logout`: revokes the given refresh token's family (or all of the user's).
#[utoipa::path(post, path = "/auth/logout", tag = "auth", operation_id = "auth_logout",
    request_body(content = Option<LogoutRequest>,
        description = "Optional: the refresh token whose family to revoke; empty revokes all of the user's"),
    responses((status = 204, description = "Done, no body"), Unauthorized, Forbidden), security(("bearer" = [])))]
pub async fn logout(
    State(state): State<AppState>,
    Staff(user): Staff,
    Meta(meta): Meta,
    body: axum::body::Bytes,
) -> ApiResult<StatusCode> {
    // The body is optional: empty means "revoke every refresh token of mine".
    let req: LogoutRequest = if body.iter().all(u8::is_ascii_whitespace) {
        LogoutRequest::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, format!("Invalid body: {e}")))?
    };
    domain::sessions::logout(&state, &user, req.refresh_token.as_deref(), &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
