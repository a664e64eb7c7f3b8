//! Pruning the audit log without breaking its chain. Before the oldest records go, an
//! `AUDIT_PRUNED` record is appended (sealed like every other) naming the last pruned id and that
//! record's hash; verification starts from there (`crate::audit::viewer::check_chain`). Removing
//! that record, or more records than it names, still shows as a broken chain.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use super::BATCH;
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::entities::audit_log;
use crate::error::DomainResult;
use crate::state::AppState;

/// `(due, removed)`: the records from before `cutoff`.
pub(super) async fn prune(state: &AppState, cutoff: DateTime<Utc>, dry_run: bool) -> DomainResult<(u64, u64)> {
    let due = audit_log::Entity::find().filter(audit_log::Column::CreatedAt.lt(cutoff));
    let count = due.clone().count(&state.db).await?;
    if dry_run || count == 0 {
        return Ok((count, 0));
    }
    let Some(last) = due.order_by_desc(audit_log::Column::Id).one(&state.db).await? else { return Ok((0, 0)) };
    let anchor = Entry::new(crate::audit::PRUNED, Outcome::Success)
        .details(serde_json::json!({ "up_to_id": last.id, "last_hash": last.hash, "records": count }));
    state.audit.record(anchor, &RequestMeta::default()).await?;
    let mut removed = 0;
    loop {
        let ids: Vec<i64> = audit_log::Entity::find()
            .select_only()
            .column(audit_log::Column::Id)
            .filter(audit_log::Column::Id.lte(last.id))
            .limit(BATCH)
            .into_tuple()
            .all(&state.db)
            .await?;
        if ids.is_empty() {
            break;
        }
        removed += audit_log::Entity::delete_many()
            .filter(audit_log::Column::Id.is_in(ids))
            .exec(&state.db)
            .await?
            .rows_affected;
    }
    Ok((count, removed))
}
