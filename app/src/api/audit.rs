//! The audit log viewer (ADMIN, VIEWER; checked by the domain): filtered pages and the hash-chain
//! check.

use domain::model::{AuditRecord, AuditVerification};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// Rows per page.
pub const PAGE: u64 = 50;

/// One page of records and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRecords {
    pub records: Vec<AuditRecord>,
    pub total: u64,
    pub skip: u64,
}

/// Records filtered by action, resource type, actor id and day range (`YYYY-MM-DD`; empty
/// means any), newest first.
#[server(prefix = "/_sfn", endpoint = "audit/list")]
pub async fn list_audit(
    action: String,
    resource_type: String,
    actor_id: String,
    from: String,
    to: String,
    skip: u64,
) -> Result<AuditRecords, AppError> {
    use domain::model::{AuditFilter, Role};
    let Ctx { state, user, .. } = Ctx::require(&[Role::Admin, Role::Viewer]).await?;
    let day = |text: &str, what: &str| -> Result<Option<chrono::DateTime<chrono::Utc>>, AppError> {
        match text.trim() {
            "" => Ok(None),
            t => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .map(|d| d.and_hms_opt(0, 0, 0).map(|d| d.and_utc()))
                .map_err(|_| AppError::invalid(format!("{what} is a date, YYYY-MM-DD"))),
        }
    };
    let filter = AuditFilter {
        actor_id: match actor_id.trim() {
            "" => None,
            t => Some(t.parse().map_err(|_| AppError::invalid("The actor is a user id"))?),
        },
        action: Some(action),
        resource_type: Some(resource_type),
        resource_id: None,
        since: day(&from, "From")?,
        // The whole "to" day.
        until: day(&to, "To")?.map(|d| d + chrono::Duration::days(1)),
        skip: Some(skip),
        limit: Some(PAGE),
    };
    let (records, total) = domain::audit::viewer::list(&state.audit, &user, &filter).await?;
    Ok(AuditRecords { records, total, skip })
}

/// Re-computes the hash chain.
#[server(prefix = "/_sfn", endpoint = "audit/verify")]
pub async fn verify_audit() -> Result<AuditVerification, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    Ok(domain::audit::viewer::verify(&state.audit, &user, &meta).await?)
}
