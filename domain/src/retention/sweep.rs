//! Deleting past-due conversations, tickets, answer-log rows and notifications: counted first,
//! then removed a batch of ids at a time, each batch in one transaction with what hangs off it.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Select, TransactionTrait,
};

use super::BATCH;
use crate::entities::{assistant_answers, consents, conversations, messages, notifications, ticket_notes, tickets};
use crate::error::DomainResult;
use crate::model::{ConversationStatus, NotificationStatus, TicketStatus};
use crate::state::AppState;

/// `(due, removed)` for `kind` at `cutoff`.
pub(super) async fn sweep(
    state: &AppState,
    kind: &str,
    cutoff: DateTime<Utc>,
    dry_run: bool,
) -> DomainResult<(u64, u64)> {
    match kind {
        "closed_conversations" => {
            let due = conversations::Entity::find()
                .filter(conversations::Column::Status.eq(ConversationStatus::Closed))
                .filter(conversations::Column::ClosedAt.lt(cutoff));
            batches(state, due, conversations::Column::Id, dry_run, drop_conversations).await
        }
        "tickets" => {
            let due = tickets::Entity::find()
                .filter(tickets::Column::Status.is_in([TicketStatus::Resolved, TicketStatus::Closed]))
                .filter(tickets::Column::UpdatedAt.lt(cutoff));
            batches(state, due, tickets::Column::Id, dry_run, drop_tickets).await
        }
        "answer_log" => {
            let due = assistant_answers::Entity::find().filter(assistant_answers::Column::CreatedAt.lt(cutoff));
            batches(state, due, assistant_answers::Column::Id, dry_run, |txn, ids| {
                Box::pin(async move {
                    let gone = assistant_answers::Entity::delete_many()
                        .filter(assistant_answers::Column::Id.is_in(ids))
                        .exec(txn)
                        .await?;
                    Ok(gone.rows_affected)
                })
            })
            .await
        }
        _ => {
            let due = notifications::Entity::find()
                .filter(notifications::Column::Status.ne(NotificationStatus::Pending))
                .filter(notifications::Column::CreatedAt.lt(cutoff));
            batches(state, due, notifications::Column::Id, dry_run, |txn, ids| {
                Box::pin(async move {
                    let gone = notifications::Entity::delete_many()
                        .filter(notifications::Column::Id.is_in(ids))
                        .exec(txn)
                        .await?;
                    Ok(gone.rows_affected)
                })
            })
            .await
        }
    }
}

pub(super) type Drop =
    for<'a> fn(
        &'a DatabaseTransaction,
        Vec<i64>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = DomainResult<u64>> + Send + 'a>>;

/// Counts what `due` selects; unless `dry_run`, removes it with `remove`, a batch of ids (read
/// as 64-bit) per transaction, until none is left.
pub(super) async fn batches<E: EntityTrait>(
    state: &AppState,
    due: Select<E>,
    id: E::Column,
    dry_run: bool,
    remove: Drop,
) -> DomainResult<(u64, u64)>
where
    E::Model: Send + Sync,
{
    let count = due.clone().count(&state.db).await?;
    if dry_run || count == 0 {
        return Ok((count, 0));
    }
    let mut removed = 0;
    loop {
        let ids: Vec<i64> = due
            .clone()
            .select_only()
            .column_as(Expr::col(id).cast_as(Alias::new("BIGINT")), "id")
            .limit(BATCH)
            .into_tuple()
            .all(&state.db)
            .await?;
        if ids.is_empty() {
            break;
        }
        let txn = state.db.begin().await?;
        let gone = remove(&txn, ids).await?;
        txn.commit().await?;
        if gone == 0 {
            break;
        }
        removed += gone;
    }
    Ok((count, removed))
}

fn drop_conversations(
    txn: &DatabaseTransaction,
    ids: Vec<i64>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = DomainResult<u64>> + Send + '_>> {
    Box::pin(async move {
        messages::Entity::delete_many().filter(messages::Column::ConversationId.is_in(ids.clone())).exec(txn).await?;
        consents::Entity::delete_many().filter(consents::Column::ConversationId.is_in(ids.clone())).exec(txn).await?;
        // Tickets outlive their conversation (their own period): the link goes.
        tickets::Entity::update_many()
            .col_expr(tickets::Column::ConversationId, Expr::value(Option::<i32>::None))
            .col_expr(tickets::Column::OpenConversationId, Expr::value(Option::<i32>::None))
            .filter(tickets::Column::ConversationId.is_in(ids.clone()))
            .exec(txn)
            .await?;
        let gone = conversations::Entity::delete_many().filter(conversations::Column::Id.is_in(ids)).exec(txn).await?;
        Ok(gone.rows_affected)
    })
}

fn drop_tickets(
    txn: &DatabaseTransaction,
    ids: Vec<i64>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = DomainResult<u64>> + Send + '_>> {
    Box::pin(async move {
        let cases: Vec<String> = tickets::Entity::find()
            .select_only()
            .column(tickets::Column::TicketId)
            .filter(tickets::Column::Id.is_in(ids.clone()))
            .into_tuple()
            .all(txn)
            .await?;
        ticket_notes::Entity::delete_many().filter(ticket_notes::Column::TicketId.is_in(ids.clone())).exec(txn).await?;
        consents::Entity::delete_many().filter(consents::Column::TicketId.is_in(ids.clone())).exec(txn).await?;
        notifications::Entity::delete_many()
            .filter(notifications::Column::ResourceType.eq("ticket"))
            .filter(notifications::Column::ResourceId.is_in(cases))
            .exec(txn)
            .await?;
        let gone = tickets::Entity::delete_many().filter(tickets::Column::Id.is_in(ids)).exec(txn).await?;
        Ok(gone.rows_affected)
    })
}
