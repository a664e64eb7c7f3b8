//! `/assistant`: try the assistant without a conversation, and review its answers (the
//! accuracy log).

use axum::extract::State;
use domain::AppState;
use domain::assistant::answers;
use domain::model::{AnswerFilter, AnswerRecord, AskRequest, AskResponse, VerdictRequest};

use crate::error::ApiResult;
use crate::extract::{Json, Meta, Path, Query, Staff};

/// `POST /assistant/ask`.
pub async fn ask(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Json(req): Json<AskRequest>,
) -> ApiResult<Json<AskResponse>> {
    Ok(Json(answers::ask(&state, &actor, &req).await?))
}

/// `GET /assistant/answers?verdict=&min_confidence=&max_confidence=&limit=&offset=`.
pub async fn list(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Query(filter): Query<AnswerFilter>,
) -> ApiResult<Json<Vec<AnswerRecord>>> {
    Ok(Json(answers::list(&state, &actor, &filter).await?))
}

/// `GET /assistant/answers/{id}`.
pub async fn get(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<i64>,
) -> ApiResult<Json<AnswerRecord>> {
    Ok(Json(answers::get(&state, &actor, id).await?))
}

/// `POST /assistant/answers/{id}/verdict`: helpful or wrong.
pub async fn verdict(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(id): Path<i64>,
    Json(req): Json<VerdictRequest>,
) -> ApiResult<Json<AnswerRecord>> {
    Ok(Json(answers::set_verdict(&state, &actor, id, &req, &meta).await?))
}
