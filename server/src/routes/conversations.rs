//! `/conversations`: staff read conversations and work them — write to the customer, take over
//! from the assistant, hand back, close (the domain checks roles and audits).

use axum::http::{HeaderMap, StatusCode};
use domain::chat::staff;
use domain::model::{
    AgentMessageRequest, ChatMessageOut, ConversationDetail, ConversationFilter, ConversationOut, ReadRequest,
};

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Path, Query};
use crate::openapi::errors::{NotFound, StaffErrors};

/// `GET /conversations?status=&assigned_to=&skip=&limit=`; the total is in `X-Total-Count`.
#[utoipa::path(get, path = "/conversations", tag = "conversations", operation_id = "conversations_list",
    params(ConversationFilter),
    responses(
        (status = 200, description = "One page; the total is in X-Total-Count", body = [ConversationOut],
            headers(("X-Total-Count" = u64, description = "How many match in all"))),
        StaffErrors
    ), security(("bearer" = [])))]
pub async fn list(
    Desk { state, actor, .. }: Desk,
    Query(filter): Query<ConversationFilter>,
) -> ApiResult<(HeaderMap, Json<Vec<ConversationOut>>)> {
    let (list, total) = staff::list(&state, &actor, &filter).await?;
    Ok(crate::routes::counted(list, total))
}

/// `GET /conversations/{id}` with the transcript.
#[utoipa::path(get, path = "/conversations/{id}", tag = "conversations", operation_id = "conversations_get",
    params(("id" = String, Path, description = "The id")),
    responses((status = 200, description = "OK", body = ConversationDetail), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn get(Desk { state, actor, meta }: Desk, Path(id): Path<String>) -> ApiResult<Json<ConversationDetail>> {
    Ok(Json(staff::get(&state, &actor, &id, &meta).await?))
}

/// `POST /conversations/{id}/messages` `{content}` → 201.
#[utoipa::path(post, path = "/conversations/{id}/messages", tag = "conversations",
    operation_id = "conversations_message", params(("id" = String, Path, description = "The id")),
    request_body = AgentMessageRequest,
    responses((status = 201, description = "Created", body = ChatMessageOut), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn message(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<String>,
    Json(req): Json<AgentMessageRequest>,
) -> ApiResult<(StatusCode, Json<ChatMessageOut>)> {
    Ok((StatusCode::CREATED, Json(staff::agent_message(&state, &actor, &id, &req.content, &meta).await?)))
}

/// Where a conversation has been read: by a person on the bank's side, and by the customer.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ReadState {
    pub agent_read_seq: i64,
    pub customer_read_seq: i64,
}

/// `POST /conversations/{id}/read`: a person read the transcript up to `up_to` (the customer's
/// widget shows it as read). ADMIN, SUPERVISOR, or the AGENT whose conversation it is.
#[utoipa::path(post, path = "/conversations/{id}/read", tag = "conversations",
    operation_id = "conversations_read", params(("id" = String, Path, description = "The id")),
    request_body = ReadRequest,
    responses((status = 200, description = "OK", body = ReadState), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn read(
    Desk { state, actor, .. }: Desk,
    Path(id): Path<String>,
    Json(req): Json<ReadRequest>,
) -> ApiResult<Json<ReadState>> {
    let (agent_read_seq, customer_read_seq) = domain::chat::read::by_staff(&state, &actor, &id, req.up_to).await?;
    Ok(Json(ReadState { agent_read_seq, customer_read_seq }))
}

/// `POST /conversations/{id}/takeover`.
#[utoipa::path(post, path = "/conversations/{id}/takeover", tag = "conversations",
    operation_id = "conversations_take_over", params(("id" = String, Path, description = "The id")),
    responses((status = 200, description = "OK", body = ConversationDetail), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn take_over(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<String>,
) -> ApiResult<Json<ConversationDetail>> {
    Ok(Json(staff::take_over(&state, &actor, &id, &meta).await?))
}

/// `POST /conversations/{id}/handback`.
#[utoipa::path(post, path = "/conversations/{id}/handback", tag = "conversations",
    operation_id = "conversations_hand_back", params(("id" = String, Path, description = "The id")),
    responses((status = 200, description = "OK", body = ConversationDetail), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn hand_back(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<String>,
) -> ApiResult<Json<ConversationDetail>> {
    Ok(Json(staff::hand_back(&state, &actor, &id, &meta).await?))
}

/// `POST /conversations/{id}/close`.
#[utoipa::path(post, path = "/conversations/{id}/close", tag = "conversations", operation_id = "conversations_close",
    params(("id" = String, Path, description = "The id")),
    responses((status = 200, description = "OK", body = ConversationDetail), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn close(Desk { state, actor, meta }: Desk, Path(id): Path<String>) -> ApiResult<Json<ConversationDetail>> {
    Ok(Json(staff::close(&state, &actor, &id, &meta).await?))
}
