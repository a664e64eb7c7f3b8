//! Exports: conversations with their transcripts, tickets, and the analytics, as CSV or JSON,
//! produced as a stream of chunks read from the database a page at a time (by id), so memory
//! stays flat whatever the size. ADMIN and SUPERVISOR only; every export is audited.

pub(crate) mod csv;

use chrono::{DateTime, Utc};
use futures::Stream;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;

use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::{conversations, messages, tickets};
use crate::error::{DomainError, DomainResult};
use crate::model::Role;
use crate::state::AppState;

const EXPORTERS: [Role; 2] = [Role::Admin, Role::Supervisor];
/// Rows read per round trip.
const PAGE: u64 = 200;

/// CSV or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    /// `csv` (the default) or `json`.
    pub fn parse(text: Option<&str>) -> DomainResult<Format> {
        match text.map(str::trim).map(str::to_ascii_lowercase).as_deref() {
            None | Some("") | Some("csv") => Ok(Format::Csv),
            Some("json") => Ok(Format::Json),
            Some(_) => Err(DomainError::validation("format", "format is csv or json")),
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

/// What is exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Conversations,
    Tickets,
    Analytics,
    /// Everyone's time online or away, per local day (for payroll and rotas).
    WorkingHours,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Conversations => "conversations",
            Kind::Tickets => "tickets",
            Kind::Analytics => "analytics",
            Kind::WorkingHours => "working-hours",
        }
    }
}

/// A stream of text chunks making up the file.
pub type Chunks = std::pin::Pin<Box<dyn Stream<Item = DomainResult<String>> + Send>>;

/// Checks the role and the period, audits the export, and returns its chunks.
pub async fn start(
    state: &AppState,
    actor: &CurrentUser,
    kind: Kind,
    format: Format,
    days: Option<i64>,
    meta: &RequestMeta,
) -> DomainResult<Chunks> {
    actor.require(&EXPORTERS)?;
    let (days, since) = crate::analytics::since_days(days.or(Some(30)))?;
    let entry = Entry::new(
        match kind {
            Kind::Conversations => "export.conversations",
            Kind::Tickets => "export.tickets",
            Kind::Analytics => "export.analytics",
            Kind::WorkingHours => "export.working_hours",
        },
        Outcome::Success,
    )
    .actor(actor.id, &actor.username)
    .resource("export", kind.name())
    .details(json!({ "format": format.extension(), "days": days }));
    // No data leaves unless the export is on record (fail closed).
    state.audit.record(entry, meta).await?;
    Ok(match kind {
        Kind::Conversations => conversation_rows(state.clone(), format, since),
        Kind::Tickets => ticket_rows(state.clone(), format, since),
        Kind::Analytics => analytics(state.clone(), actor.clone(), format, days).await?,
        Kind::WorkingHours => working_hours(state, format, days).await?,
    })
}

/// Pages through rows after the last id, turning each page into one chunk; brackets JSON arrays.
fn paged<F, Fut>(format: Format, header: &'static str, page: F) -> Chunks
where
    F: Fn(i64) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = DomainResult<Option<(i64, Vec<String>)>>> + Send,
{
    enum Step {
        Start,
        After(i64, bool),
        End,
        Done,
    }
    let page = std::sync::Arc::new(page);
    Box::pin(futures::stream::unfold(Step::Start, move |step| {
        let page = page.clone();
        async move {
            match step {
                Step::Start => {
                    let first = match format {
                        Format::Csv => format!("{header}\r\n"),
                        Format::Json => "[".to_owned(),
                    };
                    Some((Ok(first), Step::After(0, true)))
                }
                Step::After(last, first) => match page(last).await {
                    Ok(Some((next, items))) => {
                        let text = match format {
                            Format::Csv => items.concat(),
                            Format::Json => {
                                let joined = items.join(",");
                                if first { joined } else { format!(",{joined}") }
                            }
                        };
                        Some((Ok(text), Step::After(next, false)))
                    }
                    Ok(None) => {
                        Some((Ok(if format == Format::Json { "]".to_owned() } else { String::new() }), Step::End))
                    }
                    Err(e) => Some((Err(e), Step::Done)),
                },
                Step::End | Step::Done => None,
            }
        }
    }))
}

fn conversation_rows(state: AppState, format: Format, since: DateTime<Utc>) -> Chunks {
    const HEADER: &str =
        "conversation_id,started_at,status,language,customer_ref,assigned_to,csat_score,seq,role,sent_at,content";
    paged(format, HEADER, move |after| {
        let state = state.clone();
        async move {
            let batch = conversations::Entity::find()
                .filter(conversations::Column::CreatedAt.gte(since))
                .filter(conversations::Column::Id.gt(after))
                .order_by_asc(conversations::Column::Id)
                .limit(PAGE)
                .all(&state.db)
                .await?;
            let Some(last) = batch.last().map(|c| i64::from(c.id)) else { return Ok(None) };
            let ids: Vec<i32> = batch.iter().map(|c| c.id).collect();
            let lines = messages::Entity::find()
                .filter(messages::Column::ConversationId.is_in(ids))
                .order_by_asc(messages::Column::ConversationId)
                .order_by_asc(messages::Column::Seq)
                .all(&state.db)
                .await?;
            let lines = crate::conversations::store::opened(&state, lines)?;
            let mut items = Vec::with_capacity(batch.len());
            for c in &batch {
                let mine = lines.iter().filter(|m| m.conversation_id == c.id);
                let customer_ref = crate::conversations::customer_ref(&state.vault, c)?;
                match format {
                    Format::Csv => {
                        let head = [
                            c.public_id.clone(),
                            c.created_at.to_rfc3339(),
                            c.status.to_string(),
                            c.language.clone(),
                            customer_ref.clone().unwrap_or_default(),
                            c.assigned_to.map(|a| a.to_string()).unwrap_or_default(),
                            c.csat_score.map(|s| s.to_string()).unwrap_or_default(),
                        ];
                        let mut text = String::new();
                        for m in mine {
                            let mut row: Vec<String> = head.to_vec();
                            row.extend([
                                m.seq.to_string(),
                                m.role.to_string(),
                                m.created_at.to_rfc3339(),
                                m.content.clone(),
                            ]);
                            text.push_str(&csv::row(&row));
                        }
                        items.push(text);
                    }
                    Format::Json => {
                        let transcript: Vec<_> = mine
                            .map(|m| {
                                json!({ "seq": m.seq, "role": m.role, "sent_at": m.created_at, "content": m.content })
                            })
                            .collect();
                        items.push(
                            json!({
                                "conversation_id": c.public_id, "started_at": c.created_at, "status": c.status,
                                "language": c.language, "customer_ref": customer_ref, "assigned_to": c.assigned_to,
                                "csat_score": c.csat_score, "closed_at": c.closed_at, "messages": transcript,
                            })
                            .to_string(),
                        );
                    }
                }
            }
            Ok(Some((last, items)))
        }
    })
}

fn ticket_rows(state: AppState, format: Format, since: DateTime<Utc>) -> Chunks {
    const HEADER: &str = "ticket_id,created_at,status,priority,category,subject,\
        customer_name,customer_email,assigned_to,first_response_at,resolved_at";
    paged(format, HEADER, move |after| {
        let state = state.clone();
        async move {
            let batch = tickets::Entity::find()
                .filter(tickets::Column::CreatedAt.gte(since))
                .filter(tickets::Column::Id.gt(after))
                .order_by_asc(tickets::Column::Id)
                .limit(PAGE)
                .all(&state.db)
                .await?;
            let Some(last) = batch.last().map(|t| i64::from(t.id)) else { return Ok(None) };
            let when = |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339()).unwrap_or_default();
            let batch: Vec<tickets::Model> =
                batch.into_iter().map(|t| state.vault.open_ticket(t)).collect::<DomainResult<_>>()?;
            let items = batch
                .into_iter()
                .map(|t| match format {
                    Format::Csv => csv::row(&[
                        t.ticket_id,
                        t.created_at.to_rfc3339(),
                        t.status.to_string(),
                        t.priority.to_string(),
                        t.category,
                        t.subject,
                        t.customer_name,
                        t.customer_email.unwrap_or_default(),
                        t.assigned_to.map(|a| a.to_string()).unwrap_or_default(),
                        when(t.first_response_at),
                        when(t.resolved_at),
                    ]),
                    Format::Json => json!({
                        "ticket_id": t.ticket_id, "created_at": t.created_at, "status": t.status,
                        "priority": t.priority, "category": t.category, "subject": t.subject,
                        "customer_name": t.customer_name, "customer_email": t.customer_email,
                        "assigned_to": t.assigned_to, "first_response_at": t.first_response_at,
                        "resolved_at": t.resolved_at,
                    })
                    .to_string(),
                })
                .collect();
            Ok(Some((last, items)))
        }
    })
}

/// The analytics of the period: the day-by-day timeline as CSV, or every figure as JSON. Small
/// (one row per day), so it is computed up front.
async fn analytics(state: AppState, actor: CurrentUser, format: Format, days: i64) -> DomainResult<Chunks> {
    let timeline = crate::analytics::timeline(&state, &actor, Some(days)).await?;
    let text = match format {
        Format::Csv => {
            let mut text = "date,conversations,messages,tickets,resolved\r\n".to_owned();
            for d in &timeline {
                text.push_str(&csv::row(&[
                    d.date.clone(),
                    d.conversations.to_string(),
                    d.messages.to_string(),
                    d.tickets.to_string(),
                    d.resolved.to_string(),
                ]));
            }
            text
        }
        Format::Json => json!({
            "days": days,
            "dashboard": crate::analytics::dashboard(&state, &actor).await?,
            "conversations": crate::analytics::conversations(&state, &actor, Some(days)).await?,
            "tickets": crate::analytics::tickets(&state, &actor).await?,
            "assistant": crate::analytics::assistant(&state, &actor, Some(days)).await?,
            "timeline": timeline,
        })
        .to_string(),
    };
    Ok(Box::pin(futures::stream::once(async move { Ok(text) })))
}

/// One row per person and local day: `agent_id,name,email,date,hours` (two decimals); or JSON.
async fn working_hours(state: &AppState, format: Format, days: i64) -> DomainResult<Chunks> {
    let (_, people) = crate::analytics::agent::hours(state, Some(days)).await?;
    let hours = |secs: i64| format!("{:.2}", secs as f64 / 3600.0);
    let text = match format {
        Format::Csv => {
            let mut text = "agent_id,name,email,date,hours\r\n".to_owned();
            for (person, worked) in &people {
                for day in worked {
                    let cells = [person.id.to_string(), person.full_name.clone(), person.email.clone()];
                    text.push_str(&csv::row(&[&cells[..], &[day.date.clone(), hours(day.seconds)]].concat()));
                }
            }
            text
        }
        Format::Json => {
            let rows: Vec<_> = people
                .iter()
                .map(|(p, worked)| {
                    let total: i64 = worked.iter().map(|d| d.seconds).sum();
                    json!({
                        "agent_id": p.id, "name": p.full_name, "email": p.email, "days": worked, "total_secs": total,
                    })
                })
                .collect();
            serde_json::Value::Array(rows).to_string()
        }
    };
    Ok(Box::pin(futures::stream::once(async move { Ok(text) })))
}
