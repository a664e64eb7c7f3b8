//! `/conversations`: staff read conversations and work them — write to the customer, take over
//! from the assistant, hand back, close (the domain checks roles and audits).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use domain::AppState;
use domain::chat::staff;
use domain::model::{AgentMessageRequest, ChatMessageOut, ConversationDetail, ConversationFilter, ConversationOut};

use crate::error::ApiResult;
use crate::extract::{Json, Meta, Path, Query, Staff};

/// `GET /conversations?status=&assigned_to=&skip=&limit=`; the total is in `X-Total-Count`.
pub async fn list(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Query(filter): Query<ConversationFilter>,
) -> ApiResult<(HeaderMap, Json<Vec<ConversationOut>>)> {
    let (list, total) = staff::list(&state, &actor, &filter).await?;
    let mut headers = HeaderMap::new();
    if let Ok(value) = total.to_string().parse() {
        headers.insert("x-total-count", value);
    }
    Ok((headers, Json(list)))
}

/// `GET /conversations/{id}` with the transcript.
pub async fn get(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<String>,
) -> ApiResult<Json<ConversationDetail>> {
    Ok(Json(staff::get(&state, &actor, &id).await?))
}

/// `POST /conversations/{id}/messages` `{content}` → 201.
pub async fn message(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(id): Path<String>,
    Json(req): Json<AgentMessageRequest>,
) -> ApiResult<(StatusCode, Json<ChatMessageOut>)> {
    Ok((StatusCode::CREATED, Json(staff::agent_message(&state, &actor, &id, &req.content, &meta).await?)))
}

/// `POST /conversations/{id}/takeover`.
pub async fn take_over(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(id): Path<String>,
) -> ApiResult<Json<ConversationDetail>> {
    Ok(Json(staff::take_over(&state, &actor, &id, &meta).await?))
}

/// `POST /conversations/{id}/handback`.
pub async fn hand_back(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(id): Path<String>,
) -> ApiResult<Json<ConversationDetail>> {
    Ok(Json(staff::hand_back(&state, &actor, &id, &meta).await?))
}

/// `POST /conversations/{id}/close`.
pub async fn close(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(id): Path<String>,
) -> ApiResult<Json<ConversationDetail>> {
    Ok(Json(staff::close(&state, &actor, &id, &meta).await?))
}
