//! Pruning the audit log without breaking its chain. Before the oldest records go, an
//! `AUDIT_PRUNED` record is appended (sealed like every other) naming the last pruned id and that
//! record's hash; verification starts from there (`crate::audit::viewer::check_chain`). Removing
//! that record, or more records than it names, still shows as a broken chain.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

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
    let up_to = audit_log::Entity::find().filter(audit_log::Column::Id.lte(last.id));
    let (_, removed) = super::sweep::batches(state, up_to, audit_log::Column::Id, false, drop_records).await?;
    Ok((count, removed))
}

fn drop_records(
    txn: &DatabaseTransaction,
    ids: Vec<i64>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = DomainResult<u64>> + Send + '_>> {
    Box::pin(async move {
        let gone = audit_log::Entity::delete_many().filter(audit_log::Column::Id.is_in(ids)).exec(txn).await?;
        Ok(gone.rows_affected)
    })
}
