//! `/agents`: presence and the team as routing sees it.

use axum::extract::State;
use domain::AppState;
use domain::model::{AgentOut, PresenceRequest};

use crate::error::ApiResult;
use crate::extract::{Json, Meta, Staff};

/// `GET /agents`.
pub async fn list(State(state): State<AppState>, Staff(actor): Staff) -> ApiResult<Json<Vec<AgentOut>>> {
    Ok(Json(domain::routing::agents(&state, &actor).await?))
}

/// `PUT /agents/me/presence` `{status}`: online, away or offline.
pub async fn presence(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Json(req): Json<PresenceRequest>,
) -> ApiResult<Json<AgentOut>> {
    Ok(Json(domain::routing::set_presence(&state, &actor, req.status, &meta).await?))
}
