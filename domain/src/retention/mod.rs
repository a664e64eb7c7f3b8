//! Retention: what is past its period is deleted, in batches, on both databases. Each kind of
//! record has a period (a system setting, `retention.*_days`, or the default below); a background
//! job runs every six hours, and an ADMIN can run it (or a dry run that only counts) from the
//! settings page or `POST /retention/run`. The last run's report is kept as the system setting
//! `retention.last_report`, which the settings page shows.
//!
//! Defaults a bank can start from (Mexican and EU practice): closed conversations and finished
//! tickets 5 years, the answer log 1 year, notifications 180 days, the audit log 10 years.

mod audit;
mod sweep;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::settings;
use crate::error::DomainResult;
use crate::model::{RetentionKind, RetentionReport, Role, SettingType};
use crate::state::AppState;

/// Rows handled per statement.
const BATCH: u64 = 500;
/// How often the background job runs.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(6 * 3600);
/// Where the last run's report is kept.
pub use crate::settings::known::RETENTION_REPORT as REPORT_KEY;

/// The kinds of record, with their setting and default period in days.
const KINDS: [(&str, &str, i64); 5] = [
    ("closed_conversations", "retention.closed_conversations_days", 1825),
    ("tickets", "retention.tickets_days", 1825),
    ("answer_log", "retention.answer_log_days", 365),
    ("notifications", "retention.notifications_days", 180),
    ("audit", "retention.audit_days", 3650),
];

/// The period of each kind: its setting, else the default.
async fn periods(state: &AppState) -> DomainResult<Vec<(&'static str, i64)>> {
    let stored = settings::Entity::find()
        .filter(settings::Column::SettingType.eq(SettingType::System))
        .filter(settings::Column::Key.starts_with("retention."))
        .all(&state.db)
        .await?;
    Ok(KINDS
        .iter()
        .map(|(kind, key, default)| {
            let set = stored.iter().find(|s| s.key == *key).and_then(|s| s.value.as_i64());
            (*kind, set.unwrap_or(*default))
        })
        .collect())
}

/// Deletes (or, with `dry_run`, counts) everything past due at `now`, kind by kind, and keeps
/// the report. `now` is a parameter so tests can move the clock.
pub async fn run(state: &AppState, now: DateTime<Utc>, dry_run: bool) -> DomainResult<RetentionReport> {
    let mut kinds = Vec::new();
    for (kind, days) in periods(state).await? {
        let cutoff = now - Duration::days(days);
        let (due, removed) = match kind {
            "audit" => audit::prune(state, cutoff, dry_run).await?,
            _ => sweep::sweep(state, kind, cutoff, dry_run).await?,
        };
        kinds.push(RetentionKind { kind: kind.to_owned(), days, cutoff, due, removed });
    }
    let report = RetentionReport { ran_at: now, dry_run, kinds };
    keep_report(state, &report).await?;
    Ok(report)
}

/// `POST /retention/run` (ADMIN; audited as `retention.run` with what it removed).
pub async fn run_now(
    state: &AppState,
    actor: &CurrentUser,
    dry_run: bool,
    meta: &RequestMeta,
) -> DomainResult<RetentionReport> {
    actor.require(&[Role::Admin])?;
    let report = run(state, Utc::now(), dry_run).await?;
    let counts: serde_json::Map<String, serde_json::Value> = report
        .kinds
        .iter()
        .map(|k| (k.kind.clone(), serde_json::json!({ "due": k.due, "removed": k.removed })))
        .collect();
    let entry = Entry::new("retention.run", Outcome::Success)
        .actor(actor.id, &actor.username)
        .details(serde_json::json!({ "dry_run": dry_run, "kinds": counts }));
    state.audit.record(entry, meta).await?;
    Ok(report)
}

/// The background job: first ten minutes after start, then every [`EVERY`]. With several
/// servers each runs it; what one removed the next finds gone.
pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_secs(600)).await;
        loop {
            match run(&state, Utc::now(), false).await {
                Ok(report) => {
                    let removed: u64 = report.kinds.iter().map(|k| k.removed).sum();
                    tracing::info!(removed, "retention: past-due records removed");
                }
                Err(error) => tracing::error!(%error, "retention run failed; trying again at the next run"),
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}

/// The last run's report (ADMIN, SUPERVISOR), if there was one.
pub async fn last_report(state: &AppState, actor: &CurrentUser) -> DomainResult<Option<RetentionReport>> {
    actor.require(&[Role::Admin, Role::Supervisor])?;
    let scope = crate::settings::system_scope(REPORT_KEY);
    let row = settings::Entity::find().filter(settings::Column::ScopeKey.eq(scope.as_str())).one(&state.db).await?;
    Ok(row.and_then(|r| serde_json::from_value(r.value).ok()))
}

/// Stores `report` as the system setting [`REPORT_KEY`].
async fn keep_report(state: &AppState, report: &RetentionReport) -> DomainResult<()> {
    let value = serde_json::to_value(report).unwrap_or_default();
    let scope = crate::settings::system_scope(REPORT_KEY);
    let now = Utc::now();
    match settings::Entity::find().filter(settings::Column::ScopeKey.eq(scope.as_str())).one(&state.db).await? {
        Some(row) => {
            let mut row: settings::ActiveModel = row.into();
            row.value = Set(value);
            row.updated_at = Set(now);
            row.update(&state.db).await?;
        }
        None => {
            settings::ActiveModel {
                id: sea_orm::NotSet,
                scope_key: Set(scope),
                key: Set(REPORT_KEY.to_owned()),
                value: Set(value),
                setting_type: Set(SettingType::System),
                user_id: Set(None),
                category: Set("retention".to_owned()),
                description: Set(Some("What the retention job last found past due, and removed".to_owned())),
                is_public: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&state.db)
            .await?;
        }
    }
    Ok(())
}
