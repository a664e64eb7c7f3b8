//! `GET /analytics/sla`: how many of the period's tickets met their first-response and resolution
//! deadlines, overall and by assignee, counted by the database.

use super::{PERFORMANCE_READERS, at, sql};
use crate::auth::CurrentUser;
use crate::error::DomainResult;
use crate::model::{AgentSla, Role, SlaAttainment, SlaStats};
use crate::sql::{count, rate};
use crate::state::AppState;
use chrono::Utc;

fn attainment(met: u64, breached: u64) -> SlaAttainment {
    SlaAttainment { met, breached, rate: rate(met, met + breached) }
}

/// Any staff; the per-assignee rows are everyone's for ADMIN, SUPERVISOR and VIEWER, one's own
/// for an AGENT.
pub async fn stats(state: &AppState, actor: &CurrentUser, days: Option<i64>) -> DomainResult<SlaStats> {
    actor.require(&Role::ALL)?;
    let (days, since) = super::since_days(days)?;
    let query = "SELECT t.assigned_to AS agent, u.full_name AS name, \
         SUM(CASE WHEN t.first_response_at <= t.first_response_due_at THEN 1 ELSE 0 END) AS first_met, \
         SUM(CASE WHEN t.first_response_at > t.first_response_due_at \
             OR (t.first_response_at IS NULL AND t.first_response_due_at < ?) THEN 1 ELSE 0 END) AS first_missed, \
         SUM(CASE WHEN t.resolved_at <= t.resolution_due_at THEN 1 ELSE 0 END) AS resolution_met, \
         SUM(CASE WHEN t.resolved_at > t.resolution_due_at \
             OR (t.resolved_at IS NULL AND t.resolution_due_at < ?) THEN 1 ELSE 0 END) AS resolution_missed \
         FROM tickets t LEFT JOIN users u ON u.id = t.assigned_to \
         WHERE t.created_at >= ? AND t.first_response_due_at IS NOT NULL \
         GROUP BY t.assigned_to, u.full_name ORDER BY u.full_name, t.assigned_to";
    let now = Utc::now();
    let rows = sql(state).all(&state.db, query, vec![at(now), at(now), at(since)]).await?;
    let mut out = SlaStats { days, ..SlaStats::default() };
    let mut totals = [0u64; 4];
    for row in &rows {
        let n = [
            count(row, "first_met")?,
            count(row, "first_missed")?,
            count(row, "resolution_met")?,
            count(row, "resolution_missed")?,
        ];
        for (total, n) in totals.iter_mut().zip(n) {
            *total += n;
        }
        let agent: Option<i32> = row.try_get("", "agent")?;
        if PERFORMANCE_READERS.contains(&actor.role) || agent == Some(actor.id) {
            out.by_agent.push(AgentSla {
                agent_id: agent,
                name: row.try_get("", "name")?,
                first_response: attainment(n[0], n[1]),
                resolution: attainment(n[2], n[3]),
            });
        }
    }
    out.first_response = attainment(totals[0], totals[1]);
    out.resolution = attainment(totals[2], totals[3]);
    Ok(out)
}
