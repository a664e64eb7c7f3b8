//! `/tickets`: staff read and work tickets (the domain checks roles and audits).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use domain::AppState;
use domain::model::{
    AssignRequest, CreateNoteRequest, CreateTicketRequest, NoteOut, PriorityRequest, StatusRequest, TicketFilter,
    TicketOut,
};
use domain::tickets::actions;

use crate::error::ApiResult;
use crate::extract::{Json, Meta, Path, Query, Staff};

/// `GET /tickets?status=&priority=&assigned_to=&skip=&limit=`; the total is in `X-Total-Count`.
pub async fn list(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Query(filter): Query<TicketFilter>,
) -> ApiResult<(HeaderMap, Json<Vec<TicketOut>>)> {
    let (tickets, total) = domain::tickets::list(&state, &actor, &filter).await?;
    let mut headers = HeaderMap::new();
    if let Ok(value) = total.to_string().parse() {
        headers.insert("x-total-count", value);
    }
    Ok((headers, Json(tickets)))
}

/// `GET /tickets/{ticket_id}`.
pub async fn get(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(ticket_id): Path<String>,
) -> ApiResult<Json<TicketOut>> {
    Ok(Json(domain::tickets::get(&state, &actor, &ticket_id).await?))
}

/// `POST /tickets` → 200, as the API reference shows.
pub async fn create(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Json(req): Json<CreateTicketRequest>,
) -> ApiResult<Json<TicketOut>> {
    Ok(Json(actions::create(&state, &actor, &req, &meta).await?))
}

/// `POST /tickets/{ticket_id}/assign` `{agentId}`.
pub async fn assign(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(ticket_id): Path<String>,
    Json(req): Json<AssignRequest>,
) -> ApiResult<Json<TicketOut>> {
    Ok(Json(actions::assign(&state, &actor, &ticket_id, req.agent_id, &meta).await?))
}

/// `PATCH /tickets/{ticket_id}/status` `{status}` (any case).
pub async fn status(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(ticket_id): Path<String>,
    Json(req): Json<StatusRequest>,
) -> ApiResult<Json<TicketOut>> {
    Ok(Json(actions::set_status(&state, &actor, &ticket_id, req.status, &meta).await?))
}

/// `PATCH /tickets/{ticket_id}/priority` `{priority}` (any case).
pub async fn priority(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(ticket_id): Path<String>,
    Json(req): Json<PriorityRequest>,
) -> ApiResult<Json<TicketOut>> {
    Ok(Json(actions::set_priority(&state, &actor, &ticket_id, req.priority, &meta).await?))
}

/// `GET /tickets/{ticket_id}/notes`.
pub async fn notes(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(ticket_id): Path<String>,
) -> ApiResult<Json<Vec<NoteOut>>> {
    Ok(Json(actions::notes(&state, &actor, &ticket_id).await?))
}

/// `POST /tickets/{ticket_id}/notes` → 201.
pub async fn add_note(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(ticket_id): Path<String>,
    Json(req): Json<CreateNoteRequest>,
) -> ApiResult<(StatusCode, Json<NoteOut>)> {
    Ok((StatusCode::CREATED, Json(actions::add_note(&state, &actor, &ticket_id, &req, &meta).await?)))
}
