//! `/chat/*`: the customer chat. No staff authentication: the visitor token that `/chat/start`
//! returns (header `X-Visitor-Token`) is the customer's key for everything after the start; a
//! conversation id alone opens nothing.

use axum::Extension;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::AppState;
use domain::model::{
    ChatMessageOut, EscalateRequest, EscalateResponse, HistoryParams, IdentifyRequest, OfflineMessageRequest,
    OfflineMessageResponse, RatingOut, RatingRequest, SendMessageRequest, StartChatRequest, StartChatResponse,
    VisitorExport,
};

use crate::error::ApiResult;
use crate::extract::{Json, Meta, Path, Query};
use crate::openapi::errors::{Invalid, Limited, NotFound, UnknownConversation};
use crate::ratelimit::Limits;
use domain::model::ErrorBody;

/// `POST /chat/start`.
#[utoipa::path(post, path = "/chat/start", tag = "chat", operation_id = "chat_start", request_body = StartChatRequest,
    responses((status = 200, description = "OK", body = StartChatResponse), Invalid, Limited))]
pub async fn start(
    State(state): State<AppState>,
    Meta(meta): Meta,
    Json(req): Json<StartChatRequest>,
) -> ApiResult<Json<StartChatResponse>> {
    Ok(Json(domain::chat::start(&state, &req, &meta).await?))
}

/// `POST /chat/message` with `X-Visitor-Token` (a budget per conversation).
#[utoipa::path(post, path = "/chat/message", tag = "chat", operation_id = "chat_message",
    request_body = SendMessageRequest,
    params(("X-Visitor-Token" = String, Header, description = "The visitor token from /chat/start")),
    responses(
        (status = 200, description = "The stored message's reply", body = domain::model::SendMessageResponse),
        (status = 400, description = "Empty message", body = ErrorBody),
        (status = 401, description = "No visitor token", body = ErrorBody),
        (status = 403, description = "The visitor token does not open this conversation", body = ErrorBody),
        UnknownConversation,
        (status = 413, description = "Message too long", body = ErrorBody),
        Invalid, Limited
    ))]
pub async fn message(
    State(state): State<AppState>,
    Extension(limits): Extension<Limits>,
    headers: HeaderMap,
    Json(req): Json<SendMessageRequest>,
) -> ApiResult<Response> {
    if let Some(limit) = &limits.chat_message
        && let Some(refused) = limit.refuse(&format!("conversation:{}", req.conversation_id.trim().to_lowercase()))
    {
        return Ok(refused);
    }
    Ok(Json(domain::chat::send_customer_message(&state, visitor_token(&headers), &req).await?).into_response())
}

/// `POST /chat/escalate` with `X-Visitor-Token`; the client's `priority` is ignored.
#[utoipa::path(post, path = "/chat/escalate", tag = "chat", operation_id = "chat_escalate",
    request_body = EscalateRequest,
    params(("X-Visitor-Token" = String, Header, description = "The visitor token from /chat/start")),
    responses(
        (status = 200, description = "OK", body = EscalateResponse),
        (status = 401, description = "No visitor token", body = ErrorBody),
        (status = 403, description = "The visitor token does not open this conversation", body = ErrorBody),
        UnknownConversation,
        (status = 409, description = "The conversation is closed", body = ErrorBody),
        Invalid
    ))]
pub async fn escalate(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<EscalateRequest>,
) -> ApiResult<Json<EscalateResponse>> {
    Ok(Json(domain::chat::escalate(&state, visitor_token(&headers), &req).await?))
}

/// `GET /chat/{id}/messages?after_seq=` with `X-Visitor-Token`.
#[utoipa::path(get, path = "/chat/{id}/messages", tag = "chat", operation_id = "chat_history",
    params(("id" = String, Path, description = "The id"), HistoryParams,
        ("X-Visitor-Token" = String, Header, description = "The visitor token from /chat/start")),
    responses((status = 200, description = "OK", body = [ChatMessageOut]), Invalid, NotFound))]
pub async fn history(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(params): Query<HistoryParams>,
) -> ApiResult<Json<Vec<ChatMessageOut>>> {
    Ok(Json(domain::chat::history(&state, &id, visitor_token(&headers), params.after_seq.unwrap_or(0)).await?))
}

/// `GET /chat/{id}/export` with `X-Visitor-Token`: the customer's own copy of the conversation.
#[utoipa::path(get, path = "/chat/{id}/export", tag = "chat", operation_id = "chat_export",
    params(("id" = String, Path, description = "The conversation id"),
        ("X-Visitor-Token" = String, Header, description = "The visitor token from /chat/start")),
    responses(
        (status = 200, description = "The whole conversation", body = VisitorExport),
        (status = 401, description = "No visitor token", body = ErrorBody),
        (status = 403, description = "Another conversation's token", body = ErrorBody),
        UnknownConversation
    ))]
pub async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult<Json<VisitorExport>> {
    Ok(Json(domain::chat::visitor::export(&state, &id, visitor_token(&headers)).await?))
}

/// The widget's "download a copy" form: `token=<visitor token>`.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // Documents the form; the body is read by hand.
pub struct CopyForm {
    /// The visitor token from /chat/start.
    pub token: String,
}

/// `POST /chat/{id}/export` with the form field `token`: the same copy as a file download, for
/// the widget's plain form (the token travels in the body, never in a URL or a log).
#[utoipa::path(post, path = "/chat/{id}/export", tag = "chat", operation_id = "chat_export_download",
    params(("id" = String, Path, description = "The conversation id")),
    request_body(content = CopyForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "The whole conversation, as an attachment", body = VisitorExport),
        (status = 401, description = "No visitor token", body = ErrorBody),
        (status = 403, description = "Another conversation's token", body = ErrorBody),
        UnknownConversation
    ))]
pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<(HeaderMap, Json<VisitorExport>)> {
    let form = std::str::from_utf8(&body).unwrap_or_default();
    // Visitor tokens are URL-safe: no decoding is needed, and an encoded one simply does not match.
    let token = form.split('&').find_map(|pair| pair.strip_prefix("token="));
    let copy = domain::chat::visitor::export(&state, &id, token).await?;
    Ok((crate::headers::attachment(&format!("conversation-{}.json", copy.conversation_id)), Json(copy)))
}

/// `POST /chat/{id}/rating` `{score, comment?}` with `X-Visitor-Token`.
#[utoipa::path(post, path = "/chat/{id}/rating", tag = "chat", operation_id = "chat_rating",
    params(("id" = String, Path, description = "The conversation id"),
        ("X-Visitor-Token" = String, Header, description = "The visitor token from /chat/start")),
    request_body = RatingRequest,
    responses(
        (status = 200, description = "Stored", body = RatingOut),
        (status = 401, description = "No visitor token", body = ErrorBody),
        (status = 403, description = "Another conversation's token", body = ErrorBody),
        UnknownConversation,
        (status = 422, description = "Score outside 1–5 or comment too long", body = ErrorBody)
    ))]
pub async fn rating(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(req): Json<RatingRequest>,
) -> ApiResult<Json<RatingOut>> {
    Ok(Json(domain::chat::widget::rate(&state, &id, visitor_token(&headers), &req).await?))
}

/// `POST /chat/offline` → 201: a message left outside business hours becomes a ticket.
#[utoipa::path(post, path = "/chat/offline", tag = "chat", operation_id = "chat_offline",
    request_body = OfflineMessageRequest,
    responses(
        (status = 201, description = "The ticket it opened", body = OfflineMessageResponse),
        (status = 404, description = "Unknown inbox", body = ErrorBody),
        (status = 413, description = "Message too long", body = ErrorBody),
        Invalid, Limited
    ))]
pub async fn offline(
    State(state): State<AppState>,
    Json(req): Json<OfflineMessageRequest>,
) -> ApiResult<(StatusCode, Json<OfflineMessageResponse>)> {
    Ok((StatusCode::CREATED, Json(domain::chat::widget::offline(&state, &req).await?)))
}

/// `POST /chat/identify` `{conversation_id, identity_token}` with `X-Visitor-Token`.
#[utoipa::path(post, path = "/chat/identify", tag = "chat", operation_id = "chat_identify",
    params(("X-Visitor-Token" = String, Header, description = "The visitor token from /chat/start")),
    request_body = IdentifyRequest,
    responses(
        (status = 200, description = "`{identified}`: false when the token was refused (the chat goes on anonymously)"),
        (status = 401, description = "No visitor token", body = ErrorBody),
        (status = 403, description = "Another conversation's token", body = ErrorBody),
        UnknownConversation
    ))]
pub async fn identify(
    State(state): State<AppState>,
    headers: HeaderMap,
    Meta(meta): Meta,
    Json(req): Json<IdentifyRequest>,
) -> ApiResult<Json<serde_json::Value>> {
    let identified = domain::chat::widget::identify(&state, visitor_token(&headers), &req, &meta).await?;
    Ok(Json(serde_json::json!({ "identified": identified })))
}

fn visitor_token(headers: &HeaderMap) -> Option<&str> {
    headers.get("x-visitor-token").and_then(|v| v.to_str().ok())
}
