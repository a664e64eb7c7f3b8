//! `/agents`: presence and the team as routing sees it.

use domain::model::{AgentOut, PresenceRequest};

use crate::error::ApiResult;
use crate::extract::{Desk, Json};
use crate::openapi::errors::{Forbidden, StaffErrors, Unauthorized};

/// `GET /agents`.
#[utoipa::path(get, path = "/agents", tag = "agents", operation_id = "agents_list",
    responses((status = 200, description = "OK", body = [AgentOut]), Unauthorized, Forbidden),
    security(("bearer" = [])))]
pub async fn list(Desk { state, actor, .. }: Desk) -> ApiResult<Json<Vec<AgentOut>>> {
    Ok(Json(domain::tickets::routing::agents(&state, &actor).await?))
}

/// `PUT /agents/me/presence` `{status}`: online, away or offline.
#[utoipa::path(put, path = "/agents/me/presence", tag = "agents", operation_id = "agents_presence",
    request_body = PresenceRequest, responses((status = 200, description = "OK", body = AgentOut), StaffErrors),
    security(("bearer" = [])))]
pub async fn presence(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<PresenceRequest>,
) -> ApiResult<Json<AgentOut>> {
    Ok(Json(domain::tickets::routing::set_presence(&state, &actor, req.status, &meta).await?))
}
