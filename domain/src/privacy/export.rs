//! `GET /customers/{id}/data-export` (ADMIN, SUPERVISOR): everything held about a customer — the
//! profile, every conversation with its transcript, every ticket with its notes, the ratings they
//! gave, the privacy notices they accepted and the audit records about them — as one JSON document
//! ([`CustomerDataExport`]) or a ZIP of CSV files, one per kind. Either is streamed: transcripts are
//! read a page of conversations at a time and sent as they are read. The export is audited
//! (`CUSTOMER_DATA_EXPORTED`) before anything is sent, and refused when that cannot be recorded.

use chrono::Utc;
use futures::Stream;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use serde_json::Value;

use super::zip::Zip;
use super::{Holdings, holdings};
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::{audit_log, conversations, messages, ticket_notes, users};
use crate::error::{DomainError, DomainResult};
use crate::model::{AuditRecord, ConversationDetail, NoteOut, RatingRecord, Role, TicketRecord};
use crate::state::AppState;
use crate::vault::Field;

/// Conversations whose transcripts are read in one round trip.
const PAGE: usize = 50;

/// One JSON document, or a ZIP of CSV files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Zip,
}

impl Format {
    /// `json` (the default) or `zip`.
    pub fn parse(text: Option<&str>) -> DomainResult<Format> {
        match text.map(str::trim).unwrap_or("json") {
            "" | "json" => Ok(Format::Json),
            "zip" => Ok(Format::Zip),
            _ => Err(DomainError::validation("format", "format is json or zip")),
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Zip => "application/zip",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Zip => "zip",
        }
    }
}

/// The file, a piece at a time.
pub type Pieces = std::pin::Pin<Box<dyn Stream<Item = DomainResult<Vec<u8>>> + Send>>;

/// Checks the role, finds what is held and records the export; then the file is written as it is
/// read, by a task that stops when the download does.
pub async fn export(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    format: Format,
    meta: &RequestMeta,
) -> DomainResult<Pieces> {
    actor.require(&[Role::Admin, Role::Supervisor])?;
    let held = holdings(state, id).await?;
    let entry = Entry::new("CUSTOMER_DATA_EXPORTED", Outcome::Success)
        .actor(actor.id, &actor.username)
        .resource("customer", id)
        .details(serde_json::json!({ "format": format.extension() }));
    state.audit.record(entry, meta).await?;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let state = state.clone();
    tokio::spawn(async move {
        let out = Out(tx);
        let written = match format {
            Format::Json => json(&state, id, &held, &out).await,
            Format::Zip => zip(&state, id, &held, &out).await,
        };
        if let Err(error) = written {
            tracing::error!(%error, customer = id, "customer data export stopped");
            let _ = out.0.send(Err(error)).await;
        }
    });
    Ok(Box::pin(futures::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|piece| (piece, rx)) })))
}

/// Where the pieces go; an error once the download is gone, which stops the writing.
struct Out(tokio::sync::mpsc::Sender<DomainResult<Vec<u8>>>);

impl Out {
    async fn send(&self, piece: Vec<u8>) -> DomainResult<()> {
        self.0.send(Ok(piece)).await.map_err(|_| DomainError::Internal("the download was cancelled".into()))
    }
}

fn text<T: Serialize>(value: &T) -> DomainResult<String> {
    serde_json::to_string(value).map_err(|e| DomainError::Internal(e.to_string()))
}

fn values<T: Serialize>(items: &[T]) -> DomainResult<Vec<Value>> {
    items.iter().map(|i| serde_json::to_value(i).map_err(|e| DomainError::Internal(e.to_string()))).collect()
}

async fn json(state: &AppState, id: i32, held: &Holdings, out: &Out) -> DomainResult<()> {
    let head =
        format!("{{\"exported_at\":{},\"customer\":{},\"conversations\":[", text(&Utc::now())?, text(&held.customer)?);
    out.send(head.into_bytes()).await?;
    let mut first = true;
    for page in held.conversations.chunks(PAGE) {
        let mut piece = String::new();
        for detail in transcripts(state, page).await? {
            if !std::mem::take(&mut first) {
                piece.push(',');
            }
            piece.push_str(&text(&detail)?);
        }
        out.send(piece.into_bytes()).await?;
    }
    let tail = format!(
        "],\"tickets\":{},\"ratings\":{},\"consents\":{},\"audit\":{}}}",
        text(&tickets(state, held).await?)?,
        text(&ratings(state, held)?)?,
        text(&crate::consents::of(&state.db, &held.conversations, &held.tickets).await?)?,
        text(&audit(state, id, held).await?)?
    );
    out.send(tail.into_bytes()).await
}

async fn zip(state: &AppState, id: i32, held: &Holdings, out: &Out) -> DomainResult<()> {
    let mut zip = Zip::new(Utc::now());
    let mut piece = zip.file("messages.csv");
    let (mut messages, mut conversations) = (Table::default(), Vec::new());
    for page in held.conversations.chunks(PAGE) {
        let mut rows = Vec::new();
        for detail in transcripts(state, page).await? {
            for mut message in values(&detail.messages)? {
                message["conversation_id"] = Value::String(detail.conversation.id.clone());
                rows.push(message);
            }
            conversations.push(detail.conversation);
        }
        piece.extend(zip.write(messages.rows(&rows).as_bytes()));
        out.send(std::mem::take(&mut piece)).await?;
    }
    let tickets = tickets(state, held).await?;
    let mut notes = Vec::new();
    for record in &tickets {
        for mut note in values(&record.notes)? {
            note["ticket_id"] = Value::String(record.ticket.ticket_id.clone());
            notes.push(note);
        }
    }
    let files = [
        ("customer.csv", values(std::slice::from_ref(&held.customer))?),
        ("conversations.csv", values(&conversations)?),
        ("tickets.csv", values(&tickets.iter().map(|t| &t.ticket).collect::<Vec<_>>())?),
        ("notes.csv", notes),
        ("ratings.csv", values(&ratings(state, held)?)?),
        ("consents.csv", values(&crate::consents::of(&state.db, &held.conversations, &held.tickets).await?)?),
        ("audit.csv", values(&audit(state, id, held).await?)?),
    ];
    for (name, rows) in files {
        let mut piece = zip.file(name);
        piece.extend(zip.write(Table::default().rows(&rows).as_bytes()));
        out.send(piece).await?;
    }
    out.send(zip.finish()).await
}

/// A CSV file from records: the columns are the first record's fields (in name order), nested
/// values are written as JSON; a kind with no records is an empty file.
#[derive(Default)]
struct Table {
    columns: Option<Vec<String>>,
}

impl Table {
    fn rows(&mut self, records: &[Value]) -> String {
        let mut out = String::new();
        let Some(first) = records.first().and_then(Value::as_object) else { return out };
        let columns = self.columns.get_or_insert_with(|| {
            let names: Vec<String> = first.keys().cloned().collect();
            out.push_str(&crate::export::csv::row(&names));
            names
        });
        for record in records {
            let cells: Vec<String> = columns
                .iter()
                .map(|c| match record.get(c) {
                    None | Some(Value::Null) => String::new(),
                    Some(Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                })
                .collect();
            out.push_str(&crate::export::csv::row(&cells));
        }
        out
    }
}

/// These conversations with their transcripts.
async fn transcripts(state: &AppState, page: &[conversations::Model]) -> DomainResult<Vec<ConversationDetail>> {
    let lines = messages::Entity::find()
        .filter(messages::Column::ConversationId.is_in(page.iter().map(|c| c.id)))
        .order_by_asc(messages::Column::ConversationId)
        .order_by_asc(messages::Column::Seq)
        .all(&state.db)
        .await?;
    let lines = crate::conversations::store::opened(state, lines)?;
    page.iter()
        .map(|c| {
            Ok(ConversationDetail {
                conversation: crate::conversations::out(&state.vault, c, None)?,
                messages: lines
                    .iter()
                    .filter(|m| m.conversation_id == c.id)
                    .map(crate::conversations::store::to_out)
                    .collect(),
            })
        })
        .collect()
}

fn ratings(state: &AppState, held: &Holdings) -> DomainResult<Vec<RatingRecord>> {
    let mut ratings = Vec::new();
    for c in &held.conversations {
        if let Some(score) = c.csat_score {
            ratings.push(RatingRecord {
                conversation_id: c.public_id.clone(),
                score: i32::from(score),
                comment: state.vault.open_opt(Field::ConversationComment, c.csat_comment.as_deref())?,
                rated_at: c.rated_at,
            });
        }
    }
    Ok(ratings)
}

async fn tickets(state: &AppState, held: &Holdings) -> DomainResult<Vec<TicketRecord>> {
    let notes = ticket_notes::Entity::find()
        .filter(ticket_notes::Column::TicketId.is_in(held.ticket_ids()))
        .order_by_asc(ticket_notes::Column::Id)
        .all(&state.db)
        .await?;
    let authors =
        users::Entity::find().filter(users::Column::Id.is_in(notes.iter().map(|n| n.author_id))).all(&state.db).await?;
    let mut tickets = Vec::with_capacity(held.tickets.len());
    for (row, ticket) in held.tickets.iter().zip(crate::tickets::to_out(state, held.tickets.clone()).await?) {
        let mut theirs = Vec::new();
        for note in notes.iter().filter(|n| n.ticket_id == row.id) {
            theirs.push(NoteOut {
                id: note.id,
                author_id: note.author_id,
                author_name: authors.iter().find(|a| a.id == note.author_id).map(|a| a.full_name.clone()),
                body: state.vault.open(Field::TicketNote, &note.body)?,
                created_at: note.created_at,
            });
        }
        tickets.push(TicketRecord { ticket, notes: theirs });
    }
    Ok(tickets)
}

/// The audit records about the customer: their profile, conversations and tickets.
async fn audit(state: &AppState, id: i32, held: &Holdings) -> DomainResult<Vec<AuditRecord>> {
    let on = |kind: &str, ids: Vec<String>| {
        Condition::all().add(audit_log::Column::ResourceType.eq(kind)).add(audit_log::Column::ResourceId.is_in(ids))
    };
    let about = Condition::any()
        .add(on("customer", vec![id.to_string()]))
        .add(on("conversation", held.public_ids()))
        .add(on("ticket", held.case_numbers()));
    let rows = audit_log::Entity::find().filter(about).order_by_asc(audit_log::Column::Id).all(&state.db).await?;
    Ok(rows.into_iter().map(crate::audit::viewer::out).collect())
}
