//! `/audit`: the audit log for ADMIN and VIEWER — filtered pages and the hash-chain check.

use axum::http::HeaderMap;
use domain::model::{AuditFilter, AuditRecord, AuditVerification, ErrorBody};

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Query};
use crate::openapi::errors::{Invalid, Unauthorized};
use crate::routes::counted;

/// `GET /audit?actor_id=&action=&resource_type=&resource_id=&since=&until=&skip=&limit=`.
#[utoipa::path(get, path = "/audit", tag = "audit", operation_id = "audit_list", params(AuditFilter),
    responses(
        (status = 200, description = "One page, newest first; the total is in X-Total-Count", body = [AuditRecord],
            headers(("X-Total-Count" = u64, description = "How many match in all"))),
        Invalid, Unauthorized,
        (status = 403, description = "ADMIN or VIEWER only", body = ErrorBody)
    ), security(("bearer" = [])))]
pub async fn list(
    Desk { state, actor, .. }: Desk,
    Query(filter): Query<AuditFilter>,
) -> ApiResult<(HeaderMap, Json<Vec<AuditRecord>>)> {
    let (list, total) = domain::audit::viewer::list(&state.audit, &actor, &filter).await?;
    Ok(counted(list, total))
}

/// `POST /audit/verify`: re-computes the hash chain and reports the first broken link.
#[utoipa::path(post, path = "/audit/verify", tag = "audit", operation_id = "audit_verify",
    responses(
        (status = 200, description = "The result (intact or the first broken record)", body = AuditVerification),
        Unauthorized,
        (status = 403, description = "ADMIN or VIEWER only", body = ErrorBody)
    ), security(("bearer" = [])))]
pub async fn verify(Desk { state, actor, meta }: Desk) -> ApiResult<Json<AuditVerification>> {
    Ok(Json(domain::audit::viewer::verify(&state.audit, &actor, &meta).await?))
}
