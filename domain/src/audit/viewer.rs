//! Reading the audit log (ADMIN and VIEWER): filtered pages, newest first, and verifying the hash
//! chain in batches, so memory stays flat however long the log is. Both are audited themselves.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{AuditKeys, AuditLog, Entry, GENESIS, Outcome, RequestMeta, legacy_hash, seal};
use crate::auth::CurrentUser;
use crate::entities::audit_log;
use crate::error::DomainResult;
use crate::model::{AuditFilter, AuditRecord, AuditVerification, Role};

const READERS: [Role; 2] = [Role::Admin, Role::Viewer];
/// Records read per batch while verifying.
const BATCH: u64 = 1000;

pub(crate) fn out(row: audit_log::Model) -> AuditRecord {
    AuditRecord {
        id: row.id,
        created_at: row.created_at,
        actor_id: row.actor_id,
        actor_name: row.actor_name,
        action: row.action,
        resource_type: row.resource_type,
        resource_id: row.resource_id,
        ip: row.ip,
        user_agent: row.user_agent,
        endpoint: row.endpoint,
        method: row.method,
        details: row.details,
        outcome: row.outcome,
        prev_hash: row.prev_hash,
        hash: row.hash,
    }
}

/// `GET /audit`: newest first, with the total for paging.
pub async fn list(log: &AuditLog, actor: &CurrentUser, filter: &AuditFilter) -> DomainResult<(Vec<AuditRecord>, u64)> {
    actor.require(&READERS)?;
    let page = crate::model::Page::new(filter.skip, filter.limit)?;
    let text = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let mut query = audit_log::Entity::find();
    if let Some(id) = filter.actor_id {
        query = query.filter(audit_log::Column::ActorId.eq(id));
    }
    if let Some(action) = text(&filter.action) {
        query = query.filter(audit_log::Column::Action.eq(action));
    }
    if let Some(kind) = text(&filter.resource_type) {
        query = query.filter(audit_log::Column::ResourceType.eq(kind));
    }
    if let Some(id) = text(&filter.resource_id) {
        query = query.filter(audit_log::Column::ResourceId.eq(id));
    }
    if let Some(since) = filter.since {
        query = query.filter(audit_log::Column::CreatedAt.gte(since));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_log::Column::CreatedAt.lt(until));
    }
    let total = query.clone().count(&log.db).await?;
    let rows = query.order_by_desc(audit_log::Column::Id).offset(page.skip).limit(page.limit).all(&log.db).await?;
    Ok((rows.into_iter().map(out).collect(), total))
}

/// Re-computes the chain from the first record, a batch at a time; the first record whose seal
/// or link does not match is reported. A record verifies under the current key or a previous one;
/// records from before sealing (plain SHA-256) only until the first sealed record. After a
/// retention prune, the chain starts after the last pruned record, from its hash, as the newest
/// `AUDIT_PRUNED` record says (that record is itself checked on the way).
pub async fn check_chain(db: &sea_orm::DatabaseConnection, keys: &AuditKeys) -> DomainResult<AuditVerification> {
    let pruned = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(super::PRUNED))
        .order_by_desc(audit_log::Column::Id)
        .one(db)
        .await?;
    let anchor = pruned
        .and_then(|r| Some((r.details.get("up_to_id")?.as_i64()?, r.details.get("last_hash")?.as_str()?.to_owned())));
    let (mut after, mut prev) = anchor.unwrap_or((i64::MIN, GENESIS.to_owned()));
    let mut sealed = false;
    let mut checked = 0;
    loop {
        let rows = audit_log::Entity::find()
            .filter(audit_log::Column::Id.gt(after))
            .order_by_asc(audit_log::Column::Id)
            .limit(BATCH)
            .all(db)
            .await?;
        let Some(last) = rows.last().map(|r| r.id) else { break };
        for row in rows {
            checked += 1;
            let by_key = std::iter::once(&keys.current).chain(&keys.previous).any(|k| seal(k, &row) == row.hash);
            let legacy = !sealed && !by_key && legacy_hash(&row) == row.hash;
            if row.prev_hash != prev || !(by_key || legacy) {
                return Ok(AuditVerification { intact: false, checked, first_broken_id: Some(row.id) });
            }
            sealed |= by_key;
            prev = row.hash;
        }
        after = last;
    }
    Ok(AuditVerification { intact: true, checked, first_broken_id: None })
}

/// `POST /audit/verify` (ADMIN, VIEWER; audited with its result).
pub async fn verify(log: &AuditLog, actor: &CurrentUser, meta: &RequestMeta) -> DomainResult<AuditVerification> {
    actor.require(&READERS)?;
    let result = check_chain(&log.db, log.keys()).await?;
    let outcome = if result.intact { Outcome::Success } else { Outcome::Failure };
    let details = serde_json::json!({ "checked": result.checked, "first_broken_id": result.first_broken_id });
    let entry = Entry::new("audit.verify", outcome).actor(actor.id, &actor.username).details(details);
    log.record(entry, meta).await?;
    Ok(result)
}
