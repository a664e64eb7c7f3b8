//! `/assistant`: try the assistant without a conversation, and review its answers (the
//! accuracy log).

use domain::answers;
use domain::model::{AnswerFilter, AnswerRecord, AskRequest, AskResponse, VerdictRequest};

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Path, Query};
use crate::openapi::errors::{NotFound, StaffErrors};

/// `POST /assistant/ask`.
#[utoipa::path(post, path = "/assistant/ask", tag = "assistant", operation_id = "assistant_ask",
    request_body = AskRequest, responses((status = 200, description = "OK", body = AskResponse), StaffErrors),
    security(("bearer" = [])))]
pub async fn ask(Desk { state, actor, .. }: Desk, Json(req): Json<AskRequest>) -> ApiResult<Json<AskResponse>> {
    Ok(Json(answers::ask(&state, &actor, &req).await?))
}

/// `GET /assistant/answers?verdict=&min_confidence=&max_confidence=&limit=&offset=`.
#[utoipa::path(get, path = "/assistant/answers", tag = "assistant", operation_id = "assistant_list",
    params(AnswerFilter), responses((status = 200, description = "OK", body = [AnswerRecord]), StaffErrors),
    security(("bearer" = [])))]
pub async fn list(
    Desk { state, actor, .. }: Desk,
    Query(filter): Query<AnswerFilter>,
) -> ApiResult<Json<Vec<AnswerRecord>>> {
    Ok(Json(answers::list(&state, &actor, &filter).await?))
}

/// `GET /assistant/answers/{id}`.
#[utoipa::path(get, path = "/assistant/answers/{id}", tag = "assistant", operation_id = "assistant_get",
    params(("id" = i64, Path, description = "The id")),
    responses((status = 200, description = "OK", body = AnswerRecord), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn get(Desk { state, actor, .. }: Desk, Path(id): Path<i64>) -> ApiResult<Json<AnswerRecord>> {
    Ok(Json(answers::get(&state, &actor, id).await?))
}

/// `POST /assistant/answers/{id}/verdict`: helpful or wrong.
#[utoipa::path(post, path = "/assistant/answers/{id}/verdict", tag = "assistant", operation_id = "assistant_verdict",
    params(("id" = i64, Path, description = "The id")), request_body = VerdictRequest,
    responses((status = 200, description = "OK", body = AnswerRecord), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn verdict(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<i64>,
    Json(req): Json<VerdictRequest>,
) -> ApiResult<Json<AnswerRecord>> {
    Ok(Json(answers::set_verdict(&state, &actor, id, &req, &meta).await?))
}
