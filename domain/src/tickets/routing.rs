//! Routing: who takes a ticket. On escalation a ticket goes to the online agent with the fewest
//! open tickets under the capacity setting (ties: whoever has waited longest since their last
//! one); otherwise it waits in the queue — most urgent first, then oldest — and is handed out when
//! an agent comes online or frees capacity. Presence changes open and close work sessions, which
//! add up to each agent's working time.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect, Set};

use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::{agent_presence, tickets, users, work_sessions};
use crate::error::{DomainError, DomainResult};
use crate::model::{AgentOut, Presence, Role, TicketStatus};
use crate::state::AppState;
use crate::tickets::actions::{WORKERS, assign_to};

/// Open tickets (OPEN or IN_PROGRESS) per assignee.
async fn open_counts(state: &AppState) -> DomainResult<HashMap<i32, u64>> {
    let rows: Vec<(Option<i32>, i64)> = tickets::Entity::find()
        .select_only()
        .column(tickets::Column::AssignedTo)
        .column_as(tickets::Column::Id.count(), "n")
        .filter(tickets::Column::Status.is_in([TicketStatus::Open, TicketStatus::InProgress]))
        .filter(tickets::Column::AssignedTo.is_not_null())
        .group_by(tickets::Column::AssignedTo)
        .into_tuple()
        .all(&state.db)
        .await?;
    Ok(rows.into_iter().filter_map(|(agent, n)| agent.map(|a| (a, u64::try_from(n).unwrap_or(0)))).collect())
}

/// The online agent who should take the next ticket, if anyone has room.
pub async fn pick_agent(state: &AppState) -> DomainResult<Option<users::Model>> {
    let online = agent_presence::Entity::find()
        .filter(agent_presence::Column::Status.eq(Presence::Online))
        .all(&state.db)
        .await?;
    if online.is_empty() {
        return Ok(None);
    }
    let agents = users::Entity::find()
        .filter(users::Column::Id.is_in(online.iter().map(|p| p.user_id).collect::<Vec<_>>()))
        .filter(users::Column::IsActive.eq(true))
        .filter(users::Column::Role.eq(Role::Agent))
        .all(&state.db)
        .await?;
    let counts = open_counts(state).await?;
    let capacity = state.runtime.agent_capacity(&state.config);
    let last = |id: i32| online.iter().find(|p| p.user_id == id).and_then(|p| p.last_assigned_at);
    Ok(agents
        .into_iter()
        .filter(|a| counts.get(&a.id).copied().unwrap_or(0) < capacity)
        .min_by_key(|a| (counts.get(&a.id).copied().unwrap_or(0), last(a.id), a.id)))
}

/// Gives an unassigned open ticket to the best online agent. Returns the updated ticket, or
/// `None` when it stays in the queue (or someone else routed it first).
pub async fn route(state: &AppState, ticket: &tickets::Model) -> DomainResult<Option<tickets::Model>> {
    if ticket.assigned_to.is_some() || ticket.status != TicketStatus::Open {
        return Ok(None);
    }
    let Some(agent) = pick_agent(state).await? else { return Ok(None) };
    // Claimed only while still unassigned: another request, or another server, may route it now.
    let claimed = tickets::Entity::update_many()
        .col_expr(tickets::Column::AssignedTo, Expr::value(agent.id))
        .filter(tickets::Column::Id.eq(ticket.id))
        .filter(tickets::Column::AssignedTo.is_null())
        .filter(tickets::Column::Status.eq(TicketStatus::Open))
        .exec(&state.db)
        .await?;
    if claimed.rows_affected != 1 {
        return Ok(None);
    }
    let updated = assign_to(state, ticket, &agent, None).await?;
    agent_presence::Entity::update_many()
        .col_expr(agent_presence::Column::LastAssignedAt, Expr::value(Utc::now()))
        .filter(agent_presence::Column::UserId.eq(agent.id))
        .exec(&state.db)
        .await?;
    tracing::info!(ticket = updated.ticket_id, agent = agent.id, "routed");
    Ok(Some(updated))
}

/// Hands out waiting tickets — most urgent first, then oldest — while agents have room.
pub async fn assign_waiting(state: &AppState) -> DomainResult<usize> {
    let mut queue = tickets::Entity::find()
        .filter(tickets::Column::Status.eq(TicketStatus::Open))
        .filter(tickets::Column::AssignedTo.is_null())
        .limit(500)
        .all(&state.db)
        .await?;
    queue.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.created_at.cmp(&b.created_at)).then(a.id.cmp(&b.id)));
    let mut routed = 0;
    for ticket in &queue {
        match route(state, ticket).await? {
            Some(_) => routed += 1,
            None => break,
        }
    }
    Ok(routed)
}

/// `PUT /agents/me/presence`: online, away or offline. Going online picks up waiting tickets.
pub async fn set_presence(
    state: &AppState,
    actor: &CurrentUser,
    presence: Presence,
    meta: &RequestMeta,
) -> DomainResult<AgentOut> {
    actor.require(&WORKERS)?;
    let now = Utc::now();
    let existing = agent_presence::Entity::find_by_id(actor.id).one(&state.db).await?;
    let row = agent_presence::ActiveModel {
        user_id: Set(actor.id),
        status: Set(presence),
        last_assigned_at: Set(existing.as_ref().and_then(|p| p.last_assigned_at)),
        updated_at: Set(now),
    };
    if existing.is_some() {
        row.update(&state.db).await?
    } else {
        row.insert(&state.db).await?
    };
    let open = work_sessions::Entity::find()
        .filter(work_sessions::Column::UserId.eq(actor.id))
        .filter(work_sessions::Column::EndedAt.is_null())
        .one(&state.db)
        .await?;
    match (presence, open) {
        (Presence::Offline, Some(_)) => {
            work_sessions::Entity::update_many()
                .col_expr(work_sessions::Column::EndedAt, Expr::value(now))
                .filter(work_sessions::Column::UserId.eq(actor.id))
                .filter(work_sessions::Column::EndedAt.is_null())
                .exec(&state.db)
                .await?;
        }
        (Presence::Online | Presence::Away, None) => {
            work_sessions::ActiveModel {
                id: sea_orm::NotSet,
                user_id: Set(actor.id),
                started_at: Set(now),
                ended_at: Set(None),
            }
            .insert(&state.db)
            .await?;
        }
        _ => {}
    }
    let entry = Entry::new("agent.presence", Outcome::Success)
        .actor(actor.id, &actor.username)
        .details(serde_json::json!({ "presence": presence }));
    let _ = state.audit.record(entry, meta).await;
    let news = crate::model::PresenceNews { user_id: actor.id, presence };
    state.events.staff(crate::model::StaffNews::PresenceChanged(news), None);
    if presence == Presence::Online {
        assign_waiting(state).await?;
    }
    agents(state, actor)
        .await?
        .into_iter()
        .find(|a| a.id == actor.id)
        .ok_or_else(|| DomainError::NotFound("Agent not found".into()))
}

/// Seconds of `sessions` that fall on `now`'s UTC day.
fn worked_today(sessions: &[work_sessions::Model], now: DateTime<Utc>) -> i64 {
    let day_start = now.date_naive().and_hms_opt(0, 0, 0).map(|d| d.and_utc()).unwrap_or(now);
    sessions
        .iter()
        .map(|s| {
            let start = std::cmp::max(s.started_at, day_start);
            let end = std::cmp::min(s.ended_at.unwrap_or(now), now);
            (end - start).num_seconds().max(0)
        })
        .sum()
}

/// `GET /agents` (any staff): everyone who can take tickets, with presence, load and today's time.
pub async fn agents(state: &AppState, actor: &CurrentUser) -> DomainResult<Vec<AgentOut>> {
    actor.require(&Role::ALL)?;
    let now = Utc::now();
    let day_start = now.date_naive().and_hms_opt(0, 0, 0).map(|d| d.and_utc()).unwrap_or(now);
    let staff = users::Entity::find()
        .filter(users::Column::IsActive.eq(true))
        .filter(users::Column::Role.ne(Role::Viewer))
        .all(&state.db)
        .await?;
    let presence = agent_presence::Entity::find().all(&state.db).await?;
    let sessions = work_sessions::Entity::find()
        .filter(
            Condition::any()
                .add(work_sessions::Column::EndedAt.is_null())
                .add(work_sessions::Column::EndedAt.gt(day_start)),
        )
        .all(&state.db)
        .await?;
    let counts = open_counts(state).await?;
    let mut out: Vec<AgentOut> = staff
        .into_iter()
        .map(|u| {
            let mine: Vec<work_sessions::Model> = sessions.iter().filter(|s| s.user_id == u.id).cloned().collect();
            AgentOut {
                presence: presence.iter().find(|p| p.user_id == u.id).map_or(Presence::Offline, |p| p.status),
                open_tickets: counts.get(&u.id).copied().unwrap_or(0),
                capacity: state.runtime.agent_capacity(&state.config),
                worked_today_secs: worked_today(&mine, now),
                role: u.role,
                id: u.id,
                full_name: u.full_name,
            }
        })
        .collect();
    out.sort_by(|a, b| a.full_name.cmp(&b.full_name));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::model::Priority;

    #[test]
    fn working_time_counts_only_today() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        let session = |start: DateTime<Utc>, end: Option<DateTime<Utc>>| work_sessions::Model {
            id: 1,
            user_id: 1,
            started_at: start,
            ended_at: end,
        };
        let sessions = [
            session(now - Duration::hours(14), Some(now - Duration::hours(10))), // 22:00–02:00: 2 h today
            session(now - Duration::hours(1), None),                             // still on: 1 h
        ];
        assert_eq!(worked_today(&sessions, now), 3 * 3600);
        // The queue is handed out most urgent first.
        assert!(Priority::Urgent > Priority::High && Priority::High > Priority::Low);
    }
}
