//! The outbox worker: claims due PENDING notifications, delivers them, and records the outcome.
//! A failed delivery waits `retry_base_ms × 2^(attempt−1)` before the next try, up to
//! `max_attempts`; a permanent refusal fails at once. A claim lasts [`CLAIM_SECS`], so what a
//! crashed process was sending is picked up again by the next one, and two servers never send
//! the same notification at the same time.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::channel::{Channels, Failure};
use crate::entities::notifications;
use crate::error::DomainResult;
use crate::model::NotificationStatus;
use crate::state::AppState;

/// How long a worker owns a notification it is delivering.
pub const CLAIM_SECS: i64 = 120;
/// Notifications claimed per round.
const BATCH: u64 = 20;
/// The longest the worker sleeps when nothing is due (a retry, or a notification written by
/// another server, is found by then).
const IDLE_SECS: i64 = 30;

/// Starts the worker on the runtime; it runs as long as the process does.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    let channels = Channels::from_config(&state.config.notify);
    tokio::spawn(async move {
        loop {
            let next = match round(&state, &channels).await {
                Ok(next) => next,
                Err(error) => {
                    tracing::warn!(%error, "notification worker: database error; trying again shortly");
                    Some(Utc::now() + Duration::seconds(2))
                }
            };
            let Some(next) = next else { continue };
            let wait = (next - Utc::now()).clamp(Duration::zero(), Duration::seconds(IDLE_SECS));
            let wait = wait.to_std().unwrap_or_default();
            tokio::select! {
                () = state.outbox.notified() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    })
}

/// Delivers what is due. Returns `None` to go again at once (a full batch), or when to look next.
async fn round(state: &AppState, channels: &Channels) -> DomainResult<Option<DateTime<Utc>>> {
    let now = Utc::now();
    let due = notifications::Entity::find()
        .select_only()
        .column(notifications::Column::Id)
        .filter(notifications::Column::Status.eq(NotificationStatus::Pending))
        .filter(notifications::Column::NextAttemptAt.lte(now))
        .filter(unclaimed(now))
        .order_by_asc(notifications::Column::NextAttemptAt)
        .limit(BATCH)
        .into_tuple::<i32>()
        .all(&state.db)
        .await?;
    for id in &due {
        if let Some(row) = claim(state, *id, now).await? {
            // Sealed at rest: opened only to be sent.
            let outcome = match super::readable(&state.vault, row.clone()) {
                Ok(open) => channels.deliver(&open).await,
                Err(error) => Err(Failure::permanent(format!("The notification cannot be read: {error}"))),
            };
            record(state, &row, outcome).await?;
        }
    }
    if due.len() as u64 == BATCH {
        return Ok(None);
    }
    let next: Option<DateTime<Utc>> = notifications::Entity::find()
        .select_only()
        .column(notifications::Column::NextAttemptAt)
        .filter(notifications::Column::Status.eq(NotificationStatus::Pending))
        .order_by_asc(notifications::Column::NextAttemptAt)
        .into_tuple()
        .one(&state.db)
        .await?;
    Ok(Some(next.unwrap_or(now + Duration::seconds(IDLE_SECS)).max(now + Duration::milliseconds(50))))
}

fn unclaimed(now: DateTime<Utc>) -> Condition {
    Condition::any().add(notifications::Column::LockedUntil.is_null()).add(notifications::Column::LockedUntil.lt(now))
}

/// Takes the notification if nobody else holds it (one conditional UPDATE decides).
async fn claim(state: &AppState, id: i32, now: DateTime<Utc>) -> DomainResult<Option<notifications::Model>> {
    let taken = notifications::Entity::update_many()
        .col_expr(notifications::Column::LockedUntil, Expr::value(now + Duration::seconds(CLAIM_SECS)))
        .filter(notifications::Column::Id.eq(id))
        .filter(notifications::Column::Status.eq(NotificationStatus::Pending))
        .filter(unclaimed(now))
        .exec(&state.db)
        .await?;
    if taken.rows_affected != 1 {
        return Ok(None);
    }
    Ok(notifications::Entity::find_by_id(id).one(&state.db).await?)
}

/// Writes the outcome of one delivery and releases the claim.
async fn record(state: &AppState, row: &notifications::Model, outcome: Result<(), Failure>) -> DomainResult<()> {
    let now = Utc::now();
    let attempts = row.delivery_attempts + 1;
    let policy = &state.config.notify;
    let update = notifications::Entity::update_many()
        .col_expr(notifications::Column::DeliveryAttempts, Expr::value(attempts))
        .col_expr(notifications::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(notifications::Column::UpdatedAt, Expr::value(now))
        .filter(notifications::Column::Id.eq(row.id));
    let update = match outcome {
        Ok(()) => {
            tracing::info!(id = row.id, kind = row.notification_type.as_str(), "notification sent");
            update
                .col_expr(notifications::Column::Status, Expr::value(NotificationStatus::Sent))
                .col_expr(notifications::Column::SentAt, Expr::value(Some(now.timestamp())))
                .col_expr(notifications::Column::ErrorMessage, Expr::value(Option::<String>::None))
        }
        Err(failure) => {
            let last = failure.permanent || attempts >= policy.max_attempts;
            tracing::warn!(id = row.id, attempts, error = failure.message, last, "notification not delivered");
            let update = update.col_expr(notifications::Column::ErrorMessage, Expr::value(Some(failure.message)));
            if last {
                update.col_expr(notifications::Column::Status, Expr::value(NotificationStatus::Failed))
            } else {
                update.col_expr(
                    notifications::Column::NextAttemptAt,
                    Expr::value(now + backoff(policy.retry_base_ms, attempts)),
                )
            }
        }
    };
    update.exec(&state.db).await?;
    Ok(())
}

/// The wait after the `attempts`-th failure: the base, doubled each time, capped at a day.
pub fn backoff(base_ms: u64, attempts: i32) -> Duration {
    let factor = 1u64 << attempts.clamp(1, 16).saturating_sub(1);
    Duration::milliseconds(i64::try_from(base_ms.saturating_mul(factor)).unwrap_or(i64::MAX).min(86_400_000))
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1000, 1).num_milliseconds(), 1000);
        assert_eq!(backoff(1000, 2).num_milliseconds(), 2000);
        assert_eq!(backoff(1000, 4).num_milliseconds(), 8000);
        assert_eq!(backoff(30_000, 20).num_milliseconds(), 86_400_000);
    }
}
