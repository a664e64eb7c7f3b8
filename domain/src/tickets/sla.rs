//! Service levels: each ticket's deadlines for a first answer by a person and for resolution, from
//! its priority's targets (`sla.targets`), and the watch that tells supervisors (and the assignee)
//! when one is missed — once, whichever server sees it first: the breach is claimed by a
//! conditional update before anyone is told.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::audit::{Entry, Outcome, RequestMeta};
use crate::entities::tickets;
use crate::error::DomainResult;
use crate::model::{Priority, SlaTargets, TicketStatus};
use crate::state::AppState;

/// Breaches looked at per round, per kind.
const BATCH: u64 = 100;

/// The first-response and resolution deadlines of a ticket of `priority` opened at `opened`.
pub fn due(targets: &SlaTargets, priority: Priority, opened: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let target = targets.of(priority);
    let after = |minutes: f64| opened + Duration::milliseconds((minutes * 60_000.0).round() as i64);
    (after(target.first_response_minutes), after(target.resolution_minutes))
}

/// Which deadline was missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breach {
    FirstResponse,
    Resolution,
}

impl Breach {
    pub fn name(self) -> &'static str {
        match self {
            Breach::FirstResponse => "first_response",
            Breach::Resolution => "resolution",
        }
    }

    fn due(self) -> tickets::Column {
        match self {
            Breach::FirstResponse => tickets::Column::FirstResponseDueAt,
            Breach::Resolution => tickets::Column::ResolutionDueAt,
        }
    }

    fn noticed(self) -> tickets::Column {
        match self {
            Breach::FirstResponse => tickets::Column::FirstResponseBreachedAt,
            Breach::Resolution => tickets::Column::ResolutionBreachedAt,
        }
    }

    /// What must still be missing for the deadline to count as missed.
    fn done(self) -> tickets::Column {
        match self {
            Breach::FirstResponse => tickets::Column::FirstResponseAt,
            Breach::Resolution => tickets::Column::ResolvedAt,
        }
    }
}

/// Finds open tickets past a deadline nobody has been told of, claims each and tells. Returns how
/// many breaches this call told.
pub async fn sweep(state: &AppState) -> DomainResult<u64> {
    let now = Utc::now();
    let mut told = 0;
    for breach in [Breach::FirstResponse, Breach::Resolution] {
        let late = tickets::Entity::find()
            .filter(tickets::Column::Status.is_in([TicketStatus::Open, TicketStatus::InProgress]))
            .filter(breach.done().is_null())
            .filter(breach.noticed().is_null())
            .filter(breach.due().lt(now))
            .order_by_asc(breach.due())
            .limit(BATCH)
            .all(&state.db)
            .await?;
        for ticket in late {
            let claimed = tickets::Entity::update_many()
                .col_expr(breach.noticed(), Expr::value(now))
                .filter(tickets::Column::Id.eq(ticket.id))
                .filter(breach.noticed().is_null())
                .exec(&state.db)
                .await?;
            if claimed.rows_affected != 1 {
                continue; // another server told
            }
            told += 1;
            let entry = Entry::new("ticket.sla_breached", Outcome::Success)
                .resource("ticket", &ticket.ticket_id)
                .details(serde_json::json!({ "deadline": breach.name(), "priority": ticket.priority }));
            if let Err(error) = state.audit.record(entry, &RequestMeta::default()).await {
                tracing::error!(%error, ticket = ticket.ticket_id, "could not audit an SLA breach");
            }
            let (what, due) = match breach {
                Breach::FirstResponse => ("first response", ticket.first_response_due_at),
                Breach::Resolution => ("resolution", ticket.resolution_due_at),
            };
            crate::notifications::triggers::sla_breached(state, &ticket, what, due).await;
        }
    }
    Ok(told)
}

/// The watch: every `JOXAI_SLA_CHECK_SECONDS`, as long as the process runs.
pub fn spawn(state: AppState) {
    let every = std::time::Duration::from_secs(state.config.operations.sla_check_secs);
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            match sweep(&state).await {
                Ok(0) => {}
                Ok(told) => tracing::info!(told, "tickets past their service-level deadline"),
                Err(error) => tracing::warn!(%error, "SLA watch: database error; trying again at the next round"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn deadlines_follow_the_priority_with_fractions_of_a_minute() {
        let opened = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap();
        let mut targets = SlaTargets::default();
        targets.low.first_response_minutes = 0.5;
        assert_eq!(
            due(&targets, Priority::Urgent, opened),
            (opened + Duration::minutes(15), opened + Duration::hours(4))
        );
        assert_eq!(due(&targets, Priority::Low, opened).0, opened + Duration::seconds(30));
        assert!(targets.check().is_ok());
        targets.high.resolution_minutes = 10.0; // sooner than its first response (60)
        assert!(targets.check().is_err());
        targets.high.resolution_minutes = 600_000.0;
        assert!(targets.check().is_err());
    }
}
