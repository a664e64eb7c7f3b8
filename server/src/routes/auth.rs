//! `/auth/*`: staff sign-in, the current user, token refresh and sign-out.

use axum::extract::State;
use axum::http::StatusCode;
use domain::AppState;
use domain::model::{LoginRequest, LogoutRequest, RefreshRequest, TokenResponse, UserOut};

use crate::error::{ApiError, ApiResult};
use crate::extract::{Json, Meta, Staff};

/// `POST /auth/login`.
pub async fn login(
    State(state): State<AppState>,
    Meta(meta): Meta,
    Json(req): Json<LoginRequest>,
) -> ApiResult<Json<TokenResponse>> {
    Ok(Json(domain::auth::login(&state, &req.username, &req.password, &meta).await?))
}

/// `GET /auth/me`.
pub async fn me(State(state): State<AppState>, Staff(user): Staff) -> ApiResult<Json<UserOut>> {
    Ok(Json(domain::users::find_out(&state, user.id).await?))
}

/// `POST /auth/refresh`: rotates the refresh token.
pub async fn refresh(
    State(state): State<AppState>,
    Meta(meta): Meta,
    Json(req): Json<RefreshRequest>,
) -> ApiResult<Json<TokenResponse>> {
    Ok(Json(domain::auth::refresh(&state, &req.refresh_token, &meta).await?))
}

/// `POST /auth/logout`: revokes the given refresh token's family (or all of the user's).
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
    domain::auth::logout(&state, &user, req.refresh_token.as_deref(), &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
