//! What staff do with tickets: open one by hand, assign, change status or priority, leave
//! internal notes. VIEWER only reads; an AGENT works on its own and unassigned tickets;
//! SUPERVISOR and ADMIN on all. Every action is audited.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};

use super::{NewTicket, Opened, TicketChange, announce, to_out};
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::conversations::store::{NewMessage, append};
use crate::entities::{conversations, ticket_notes, tickets, users};
use crate::error::{DomainError, DomainResult, on_unique};
use crate::model::{
    ConversationStatus, CreateNoteRequest, CreateTicketRequest, Email, MessageRole, NoteOut, Priority, Role, TicketOut,
    TicketStatus,
};
use crate::state::AppState;
use crate::vault::Field;

/// Roles that work on tickets.
pub const WORKERS: [Role; 3] = [Role::Admin, Role::Supervisor, Role::Agent];

async fn find(state: &AppState, ticket_id: &str) -> DomainResult<tickets::Model> {
    tickets::Entity::find()
        .filter(tickets::Column::TicketId.eq(ticket_id.trim().to_ascii_uppercase()))
        .one(&state.db)
        .await?
        .ok_or_else(|| DomainError::NotFound("Ticket not found".into()))
}

/// An AGENT may act only on tickets that are theirs or nobody's.
fn may_work_on(actor: &CurrentUser, ticket: &tickets::Model) -> DomainResult<()> {
    actor.require(&WORKERS)?;
    if actor.role == Role::Agent && ticket.assigned_to.is_some_and(|a| a != actor.id) {
        return Err(DomainError::Forbidden("This ticket belongs to another agent".into()));
    }
    Ok(())
}

fn entry(actor: &CurrentUser, action: &'static str, ticket: &str, details: serde_json::Value) -> Entry {
    Entry::new(action, Outcome::Success).actor(actor.id, &actor.username).resource("ticket", ticket).details(details)
}

/// Commits `txn` with its audit record, or neither (fail closed).
async fn commit_audited(
    state: &AppState,
    txn: DatabaseTransaction,
    actor: &CurrentUser,
    action: &'static str,
    ticket: &str,
    details: serde_json::Value,
    meta: &RequestMeta,
) -> DomainResult<()> {
    state.audit.commit_with(txn, entry(actor, action, ticket, details), meta).await
}

async fn out(state: &AppState, row: tickets::Model) -> DomainResult<TicketOut> {
    to_out(state, vec![row]).await?.pop().ok_or_else(|| DomainError::Internal("ticket vanished".into()))
}

/// `POST /tickets`.
pub async fn create(
    state: &AppState,
    actor: &CurrentUser,
    req: &CreateTicketRequest,
    meta: &RequestMeta,
) -> DomainResult<TicketOut> {
    actor.require(&WORKERS)?;
    let subject = req.subject.trim();
    if subject.is_empty() || subject.chars().count() > 255 {
        return Err(DomainError::validation("subject", "Subject must be 1 to 255 characters"));
    }
    let name = req.customer_name.trim();
    if name.is_empty() || name.chars().count() > 255 {
        return Err(DomainError::validation("customer_name", "Customer name must be 1 to 255 characters"));
    }
    if req.description.chars().count() > 10_000 {
        return Err(DomainError::validation("description", "Description is at most 10,000 characters"));
    }
    let email = match req.customer_email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        None => None,
        Some(text) => Some(
            Email::parse(text)
                .ok_or_else(|| DomainError::validation("customer_email", "A valid e-mail address is required"))?
                .into_string(),
        ),
    };
    let category = req.category.as_deref().map(str::trim).filter(|c| !c.is_empty()).unwrap_or("general");
    if category.chars().count() > 64 {
        return Err(DomainError::validation("category", "Category is at most 64 characters"));
    }
    let txn = state.db.begin().await?;
    let ticket = NewTicket {
        subject,
        description: req.description.trim().to_owned(),
        category: &category.to_lowercase(),
        priority: req.priority.unwrap_or(Priority::Medium),
        customer_name: name,
        customer_email: email,
        conversation_id: None,
        created_by: Some(actor.id),
    };
    let row = super::insert(&txn, state, &ticket).await?;
    let details = serde_json::json!({ "priority": row.priority });
    commit_audited(state, txn, actor, "ticket.create", &row.ticket_id, details, meta).await?;
    super::opened(state, &row, Opened::ByStaff).await;
    out(state, row).await
}

/// `POST /tickets/{ticket_id}/assign`: an open ticket goes IN_PROGRESS; its conversation is the
/// agent's, and the customer is told a person joined.
pub async fn assign(
    state: &AppState,
    actor: &CurrentUser,
    ticket_id: &str,
    agent_id: i32,
    meta: &RequestMeta,
) -> DomainResult<TicketOut> {
    let ticket = find(state, ticket_id).await?;
    may_work_on(actor, &ticket)?;
    if actor.role == Role::Agent && agent_id != actor.id {
        return Err(DomainError::Forbidden("Agents can only assign tickets to themselves".into()));
    }
    let agent = users::Entity::find_by_id(agent_id)
        .one(&state.db)
        .await?
        .filter(|u| u.is_active && u.role != Role::Viewer)
        .ok_or_else(|| DomainError::validation("agentId", "No active agent has that id"))?;
    // The assignment also writes the conversation and notifies: its record goes first, and
    // nothing happens without it (fail closed).
    let details = serde_json::json!({ "agent_id": agent.id });
    state.audit.record(entry(actor, "ticket.assign", &ticket.ticket_id, details), meta).await?;
    let updated = assign_to(state, &ticket, &agent, Some(actor.id)).await?;
    out(state, updated).await
}

/// Gives `ticket` to `agent` with no permission check (routing, and [`assign`] after its
/// checks): an open ticket goes IN_PROGRESS, its conversation becomes the agent's, the customer
/// is told a person joined, staff hear `ticket_assigned`, and the agent gets an e-mail unless they
/// took it themselves (`by`).
pub async fn assign_to(
    state: &AppState,
    ticket: &tickets::Model,
    agent: &users::Model,
    by: Option<i32>,
) -> DomainResult<tickets::Model> {
    let mut active = ticket.clone().into_active_model();
    active.assigned_to = Set(Some(agent.id));
    if ticket.status == TicketStatus::Open {
        active.status = Set(TicketStatus::InProgress);
    }
    active.updated_at = Set(Utc::now());
    let updated = active.update(&state.db).await?;
    if let Some(conversation_id) = ticket.conversation_id {
        let notice = format!("{} joined the conversation.", agent.full_name);
        let message = NewMessage {
            role: MessageRole::System,
            author_id: Some(agent.id),
            content: &notice,
            metadata: serde_json::json!({ "event": "agent_joined", "agent": agent.full_name }),
            client_message_id: None,
            reply_to: None,
        };
        let change = conversations::ActiveModel {
            status: Set(ConversationStatus::Assigned),
            assigned_to: Set(Some(agent.id)),
            ..Default::default()
        };
        append(state, conversation_id, message, Some(change)).await?;
    }
    announce(state, TicketChange::Assigned, &updated).await;
    if by != Some(agent.id) {
        crate::notifications::triggers::ticket_assigned(state, &updated, agent).await;
    }
    Ok(updated)
}

/// `PATCH /tickets/{ticket_id}/status`. Resolving or closing frees the conversation for a new
/// ticket; reopening claims it again (409 if another ticket holds it).
pub async fn set_status(
    state: &AppState,
    actor: &CurrentUser,
    ticket_id: &str,
    status: TicketStatus,
    meta: &RequestMeta,
) -> DomainResult<TicketOut> {
    update(state, actor, ticket_id, Some(status), None, meta).await
}

/// `PATCH /tickets/{ticket_id}/priority`.
pub async fn set_priority(
    state: &AppState,
    actor: &CurrentUser,
    ticket_id: &str,
    priority: Priority,
    meta: &RequestMeta,
) -> DomainResult<TicketOut> {
    update(state, actor, ticket_id, None, Some(priority), meta).await
}

/// Changes a ticket's status, its priority or both, in one transaction with their audit records:
/// all of it stands or none. A closing status frees the conversation for a new ticket and the
/// agent's capacity for what waits.
pub async fn update(
    state: &AppState,
    actor: &CurrentUser,
    ticket_id: &str,
    status: Option<TicketStatus>,
    priority: Option<Priority>,
    meta: &RequestMeta,
) -> DomainResult<TicketOut> {
    if status.is_none() && priority.is_none() {
        return Err(DomainError::validation("status", "Nothing to change"));
    }
    let ticket = find(state, ticket_id).await?;
    may_work_on(actor, &ticket)?;
    let mut active = ticket.clone().into_active_model();
    if let Some(status) = status {
        active.status = Set(status);
        active.open_conversation_id = Set(if status.is_open() { ticket.conversation_id } else { None });
        active.resolved_at = Set(match status {
            TicketStatus::Resolved | TicketStatus::Closed => ticket.resolved_at.or(Some(Utc::now())),
            _ => None,
        });
    }
    if let Some(priority) = priority {
        active.priority = Set(priority);
        // The deadlines follow the new priority, counted from the opening; a breach of a deadline
        // now in the future is forgotten (so it is told again if it comes).
        let now = Utc::now();
        let (first, resolution) = super::sla::due(&state.runtime.sla(), priority, ticket.created_at);
        active.first_response_due_at = Set(Some(first));
        active.resolution_due_at = Set(Some(resolution));
        if first > now {
            active.first_response_breached_at = Set(None);
        }
        if resolution > now {
            active.resolution_breached_at = Set(None);
        }
    }
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let updated = active.update(&txn).await.map_err(on_unique("The conversation already has another open ticket"))?;
    if let Some(status) = status {
        let details = serde_json::json!({ "from": ticket.status, "to": status });
        state.audit.record_in(&txn, entry(actor, "ticket.status", &updated.ticket_id, details), meta).await?;
    }
    if let Some(priority) = priority {
        let details = serde_json::json!({ "from": ticket.priority, "to": priority });
        state.audit.record_in(&txn, entry(actor, "ticket.priority", &updated.ticket_id, details), meta).await?;
    }
    txn.commit().await?;
    if let Some(status) = status {
        announce(state, TicketChange::StatusChanged, &updated).await;
        if ticket.status != updated.status {
            crate::notifications::triggers::ticket_status_changed(state, &updated, ticket.status, actor.id).await;
        }
        if !status.is_open() {
            // Capacity freed: hand out what waits.
            super::routing::assign_waiting(state).await?;
        }
    }
    out(state, updated).await
}

/// `GET /tickets/{ticket_id}/notes` (any staff), oldest first.
pub async fn notes(state: &AppState, actor: &CurrentUser, ticket_id: &str) -> DomainResult<Vec<NoteOut>> {
    actor.require(&Role::ALL)?;
    let ticket = find(state, ticket_id).await?;
    let rows = ticket_notes::Entity::find()
        .filter(ticket_notes::Column::TicketId.eq(ticket.id))
        .order_by_asc(ticket_notes::Column::Id)
        .all(&state.db)
        .await?;
    let authors = users::Entity::find()
        .filter(users::Column::Id.is_in(rows.iter().map(|n| n.author_id).collect::<Vec<_>>()))
        .all(&state.db)
        .await?;
    rows.into_iter()
        .map(|n| {
            Ok(NoteOut {
                author_name: authors.iter().find(|a| a.id == n.author_id).map(|a| a.full_name.clone()),
                id: n.id,
                author_id: n.author_id,
                body: state.vault.open(Field::TicketNote, &n.body)?,
                created_at: n.created_at,
            })
        })
        .collect()
}

/// `POST /tickets/{ticket_id}/notes` → 201: an internal note (never shown to the customer).
pub async fn add_note(
    state: &AppState,
    actor: &CurrentUser,
    ticket_id: &str,
    req: &CreateNoteRequest,
    meta: &RequestMeta,
) -> DomainResult<NoteOut> {
    let ticket = find(state, ticket_id).await?;
    may_work_on(actor, &ticket)?;
    let body = req.body.trim();
    if body.is_empty() || body.chars().count() > 10_000 {
        return Err(DomainError::validation("body", "A note is 1 to 10,000 characters"));
    }
    let txn = state.db.begin().await?;
    let row = ticket_notes::ActiveModel {
        id: sea_orm::NotSet,
        ticket_id: Set(ticket.id),
        author_id: Set(actor.id),
        body: Set(state.vault.seal(Field::TicketNote, body)),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let details = serde_json::json!({ "note_id": row.id });
    commit_audited(state, txn, actor, "ticket.note", &ticket.ticket_id, details, meta).await?;
    Ok(NoteOut {
        id: row.id,
        author_id: row.author_id,
        author_name: Some(actor.full_name.clone()),
        body: body.to_owned(),
        created_at: row.created_at,
    })
}
