//! `/system/status`: the system's state for its ADMIN.

use domain::model::SystemStatus;

use crate::error::ApiResult;
use crate::extract::{Desk, Json};
use crate::openapi::errors::{AdminOnly, Unauthorized};

/// `GET /system/status`: the database, the LLM provider and its breaker, the last e-mail
/// delivery, the outbox, sockets, version and uptime.
#[utoipa::path(get, path = "/system/status", tag = "system", operation_id = "system_status",
    responses((status = 200, description = "The system's state now", body = SystemStatus), Unauthorized, AdminOnly),
    security(("bearer" = [])))]
pub async fn status(Desk { state, actor, .. }: Desk) -> ApiResult<Json<SystemStatus>> {
    Ok(Json(domain::system::status(&state, &actor).await?))
}
