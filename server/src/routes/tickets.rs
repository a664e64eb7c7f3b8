//! `/tickets`: staff read and work tickets (the domain checks roles and audits).

use axum::http::{HeaderMap, StatusCode};
use domain::model::{
    AssignRequest, CreateNoteRequest, CreateTicketRequest, NoteOut, PriorityRequest, StatusRequest, TicketFilter,
    TicketOut,
};
use domain::tickets::actions;

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Path, Query};
use crate::openapi::errors::{Limited, NotFound, StaffErrors};

/// `GET /tickets?status=&priority=&assigned_to=&skip=&limit=`; the total is in `X-Total-Count`.
#[utoipa::path(get, path = "/tickets", tag = "tickets", operation_id = "tickets_list", params(TicketFilter),
    responses(
        (status = 200, description = "One page; the total is in X-Total-Count", body = [TicketOut],
            headers(("X-Total-Count" = u64, description = "How many match in all"))),
        StaffErrors, Limited
    ), security(("bearer" = [])))]
pub async fn list(
    Desk { state, actor, .. }: Desk,
    Query(filter): Query<TicketFilter>,
) -> ApiResult<(HeaderMap, Json<Vec<TicketOut>>)> {
    let (tickets, total) = domain::tickets::list(&state, &actor, &filter).await?;
    Ok(crate::routes::counted(tickets, total))
}

/// `GET /tickets/{ticket_id}`.
#[utoipa::path(get, path = "/tickets/{ticket_id}", tag = "tickets", operation_id = "tickets_get",
    params(("ticket_id" = String, Path, description = "The ticket id (TKT-…)")),
    responses((status = 200, description = "OK", body = TicketOut), StaffErrors, NotFound, Limited),
    security(("bearer" = [])))]
pub async fn get(Desk { state, actor, .. }: Desk, Path(ticket_id): Path<String>) -> ApiResult<Json<TicketOut>> {
    Ok(Json(domain::tickets::get(&state, &actor, &ticket_id).await?))
}

/// `POST /tickets` → 200, as the API reference shows.
#[utoipa::path(post, path = "/tickets", tag = "tickets", operation_id = "tickets_create",
    request_body = CreateTicketRequest,
    responses((status = 200, description = "OK", body = TicketOut), StaffErrors, Limited), security(("bearer" = [])))]
pub async fn create(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<CreateTicketRequest>,
) -> ApiResult<Json<TicketOut>> {
    Ok(Json(actions::create(&state, &actor, &req, &meta).await?))
}

/// `POST /tickets/{ticket_id}/assign` `{agentId}`.
#[utoipa::path(post, path = "/tickets/{ticket_id}/assign", tag = "tickets", operation_id = "tickets_assign",
    params(("ticket_id" = String, Path, description = "The ticket id (TKT-…)")), request_body = AssignRequest,
    responses((status = 200, description = "OK", body = TicketOut), StaffErrors, NotFound, Limited),
    security(("bearer" = [])))]
pub async fn assign(
    Desk { state, actor, meta }: Desk,
    Path(ticket_id): Path<String>,
    Json(req): Json<AssignRequest>,
) -> ApiResult<Json<TicketOut>> {
    Ok(Json(actions::assign(&state, &actor, &ticket_id, req.agent_id, &meta).await?))
}

/// `PATCH /tickets/{ticket_id}/status` `{status}` (any case).
#[utoipa::path(patch, path = "/tickets/{ticket_id}/status", tag = "tickets", operation_id = "tickets_status",
    params(("ticket_id" = String, Path, description = "The ticket id (TKT-…)")), request_body = StatusRequest,
    responses((status = 200, description = "OK", body = TicketOut), StaffErrors, NotFound, Limited),
    security(("bearer" = [])))]
pub async fn status(
    Desk { state, actor, meta }: Desk,
    Path(ticket_id): Path<String>,
    Json(req): Json<StatusRequest>,
) -> ApiResult<Json<TicketOut>> {
    Ok(Json(actions::set_status(&state, &actor, &ticket_id, req.status, &meta).await?))
}

/// `PATCH /tickets/{ticket_id}/priority` `{priority}` (any case).
#[utoipa::path(patch, path = "/tickets/{ticket_id}/priority", tag = "tickets", operation_id = "tickets_priority",
    params(("ticket_id" = String, Path, description = "The ticket id (TKT-…)")), request_body = PriorityRequest,
    responses((status = 200, description = "OK", body = TicketOut), StaffErrors, NotFound, Limited),
    security(("bearer" = [])))]
pub async fn priority(
    Desk { state, actor, meta }: Desk,
    Path(ticket_id): Path<String>,
    Json(req): Json<PriorityRequest>,
) -> ApiResult<Json<TicketOut>> {
    Ok(Json(actions::set_priority(&state, &actor, &ticket_id, req.priority, &meta).await?))
}

/// `GET /tickets/{ticket_id}/notes`.
#[utoipa::path(get, path = "/tickets/{ticket_id}/notes", tag = "tickets", operation_id = "tickets_notes",
    params(("ticket_id" = String, Path, description = "The ticket id (TKT-…)")),
    responses((status = 200, description = "OK", body = [NoteOut]), StaffErrors, NotFound, Limited),
    security(("bearer" = [])))]
pub async fn notes(Desk { state, actor, .. }: Desk, Path(ticket_id): Path<String>) -> ApiResult<Json<Vec<NoteOut>>> {
    Ok(Json(actions::notes(&state, &actor, &ticket_id).await?))
}

/// `POST /tickets/{ticket_id}/notes` → 201.
#[utoipa::path(post, path = "/tickets/{ticket_id}/notes", tag = "tickets", operation_id = "tickets_add_note",
    params(("ticket_id" = String, Path, description = "The ticket id (TKT-…)")), request_body = CreateNoteRequest,
    responses((status = 201, description = "Created", body = NoteOut), StaffErrors, NotFound, Limited),
    security(("bearer" = [])))]
pub async fn add_note(
    Desk { state, actor, meta }: Desk,
    Path(ticket_id): Path<String>,
    Json(req): Json<CreateNoteRequest>,
) -> ApiResult<(StatusCode, Json<NoteOut>)> {
    Ok((StatusCode::CREATED, Json(actions::add_note(&state, &actor, &ticket_id, &req, &meta).await?)))
}
