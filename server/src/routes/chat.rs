//! `/chat/*`: the customer chat. No staff authentication: the conversation's UUID is the
//! capability, and reading history needs the visitor token from `/chat/start`.

use axum::Extension;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use domain::AppState;
use domain::model::{
    ChatMessageOut, EscalateRequest, EscalateResponse, HistoryParams, SendMessageRequest, StartChatRequest,
    StartChatResponse,
};

use crate::error::ApiResult;
use crate::extract::{Json, Path, Query};
use crate::ratelimit::Limits;

/// `POST /chat/start`.
pub async fn start(
    State(state): State<AppState>,
    Json(req): Json<StartChatRequest>,
) -> ApiResult<Json<StartChatResponse>> {
    Ok(Json(domain::chat::start(&state, &req).await?))
}

/// `POST /chat/message` (a budget per conversation).
pub async fn message(
    State(state): State<AppState>,
    Extension(limits): Extension<Limits>,
    Json(req): Json<SendMessageRequest>,
) -> ApiResult<Response> {
    if let Some(limit) = &limits.chat_message
        && let Some(refused) = limit.refuse(&format!("conversation:{}", req.conversation_id.trim().to_lowercase()))
    {
        return Ok(refused);
    }
    Ok(Json(domain::chat::send_customer_message(&state, &req).await?).into_response())
}

/// `POST /chat/escalate`.
pub async fn escalate(
    State(state): State<AppState>,
    Json(req): Json<EscalateRequest>,
) -> ApiResult<Json<EscalateResponse>> {
    Ok(Json(domain::chat::escalate(&state, &req).await?))
}

/// `GET /chat/{id}/messages?after_seq=` with `X-Visitor-Token`.
pub async fn history(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(params): Query<HistoryParams>,
) -> ApiResult<Json<Vec<ChatMessageOut>>> {
    let token = headers.get("x-visitor-token").and_then(|v| v.to_str().ok());
    Ok(Json(domain::chat::history(&state, &id, token, params.after_seq.unwrap_or(0)).await?))
}
