//! One person's own figures (`GET /analytics/agents/me`, `/analytics/agents/{id}`) and the
//! working-hours report for everyone (`GET /export/working-hours`). Days are the bank's local days
//! (the UTC offset of `chat.business_hours`, UTC without one); time worked is time online or away.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, Value};

use super::{PERFORMANCE_READERS, at, sql};
use crate::auth::CurrentUser;
use crate::entities::{users, work_sessions};
use crate::error::{DomainError, DomainResult};
use crate::model::{AgentReport, Role, WorkedDay};
use crate::sql::{count, mean};
use crate::state::AppState;

/// The period: `days` local days ending today (1 to 365, default 7).
#[derive(Debug, Clone, Copy)]
pub struct Days {
    pub count: i64,
    pub first: NaiveDate,
    /// Local time is UTC plus this.
    offset: Duration,
}

impl Days {
    pub fn new(state: &AppState, days: Option<i64>, now: DateTime<Utc>) -> DomainResult<Days> {
        let (count, _) = super::since_days(days)?;
        let minutes = state.runtime.business_hours().map_or(0, |h| h.utc_offset_minutes);
        Ok(Days::at_offset(count, Duration::minutes(i64::from(minutes)), now))
    }

    fn at_offset(count: i64, offset: Duration, now: DateTime<Utc>) -> Days {
        let today = (now.naive_utc() + offset).date();
        Days { count, first: today - Duration::days(count - 1), offset }
    }

    /// The instant the first day starts.
    pub fn start(&self) -> DateTime<Utc> {
        (self.first.and_time(chrono::NaiveTime::MIN) - self.offset).and_utc()
    }

    fn day_start(&self, i: i64) -> DateTime<Utc> {
        self.start() + Duration::days(i)
    }

    /// Seconds of `sessions` (start, end or still open) on each day, clipped to `now`.
    pub fn worked(&self, sessions: &[(DateTime<Utc>, Option<DateTime<Utc>>)], now: DateTime<Utc>) -> Vec<WorkedDay> {
        (0..self.count)
            .map(|i| {
                let (from, to) = (self.day_start(i), std::cmp::min(self.day_start(i + 1), now));
                let seconds = sessions
                    .iter()
                    .map(|(start, end)| {
                        let (a, b) = (std::cmp::max(*start, from), std::cmp::min(end.unwrap_or(now), to));
                        // Whole seconds since the epoch: a session's pieces on either side of
                        // midnight add up to its length (each piece's own fraction cut off lost
                        // a second).
                        (b.timestamp() - a.timestamp()).max(0)
                    })
                    .sum();
                WorkedDay { date: (self.first + Duration::days(i)).to_string(), seconds }
            })
            .collect()
    }
}

/// Work sessions of `user` (every user when `None`) overlapping the period.
pub async fn sessions(state: &AppState, user: Option<i32>, days: &Days) -> DomainResult<Vec<work_sessions::Model>> {
    let overlapping = Condition::any()
        .add(work_sessions::Column::EndedAt.is_null())
        .add(work_sessions::Column::EndedAt.gt(days.start()));
    let mut query = work_sessions::Entity::find().filter(overlapping);
    if let Some(id) = user {
        query = query.filter(work_sessions::Column::UserId.eq(id));
    }
    Ok(query.order_by_asc(work_sessions::Column::UserId).all(&state.db).await?)
}

/// An agent's report. Anyone reads their own; ADMIN, SUPERVISOR and VIEWER read anyone's.
pub async fn report(
    state: &AppState,
    actor: &CurrentUser,
    agent: Option<i32>,
    days: Option<i64>,
) -> DomainResult<AgentReport> {
    let id = agent.unwrap_or(actor.id);
    if id == actor.id {
        actor.require(&Role::ALL)?;
    } else {
        actor.require(&PERFORMANCE_READERS)?;
    }
    let person = users::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(|| DomainError::NotFound("User not found".into()))?;
    let now = Utc::now();
    let period = Days::new(state, days, now)?;
    let s = sql(state);
    let query = format!(
        "SELECT \
         (SELECT COUNT(*) FROM tickets WHERE assigned_to = ? AND created_at >= ?) AS assigned, \
         (SELECT COUNT(*) FROM tickets WHERE assigned_to = ? AND resolved_at >= ?) AS resolved, \
         (SELECT {} FROM tickets WHERE assigned_to = ? AND first_response_at >= ?) AS response, \
         (SELECT {} FROM tickets WHERE assigned_to = ? AND resolved_at >= ?) AS resolution, \
         (SELECT COUNT(*) FROM conversations WHERE assigned_to = ? AND created_at >= ?) AS handled, \
         (SELECT {} FROM conversations WHERE assigned_to = ? AND created_at >= ? AND csat_score IS NOT NULL) AS csat, \
         (SELECT COUNT(csat_score) FROM conversations WHERE assigned_to = ? AND created_at >= ?) AS ratings",
        s.avg(&s.minutes("first_response_at", "created_at")),
        s.avg(&s.minutes("resolved_at", "created_at")),
        s.avg("csat_score"),
    );
    let values = (0..7).flat_map(|_| [Value::from(id), at(period.start())]).collect();
    let row = s.one(&state.db, &query, values).await?;
    let spans: Vec<_> =
        sessions(state, Some(id), &period).await?.into_iter().map(|w| (w.started_at, w.ended_at)).collect();
    let worked = period.worked(&spans, now);
    Ok(AgentReport {
        agent_id: id,
        name: person.full_name,
        days: period.count,
        tickets_assigned: count(&row, "assigned")?,
        tickets_resolved: count(&row, "resolved")?,
        avg_first_response_minutes: mean(&row, "response")?,
        avg_resolution_minutes: mean(&row, "resolution")?,
        conversations_handled: count(&row, "handled")?,
        csat: mean(&row, "csat")?,
        ratings: count(&row, "ratings")?,
        worked_total_secs: worked.iter().map(|d| d.seconds).sum(),
        worked,
    })
}

/// Everyone who worked in the period (by name), with their time per day: the working-hours report.
pub async fn hours(state: &AppState, days: Option<i64>) -> DomainResult<(Days, Vec<(users::Model, Vec<WorkedDay>)>)> {
    let now = Utc::now();
    let period = Days::new(state, days, now)?;
    let all = sessions(state, None, &period).await?;
    let mut ids: Vec<i32> = all.iter().map(|w| w.user_id).collect();
    ids.dedup();
    let mut people = users::Entity::find().filter(users::Column::Id.is_in(ids)).all(&state.db).await?;
    people.sort_by(|a, b| a.full_name.cmp(&b.full_name).then(a.id.cmp(&b.id)));
    let out = people
        .into_iter()
        .map(|u| {
            let spans: Vec<_> = all.iter().filter(|w| w.user_id == u.id).map(|w| (w.started_at, w.ended_at)).collect();
            let worked = period.worked(&spans, now);
            (u, worked)
        })
        .collect();
    Ok((period, out))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn time_is_split_across_local_days_and_clipped_to_now() {
        let now = Utc.with_ymd_and_hms(2026, 3, 10, 15, 0, 0).unwrap();
        // UTC-5: the local day 2026-03-10 runs from 05:00 UTC that day to 05:00 UTC the next.
        let days = Days::at_offset(2, Duration::minutes(-300), now);
        assert_eq!(days.first.to_string(), "2026-03-09");
        let t = |d, h| Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap();
        let sessions = [
            (t(8, 0), Some(t(8, 6))),   // before the period: 0
            (t(10, 3), Some(t(10, 7))), // 03–05 UTC is the 9th locally, 05–07 the 10th
            (t(10, 14), None),          // still on: one hour to now
        ];
        let worked = days.worked(&sessions, now);
        assert_eq!(worked[0], WorkedDay { date: "2026-03-09".into(), seconds: 7200 });
        assert_eq!(worked[1], WorkedDay { date: "2026-03-10".into(), seconds: 7200 + 3600 });
    }
}
