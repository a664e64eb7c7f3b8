//! Notifications in the admin panel: the bell's count, the signed-in user's own list, and for
//! ADMIN and SUPERVISOR the outbox with its statistics and "send again" (checked by the domain).

use domain::model::{NotificationOut, NotificationStats};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// The notifications page's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotificationsView {
    pub mine: Vec<NotificationOut>,
    /// For ADMIN and SUPERVISOR: the outbox's figures and the notifications that failed.
    pub outbox: Option<(NotificationStats, Vec<NotificationOut>)>,
}

/// How many of the signed-in user's notifications are unread.
#[server(prefix = "/_sfn", endpoint = "notifications/unread")]
pub async fn unread_notifications() -> Result<u64, AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    Ok(domain::notifications::unread(&state, &user).await?.unread)
}

#[server(prefix = "/_sfn", endpoint = "notifications/list")]
pub async fn list_notifications() -> Result<NotificationsView, AppError> {
    use domain::model::{NotificationFilter, NotificationStatus, Role};
    let Ctx { state, user, .. } = Ctx::new().await?;
    let mine = domain::notifications::mine(&state, &user, &NotificationFilter::default()).await?;
    let outbox = if matches!(user.role, Role::Admin | Role::Supervisor) {
        let stats = domain::notifications::stats(&state, &user).await?;
        let failed = NotificationFilter { status: Some(NotificationStatus::Failed), ..Default::default() };
        Some((stats, domain::notifications::outbox(&state, &user, &failed).await?))
    } else {
        None
    };
    Ok(NotificationsView { mine, outbox })
}

/// Marks all of the signed-in user's notifications read.
#[server(prefix = "/_sfn", endpoint = "notifications/read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    domain::notifications::mark_all_read(&state, &user).await?;
    Ok(())
}

/// Puts a failed notification back in the outbox.
#[server(prefix = "/_sfn", endpoint = "notifications/retry")]
pub async fn retry_notification(id: i32) -> Result<(), AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    domain::notifications::retry(&state, &user, id, &meta).await?;
    Ok(())
}
