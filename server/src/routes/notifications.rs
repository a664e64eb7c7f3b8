//! `/notifications`: a staff member's own notifications (the bell), and for ADMIN and SUPERVISOR
//! the whole outbox, its statistics, and sending a failed notification again.

use domain::model::{
    ErrorBody, NotificationDetail, NotificationFilter, NotificationOut, NotificationRetried, NotificationStats,
    UnreadCount,
};

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Path, Query};
use crate::openapi::errors::{Forbidden, Invalid, NotFound, StaffErrors, Unauthorized};

/// `GET /notifications/me?category=&status=&limit=`: newest first.
#[utoipa::path(get, path = "/notifications/me", tag = "notifications", operation_id = "notifications_mine",
    params(NotificationFilter),
    responses(
        (status = 200, description = "The caller's notifications, newest first", body = [NotificationOut]),
        Invalid, Unauthorized
    ), security(("bearer" = [])))]
pub async fn mine(
    Desk { state, actor, .. }: Desk,
    Query(filter): Query<NotificationFilter>,
) -> ApiResult<Json<Vec<NotificationOut>>> {
    Ok(Json(domain::notifications::mine(&state, &actor, &filter).await?))
}

/// `GET /notifications/me/unread`: the bell's number.
#[utoipa::path(get, path = "/notifications/me/unread", tag = "notifications", operation_id = "notifications_unread",
    responses((status = 200, description = "How many of the caller's are unread", body = UnreadCount), Unauthorized),
    security(("bearer" = [])))]
pub async fn unread(Desk { state, actor, .. }: Desk) -> ApiResult<Json<UnreadCount>> {
    Ok(Json(domain::notifications::unread(&state, &actor).await?))
}

/// `POST /notifications/me/read`: marks all of the caller's read.
#[utoipa::path(post, path = "/notifications/me/read", tag = "notifications", operation_id = "notifications_read_all",
    responses((status = 200, description = "All read", body = UnreadCount), Unauthorized), security(("bearer" = [])))]
pub async fn read_all(Desk { state, actor, .. }: Desk) -> ApiResult<Json<UnreadCount>> {
    Ok(Json(domain::notifications::mark_all_read(&state, &actor).await?))
}

/// `GET /notifications?category=&status=&limit=` (ADMIN, SUPERVISOR): the whole outbox.
#[utoipa::path(get, path = "/notifications", tag = "notifications", operation_id = "notifications_outbox",
    params(NotificationFilter),
    responses((status = 200, description = "Every notification, newest first", body = [NotificationOut]), StaffErrors),
    security(("bearer" = [])))]
pub async fn outbox(
    Desk { state, actor, .. }: Desk,
    Query(filter): Query<NotificationFilter>,
) -> ApiResult<Json<Vec<NotificationOut>>> {
    Ok(Json(domain::notifications::outbox(&state, &actor, &filter).await?))
}

/// `GET /notifications/stats` (ADMIN, SUPERVISOR).
#[utoipa::path(get, path = "/notifications/stats", tag = "notifications", operation_id = "notifications_stats",
    responses(
        (status = 200, description = "Counts by status, type and category", body = NotificationStats),
        Unauthorized, Forbidden
    ), security(("bearer" = [])))]
pub async fn stats(Desk { state, actor, .. }: Desk) -> ApiResult<Json<NotificationStats>> {
    Ok(Json(domain::notifications::stats(&state, &actor).await?))
}

/// `GET /notifications/{notification_id}`: the owner's only; reading marks it read.
#[utoipa::path(get, path = "/notifications/{notification_id}", tag = "notifications",
    operation_id = "notifications_get", params(("notification_id" = i32, Path, description = "The notification's id")),
    responses(
        (status = 200, description = "OK", body = NotificationDetail),
        Invalid, Unauthorized,
        (status = 404, description = "Not found, or someone else's", body = ErrorBody)
    ), security(("bearer" = [])))]
pub async fn get(Desk { state, actor, .. }: Desk, Path(id): Path<i32>) -> ApiResult<Json<NotificationDetail>> {
    Ok(Json(domain::notifications::get(&state, &actor, id).await?))
}

/// `POST /notifications/{notification_id}/retry` (ADMIN, SUPERVISOR): a failed one goes back to
/// the outbox. Audited.
#[utoipa::path(post, path = "/notifications/{notification_id}/retry", tag = "notifications",
    operation_id = "notifications_retry",
    params(("notification_id" = i32, Path, description = "The notification's id")),
    responses(
        (status = 200, description = "Queued again", body = NotificationRetried),
        (status = 409, description = "It has not failed", body = ErrorBody),
        StaffErrors, NotFound
    ), security(("bearer" = [])))]
pub async fn retry(Desk { state, actor, meta }: Desk, Path(id): Path<i32>) -> ApiResult<Json<NotificationRetried>> {
    Ok(Json(domain::notifications::retry(&state, &actor, id, &meta).await?))
}
