//! `/tickets`: staff read tickets (the domain checks roles).

use axum::extract::State;
use axum::http::HeaderMap;
use domain::AppState;
use domain::model::{TicketFilter, TicketOut};

use crate::error::ApiResult;
use crate::extract::{Json, Path, Query, Staff};

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
