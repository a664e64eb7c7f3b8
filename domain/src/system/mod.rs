//! `GET /system/status` (ADMIN): what an operator checks first — the database, the LLM provider
//! and its breaker, the last e-mail delivery, the outbox, the sockets, the version and uptime.
//! Read from the database where several servers share it (e-mail, outbox), from this process
//! for the rest.

use std::sync::atomic::Ordering::Relaxed;
use std::time::Instant;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::auth::CurrentUser;
use crate::entities::notifications;
use crate::error::DomainResult;
use crate::model::{
    DatabaseStatus, Delivery, LlmStatus, NotificationStatus, NotificationType, OutboxStatus, Role, SmtpStatus,
    SocketCounts, SystemStatus,
};
use crate::state::AppState;

/// The system's state now (ADMIN).
pub async fn status(state: &AppState, actor: &CurrentUser) -> DomainResult<SystemStatus> {
    actor.require(&[Role::Admin])?;
    let started = Instant::now();
    let ok = crate::db::ping(&state.db).await.is_ok();
    let latency_ms = ok.then(|| started.elapsed().as_secs_f64() * 1000.0);
    let (connections, idle) = crate::db::pool_now(&state.db);
    let backend = match state.db.get_database_backend() {
        sea_orm::DbBackend::Postgres => "postgres",
        _ => "sqlite",
    };
    let (pending, failed) = if ok { crate::notifications::backlog(state).await? } else { (0, 0) };
    let (customers, staff) = state.events.connections();
    Ok(SystemStatus {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        uptime_secs: state.http.started.elapsed().as_secs(),
        database: DatabaseStatus {
            backend: backend.to_owned(),
            ok,
            latency_ms,
            connections,
            idle: u32::try_from(idle).unwrap_or(u32::MAX),
        },
        llm: state.assistant.llm().map(|llm| {
            let stats = llm.stats();
            LlmStatus {
                provider: llm.name().to_owned(),
                breaker_open: llm.breaker_open(),
                answered: stats.answered.load(Relaxed),
                failed: stats.failed.load(Relaxed),
                refused: stats.refused.load(Relaxed),
            }
        }),
        smtp: SmtpStatus {
            configured: state.config.notify.smtp_url.is_some(),
            last: if ok { last_email(state).await? } else { None },
        },
        outbox: OutboxStatus { pending, failed },
        sockets: SocketCounts { customers: customers as u64, staff: staff as u64 },
        shared_events: state.events.shares_events(),
    })
}

/// The latest e-mail delivery attempt: sent, or failed with the server's answer.
async fn last_email(state: &AppState) -> DomainResult<Option<Delivery>> {
    let row = notifications::Entity::find()
        .filter(notifications::Column::NotificationType.eq(NotificationType::Email))
        .filter(notifications::Column::DeliveryAttempts.gt(0))
        .order_by_desc(notifications::Column::UpdatedAt)
        .one(&state.db)
        .await?;
    Ok(row.map(|r| Delivery { ok: r.status == NotificationStatus::Sent, at: r.updated_at, error: r.error_message }))
}
