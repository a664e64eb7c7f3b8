//! Notifications: an outbox of e-mails and SMS to staff and customers. Every notification is
//! stored PENDING first ([`enqueue`]); the [`worker`] delivers it through a [`channel`] with
//! retries and backoff, so a crash or an SMTP outage loses nothing. A staff member's own
//! notifications also feed the admin panel's bell, live through the staff socket.
//!
//! Any staff member reads their own; ADMIN and SUPERVISOR see the whole outbox, its statistics,
//! and send a failed notification again.

pub mod channel;
mod templates;
pub mod triggers;
pub mod worker;

use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect, Set};

use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::notifications;
use crate::error::{DomainError, DomainResult};
use crate::model::{
    NotificationCategory, NotificationDetail, NotificationFilter, NotificationOut, NotificationRetried,
    NotificationStats, NotificationStatus, NotificationType, Role, UnreadCount,
};
use crate::state::AppState;
use crate::vault::{Field, Vault};

const MANAGERS: [Role; 2] = [Role::Admin, Role::Supervisor];

/// A notification to store and deliver.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The staff member it is for (their bell); none for a customer.
    pub user_id: Option<i32>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub kind: NotificationType,
    pub category: NotificationCategory,
    pub subject: String,
    pub body: String,
    pub html: Option<String>,
    /// What it is about, e.g. `("ticket", "TKT-…")`.
    pub resource: Option<(&'static str, String)>,
}

/// Stores `draft` PENDING, wakes the worker, and rings the owner's bell.
pub async fn enqueue(state: &AppState, draft: Draft) -> DomainResult<notifications::Model> {
    let now = Utc::now();
    let (resource_type, resource_id) = draft.resource.map_or((None, None), |(t, id)| (Some(t.to_owned()), Some(id)));
    let row = notifications::ActiveModel {
        id: sea_orm::NotSet,
        user_id: Set(draft.user_id),
        recipient_email: Set(draft.email),
        recipient_phone: Set(draft.phone),
        notification_type: Set(draft.kind),
        category: Set(draft.category),
        status: Set(NotificationStatus::Pending),
        subject: Set(draft.subject.chars().take(255).collect()),
        body: Set(state.vault.seal(Field::NotificationBody, &draft.body)),
        html: Set(state.vault.seal_opt(Field::NotificationHtml, draft.html.as_deref())),
        resource_type: Set(resource_type),
        resource_id: Set(resource_id.map(|id| id.chars().take(64).collect())),
        sent_at: Set(None),
        delivery_attempts: Set(0),
        error_message: Set(None),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        read_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let row = sea_orm::ActiveModelTrait::insert(row, &state.db).await?;
    state.outbox.notify_one();
    if let Some(user_id) = row.user_id {
        // Only the id travels: each bell asks for its own count.
        let news = crate::model::NotificationNews { user_id, notification_id: row.id };
        state.events.staff(crate::model::StaffNews::NotificationCreated(news), Some(user_id));
    }
    Ok(row)
}

/// The outbox now: (waiting to be sent, given up on).
pub async fn backlog(state: &AppState) -> DomainResult<(u64, u64)> {
    use sea_orm::PaginatorTrait;
    let count = |status: NotificationStatus| {
        notifications::Entity::find().filter(notifications::Column::Status.eq(status)).count(&state.db)
    };
    Ok((count(NotificationStatus::Pending).await?, count(NotificationStatus::Failed).await?))
}

/// A notification as read from the database, with its text opened.
pub(crate) fn readable(vault: &Vault, mut row: notifications::Model) -> DomainResult<notifications::Model> {
    row.body = vault.open(Field::NotificationBody, &row.body)?;
    row.html = vault.open_opt(Field::NotificationHtml, row.html.as_deref())?;
    Ok(row)
}

pub(crate) fn out(vault: &Vault, row: notifications::Model) -> DomainResult<NotificationOut> {
    let row = readable(vault, row)?;
    Ok(NotificationOut {
        id: row.id,
        user_id: row.user_id,
        recipient_email: row.recipient_email,
        notification_type: row.notification_type,
        category: row.category,
        status: row.status,
        subject: row.subject,
        body: row.body,
        resource_type: row.resource_type,
        resource_id: row.resource_id,
        sent_at: row.sent_at,
        delivery_attempts: row.delivery_attempts,
        error_message: row.error_message,
        read: row.read_at.is_some(),
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

fn limit(limit: Option<u64>) -> DomainResult<u64> {
    match limit.unwrap_or(50) {
        n @ 1..=200 => Ok(n),
        _ => Err(DomainError::validation("limit", "limit is 1 to 200")),
    }
}

fn filtered(
    mut query: sea_orm::Select<notifications::Entity>,
    filter: &NotificationFilter,
) -> sea_orm::Select<notifications::Entity> {
    if let Some(category) = filter.category {
        query = query.filter(notifications::Column::Category.eq(category));
    }
    if let Some(status) = filter.status {
        query = query.filter(notifications::Column::Status.eq(status));
    }
    query.order_by_desc(notifications::Column::CreatedAt).order_by_desc(notifications::Column::Id)
}

/// `GET /notifications/me`: the caller's own, newest first.
pub async fn mine(
    state: &AppState,
    actor: &CurrentUser,
    filter: &NotificationFilter,
) -> DomainResult<Vec<NotificationOut>> {
    let limit = limit(filter.limit)?;
    let query = notifications::Entity::find().filter(notifications::Column::UserId.eq(actor.id));
    let rows = filtered(query, filter).limit(limit).all(&state.db).await?;
    rows.into_iter().map(|row| out(&state.vault, row)).collect()
}

/// `GET /notifications` (ADMIN, SUPERVISOR): the whole outbox, newest first.
pub async fn outbox(
    state: &AppState,
    actor: &CurrentUser,
    filter: &NotificationFilter,
) -> DomainResult<Vec<NotificationOut>> {
    actor.require(&MANAGERS)?;
    let limit = limit(filter.limit)?;
    let rows = filtered(notifications::Entity::find(), filter).limit(limit).all(&state.db).await?;
    rows.into_iter().map(|row| out(&state.vault, row)).collect()
}

/// `GET /notifications/{id}`: the owner's only (404 for anyone else); reading it marks it read.
pub async fn get(state: &AppState, actor: &CurrentUser, id: i32) -> DomainResult<NotificationDetail> {
    let row = notifications::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|n| n.user_id == Some(actor.id))
        .ok_or_else(|| DomainError::NotFound("Notification not found".into()))?;
    if row.read_at.is_none() {
        notifications::Entity::update_many()
            .col_expr(notifications::Column::ReadAt, Expr::value(Utc::now()))
            .filter(notifications::Column::Id.eq(id))
            .exec(&state.db)
            .await?;
    }
    let row = out(&state.vault, row)?;
    Ok(NotificationDetail {
        id: row.id,
        user_id: row.user_id,
        notification_type: row.notification_type,
        category: row.category,
        status: row.status,
        subject: row.subject,
        body: row.body,
        created_at: row.created_at,
    })
}

/// `GET /notifications/me/unread`: the bell's number.
pub async fn unread(state: &AppState, actor: &CurrentUser) -> DomainResult<UnreadCount> {
    use sea_orm::PaginatorTrait;
    let unread = notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(actor.id))
        .filter(notifications::Column::ReadAt.is_null())
        .count(&state.db)
        .await?;
    Ok(UnreadCount { unread })
}

/// `POST /notifications/me/read`: marks all of the caller's read.
pub async fn mark_all_read(state: &AppState, actor: &CurrentUser) -> DomainResult<UnreadCount> {
    notifications::Entity::update_many()
        .col_expr(notifications::Column::ReadAt, Expr::value(Utc::now()))
        .filter(notifications::Column::UserId.eq(actor.id))
        .filter(notifications::Column::ReadAt.is_null())
        .exec(&state.db)
        .await?;
    Ok(UnreadCount { unread: 0 })
}

/// `POST /notifications/{id}/retry` (ADMIN, SUPERVISOR): a FAILED or CANCELLED notification goes
/// back to PENDING with a fresh set of attempts. Audited.
pub async fn retry(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    meta: &RequestMeta,
) -> DomainResult<NotificationRetried> {
    actor.require(&MANAGERS)?;
    let row = notifications::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(|| DomainError::NotFound("Notification not found".into()))?;
    if row.status != NotificationStatus::Failed && row.status != NotificationStatus::Cancelled {
        return Err(DomainError::Conflict(format!(
            "Only a failed notification can be retried; this one is {}",
            row.status
        )));
    }
    let previous = row.delivery_attempts;
    let mut active = row.into_active_model();
    active.status = Set(NotificationStatus::Pending);
    active.delivery_attempts = Set(0);
    active.next_attempt_at = Set(Utc::now());
    active.locked_until = Set(None);
    active.updated_at = Set(Utc::now());
    let txn = sea_orm::TransactionTrait::begin(&state.db).await?;
    sea_orm::ActiveModelTrait::update(active, &txn).await?;
    let entry = Entry::new("notification.retry", Outcome::Success)
        .actor(actor.id, &actor.username)
        .resource("notification", id)
        .details(serde_json::json!({ "previous_attempts": previous }));
    state.audit.commit_with(txn, entry, meta).await?;
    state.outbox.notify_one();
    Ok(NotificationRetried { message: "Notification queued for retry".into(), notification_id: id })
}

/// `GET /notifications/stats` (ADMIN, SUPERVISOR): counts by status, type and category, counted
/// by the database.
pub async fn stats(state: &AppState, actor: &CurrentUser) -> DomainResult<NotificationStats> {
    actor.require(&MANAGERS)?;
    let grouped = |column: notifications::Column| {
        notifications::Entity::find()
            .select_only()
            .column(column)
            .column_as(notifications::Column::Id.count(), "n")
            .group_by(column)
            .into_tuple::<(String, i64)>()
            .all(&state.db)
    };
    let as_map = |rows: Vec<(String, i64)>| -> BTreeMap<String, u64> {
        rows.into_iter().map(|(k, n)| (k, u64::try_from(n).unwrap_or(0))).collect()
    };
    let by_status = as_map(grouped(notifications::Column::Status).await?);
    let by_type = as_map(grouped(notifications::Column::NotificationType).await?);
    let by_category = as_map(grouped(notifications::Column::Category).await?);
    let count = |s: NotificationStatus| by_status.get(s.as_str()).copied().unwrap_or(0);
    Ok(NotificationStats {
        total: by_status.values().sum(),
        pending: count(NotificationStatus::Pending),
        sent: count(NotificationStatus::Sent),
        failed: count(NotificationStatus::Failed),
        by_type,
        by_category,
    })
}
