//! Analytics: the figures behind the dashboard, each computed by the database with aggregates
//! over indexed columns (never by loading rows), on SQLite and PostgreSQL alike.
//!
//! Every staff member reads the dashboard, conversation, ticket, customer, timeline and
//! assistant figures; agents' performance is for ADMIN, SUPERVISOR and VIEWER; audit activity for
//! ADMIN and VIEWER (as the audit log itself).

pub mod agent;
mod answers;
pub mod sla;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use sea_orm::Value;

use crate::auth::CurrentUser;
use crate::error::{DomainError, DomainResult};
use crate::model::{
    ActorCount, AgentPerformance, AssistantStats, AuditStats, ConversationStats, CustomerAnalytics, DashboardStats,
    Role, TicketStats, TimelineDay,
};
use crate::sql::{Sql, count, mean, rate, round};
use crate::state::AppState;

const PERFORMANCE_READERS: [Role; 3] = [Role::Admin, Role::Supervisor, Role::Viewer];
const AUDIT_READERS: [Role; 2] = [Role::Admin, Role::Viewer];

fn sql(state: &AppState) -> Sql {
    Sql(state.db.get_database_backend())
}

/// `days` back from now: 1 to 365, default 7.
pub fn since_days(days: Option<i64>) -> DomainResult<(i64, DateTime<Utc>)> {
    match days.unwrap_or(7) {
        d @ 1..=365 => Ok((d, Utc::now() - Duration::days(d))),
        _ => Err(DomainError::validation("days", "days is 1 to 365")),
    }
}

fn today() -> DateTime<Utc> {
    Utc::now().date_naive().and_time(NaiveTime::MIN).and_utc()
}

fn at(t: DateTime<Utc>) -> Value {
    Value::from(t)
}

/// `GET /analytics/dashboard`.
pub async fn dashboard(state: &AppState, actor: &CurrentUser) -> DomainResult<DashboardStats> {
    actor.require(&Role::ALL)?;
    let s = sql(state);
    let query = format!(
        "SELECT \
         (SELECT COUNT(*) FROM conversations) AS total_conversations, \
         (SELECT COUNT(*) FROM conversations WHERE status <> 'CLOSED') AS active_conversations, \
         (SELECT COUNT(*) FROM tickets) AS total_tickets, \
         (SELECT COUNT(*) FROM tickets WHERE status = 'OPEN') AS open_tickets, \
         (SELECT COUNT(*) FROM tickets WHERE status = 'IN_PROGRESS') AS in_progress_tickets, \
         (SELECT COUNT(*) FROM tickets WHERE resolved_at >= ?) AS resolved_today, \
         (SELECT {} FROM tickets WHERE first_response_at IS NOT NULL) AS response, \
         (SELECT {} FROM conversations WHERE csat_score IS NOT NULL) AS csat",
        s.avg(&s.minutes("first_response_at", "created_at")),
        s.avg("csat_score"),
    );
    let row = s.one(&state.db, &query, vec![at(today())]).await?;
    Ok(DashboardStats {
        total_conversations: count(&row, "total_conversations")?,
        active_conversations: count(&row, "active_conversations")?,
        total_tickets: count(&row, "total_tickets")?,
        open_tickets: count(&row, "open_tickets")?,
        in_progress_tickets: count(&row, "in_progress_tickets")?,
        resolved_today: count(&row, "resolved_today")?,
        avg_response_time_minutes: mean(&row, "response")?,
        customer_satisfaction: mean(&row, "csat")?,
    })
}

/// `GET /analytics/conversations?days=`: conversations started in the period.
pub async fn conversations(
    state: &AppState,
    actor: &CurrentUser,
    days: Option<i64>,
) -> DomainResult<ConversationStats> {
    actor.require(&Role::ALL)?;
    let (_, since) = since_days(days)?;
    let s = sql(state);
    let row = s
        .one(
            &state.db,
            "SELECT COUNT(*) AS total, SUM(CASE WHEN c.status <> 'CLOSED' THEN 1 ELSE 0 END) AS active, \
             (SELECT COUNT(DISTINCT t.conversation_id) FROM tickets t JOIN conversations e ON e.id = t.conversation_id \
              WHERE e.created_at >= ?) AS escalated, \
             CAST(SUM(c.last_seq) AS BIGINT) AS messages \
             FROM conversations c WHERE c.created_at >= ?",
            vec![at(since), at(since)],
        )
        .await?;
    let total = count(&row, "total")?;
    let escalated = count(&row, "escalated")?;
    let messages = count(&row, "messages")?;
    Ok(ConversationStats {
        total,
        active: count(&row, "active")?,
        escalated,
        avg_messages_per_conversation: if total == 0 { 0.0 } else { round(messages as f64 / total as f64) },
        escalation_rate: rate(escalated, total),
    })
}

async fn grouped(state: &AppState, sql: &str, values: Vec<Value>) -> DomainResult<BTreeMap<String, u64>> {
    let rows = self::sql(state).all(&state.db, sql, values).await?;
    rows.iter().map(|r| Ok((r.try_get::<Option<String>>("", "k")?.unwrap_or_default(), count(r, "n")?))).collect()
}

/// `GET /analytics/tickets`: every ticket by status, priority and category, and the times.
pub async fn tickets(state: &AppState, actor: &CurrentUser) -> DomainResult<TicketStats> {
    actor.require(&Role::ALL)?;
    let s = sql(state);
    let by = |col: &str| format!("SELECT {col} AS k, COUNT(*) AS n FROM tickets GROUP BY {col}");
    let by_status = grouped(state, &by("status"), vec![]).await?;
    let query = format!(
        "SELECT \
         (SELECT COUNT(*) FROM tickets WHERE status IN ('OPEN', 'IN_PROGRESS') AND assigned_to IS NULL) AS unassigned, \
         (SELECT COUNT(*) FROM tickets WHERE resolved_at >= ?) AS resolved_today, \
         (SELECT {} FROM tickets WHERE first_response_at IS NOT NULL) AS response, \
         (SELECT {} FROM tickets WHERE resolved_at IS NOT NULL) AS resolution",
        s.avg(&s.minutes("first_response_at", "created_at")),
        s.avg(&s.minutes("resolved_at", "created_at")),
    );
    let row = s.one(&state.db, &query, vec![at(today())]).await?;
    Ok(TicketStats {
        total: by_status.values().sum(),
        by_status,
        by_priority: grouped(state, &by("priority"), vec![]).await?,
        by_category: grouped(state, &by("category"), vec![]).await?,
        unassigned_open: count(&row, "unassigned")?,
        resolved_today: count(&row, "resolved_today")?,
        avg_first_response_minutes: mean(&row, "response")?,
        avg_resolution_minutes: mean(&row, "resolution")?,
    })
}

/// `GET /analytics/agents/performance`: each active agent and supervisor, by name.
pub async fn agents(state: &AppState, actor: &CurrentUser) -> DomainResult<Vec<AgentPerformance>> {
    actor.require(&PERFORMANCE_READERS)?;
    let s = sql(state);
    let query = format!(
        "SELECT u.id AS id, u.full_name AS name, u.role AS role, \
         (SELECT COUNT(*) FROM tickets t WHERE t.assigned_to = u.id) AS assigned, \
         (SELECT COUNT(*) FROM tickets t WHERE t.assigned_to = u.id AND t.status IN ('OPEN', 'IN_PROGRESS')) AS open, \
         (SELECT COUNT(*) FROM tickets t WHERE t.assigned_to = u.id \
             AND t.status IN ('RESOLVED', 'CLOSED')) AS resolved, \
         (SELECT {} FROM tickets t WHERE t.assigned_to = u.id AND t.resolved_at IS NOT NULL) AS resolution, \
         (SELECT COUNT(*) FROM conversations c WHERE c.assigned_to = u.id) AS handled, \
         (SELECT {} FROM conversations c WHERE c.assigned_to = u.id AND c.csat_score IS NOT NULL) AS csat \
         FROM users u WHERE u.role IN ('AGENT', 'SUPERVISOR') AND u.is_active = ? ORDER BY u.full_name, u.id",
        s.avg(&s.minutes("t.resolved_at", "t.created_at")),
        s.avg("c.csat_score"),
    );
    let rows = s.all(&state.db, &query, vec![Value::from(true)]).await?;
    rows.iter()
        .map(|r| {
            Ok(AgentPerformance {
                agent_id: r.try_get("", "id")?,
                name: r.try_get("", "name")?,
                role: r.try_get("", "role")?,
                assigned_tickets: count(r, "assigned")?,
                open_tickets: count(r, "open")?,
                resolved_tickets: count(r, "resolved")?,
                avg_resolution_minutes: mean(r, "resolution")?,
                conversations_handled: count(r, "handled")?,
                customer_satisfaction: mean(r, "csat")?,
            })
        })
        .collect()
}

/// `GET /analytics/customers`.
pub async fn customers(state: &AppState, actor: &CurrentUser) -> DomainResult<CustomerAnalytics> {
    let stats = crate::customers::stats(state, actor).await?;
    let row = sql(state)
        .one(
            &state.db,
            "SELECT COUNT(DISTINCT customer_id) AS n FROM conversations WHERE customer_id IS NOT NULL",
            vec![],
        )
        .await?;
    Ok(CustomerAnalytics {
        total: stats.total,
        active: stats.active,
        inactive: stats.inactive,
        suspended: stats.suspended,
        by_type: BTreeMap::from([("INDIVIDUAL".to_owned(), stats.individual), ("BUSINESS".to_owned(), stats.business)]),
        new_last_30_days: stats.new_last_30_days,
        with_conversations: count(&row, "n")?,
    })
}

/// `GET /analytics/timeline?days=`: one entry per UTC day of the period, oldest first, days
/// without activity included.
pub async fn timeline(state: &AppState, actor: &CurrentUser, days: Option<i64>) -> DomainResult<Vec<TimelineDay>> {
    actor.require(&Role::ALL)?;
    let (days, _) = since_days(days)?;
    let first = today() - Duration::days(days - 1);
    let conversations = per_day(state, "conversations", "created_at", first, days).await?;
    let messages = per_day(state, "messages", "created_at", first, days).await?;
    let tickets = per_day(state, "tickets", "created_at", first, days).await?;
    let resolved = per_day(state, "tickets", "resolved_at", first, days).await?;
    Ok((0..days)
        .map(|i| {
            let at = |counts: &[u64]| counts.get(usize::try_from(i).unwrap_or(0)).copied().unwrap_or(0);
            TimelineDay {
                date: (first + Duration::days(i)).format("%Y-%m-%d").to_string(),
                conversations: at(&conversations),
                messages: at(&messages),
                tickets: at(&tickets),
                resolved: at(&resolved),
            }
        })
        .collect())
}

/// Rows of `table` per UTC day from `first`, for `days` days: one range count per day over the
/// index on `column`, all in one statement (measured 4× faster than grouping by a computed day).
async fn per_day(
    state: &AppState,
    table: &str,
    column: &str,
    first: DateTime<Utc>,
    days: i64,
) -> DomainResult<Vec<u64>> {
    let columns: Vec<String> = (0..days)
        .map(|i| format!("(SELECT COUNT(*) FROM {table} WHERE {column} >= ? AND {column} < ?) AS d{i}"))
        .collect();
    let values = (0..days).flat_map(|i| [at(first + Duration::days(i)), at(first + Duration::days(i + 1))]).collect();
    let row = sql(state).one(&state.db, &format!("SELECT {}", columns.join(", ")), values).await?;
    (0..days).map(|i| count(&row, &format!("d{i}"))).collect()
}

/// `GET /analytics/audit?hours=`: audit activity in the last hours (1 to 8760, default 24).
pub async fn audit(state: &AppState, actor: &CurrentUser, hours: Option<i64>) -> DomainResult<AuditStats> {
    actor.require(&AUDIT_READERS)?;
    let hours = match hours.unwrap_or(24) {
        h @ 1..=8760 => h,
        _ => return Err(DomainError::validation("hours", "hours is 1 to 8760")),
    };
    let since = Utc::now() - Duration::hours(hours);
    let s = sql(state);
    let by_action = grouped(
        state,
        "SELECT action AS k, COUNT(*) AS n FROM audit_log WHERE created_at >= ? GROUP BY action",
        vec![at(since)],
    )
    .await?;
    let failures = s
        .one(
            &state.db,
            "SELECT COUNT(*) AS n FROM audit_log WHERE created_at >= ? AND outcome = 'failure'",
            vec![at(since)],
        )
        .await?;
    let actors = s
        .all(
            &state.db,
            "SELECT actor_id, MAX(actor_name) AS actor_name, COUNT(*) AS n FROM audit_log WHERE created_at >= ? \
             GROUP BY actor_id ORDER BY n DESC LIMIT 10",
            vec![at(since)],
        )
        .await?;
    Ok(AuditStats {
        hours,
        total: by_action.values().sum(),
        failures: count(&failures, "n")?,
        by_action,
        top_actors: actors
            .iter()
            .map(|r| {
                Ok(ActorCount {
                    actor_id: r.try_get("", "actor_id")?,
                    actor_name: r.try_get("", "actor_name")?,
                    count: count(r, "n")?,
                })
            })
            .collect::<DomainResult<_>>()?,
    })
}

/// `GET /analytics/assistant?days=`: deflection, confirmed resolution, escalations and their
/// reasons, answer confidence, response and resolution times, CSAT, and the answers' quality
/// (times by provider, verdicts, what it could not answer) over the period.
pub async fn assistant(state: &AppState, actor: &CurrentUser, days: Option<i64>) -> DomainResult<AssistantStats> {
    actor.require(&Role::ALL)?;
    let (days, since) = since_days(days)?;
    let s = sql(state);
    // One look-up per conversation: is it among those with a ticket?
    let alone = "t.cid IS NULL AND c.assigned_to IS NULL";
    let query = format!(
        "SELECT COUNT(*) AS total, \
         SUM(CASE WHEN {alone} THEN 1 ELSE 0 END) AS alone, \
         SUM(CASE WHEN {alone} AND c.csat_score >= 4 THEN 1 ELSE 0 END) AS confirmed, \
         SUM(CASE WHEN t.cid IS NOT NULL THEN 1 ELSE 0 END) AS escalated, \
         {} AS csat \
         FROM conversations c \
         LEFT JOIN (SELECT DISTINCT conversation_id AS cid FROM tickets WHERE conversation_id IS NOT NULL) t \
         ON t.cid = c.id \
         WHERE c.created_at >= ?",
        s.avg("c.csat_score"),
    );
    let row = s.one(&state.db, &query, vec![at(since)]).await?;
    let total = count(&row, "total")?;
    let (alone_n, confirmed, escalated) = (count(&row, "alone")?, count(&row, "confirmed")?, count(&row, "escalated")?);
    let reasons = grouped(
        state,
        "SELECT t.category AS k, COUNT(*) AS n FROM tickets t JOIN conversations c ON c.id = t.conversation_id \
         WHERE c.created_at >= ? GROUP BY t.category",
        vec![at(since)],
    )
    .await?;
    let bucket = (1..10).map(|i| format!("WHEN confidence < 0.{i} THEN {}", i - 1)).collect::<Vec<_>>().join(" ");
    let histogram = grouped(
        state,
        &format!(
            "SELECT CAST(CASE {bucket} ELSE 9 END AS VARCHAR(2)) AS k, COUNT(*) AS n FROM assistant_answers \
             WHERE created_at >= ? GROUP BY k"
        ),
        vec![at(since)],
    )
    .await?;
    let answers = s
        .one(
            &state.db,
            &format!(
                "SELECT COUNT(*) AS n, {} AS avg FROM assistant_answers WHERE created_at >= ?",
                s.avg("confidence")
            ),
            vec![at(since)],
        )
        .await?;
    let times = s
        .one(
            &state.db,
            &format!(
                "SELECT (SELECT {} FROM tickets WHERE created_at >= ? AND first_response_at IS NOT NULL) AS response, \
                 (SELECT {} FROM tickets WHERE created_at >= ? AND resolved_at IS NOT NULL) AS resolution",
                s.avg(&s.minutes("first_response_at", "created_at")),
                s.avg(&s.minutes("resolved_at", "created_at")),
            ),
            vec![at(since), at(since)],
        )
        .await?;
    let ratings = grouped(
        state,
        "SELECT CAST(csat_score AS VARCHAR(2)) AS k, COUNT(*) AS n FROM conversations \
         WHERE created_at >= ? AND csat_score IS NOT NULL GROUP BY csat_score",
        vec![at(since)],
    )
    .await?;
    Ok(AssistantStats {
        days,
        conversations: total,
        assistant_only: alone_n,
        deflection_rate: rate(alone_n, total),
        confirmed_resolutions: confirmed,
        confirmed_resolution_rate: rate(confirmed, total),
        escalated,
        escalation_rate: rate(escalated, total),
        escalation_reasons: reasons,
        confidence_histogram: (0..10).map(|i| histogram.get(&i.to_string()).copied().unwrap_or(0)).collect(),
        answers: count(&answers, "n")?,
        avg_confidence: mean(&answers, "avg")?,
        avg_first_response_minutes: mean(&times, "response")?,
        avg_resolution_minutes: mean(&times, "resolution")?,
        csat: mean(&row, "csat")?,
        csat_distribution: (1..=5).map(|i| ratings.get(&i.to_string()).copied().unwrap_or(0)).collect(),
        quality: answers::quality(state, s, since).await?,
    })
}
