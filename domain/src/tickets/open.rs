//! Opening a ticket, the one way whoever opens it: a customer's escalation, the offline form, or
//! staff. The row is built and stored here; once the caller's transaction has committed,
//! [`opened`] tells staff and queues the notifications the kind of opening calls for. Routing
//! comes last, after the caller has answered what it must.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{TicketChange, announce, new_ticket_id};
use crate::entities::{conversations, tickets};
use crate::error::{DomainError, DomainResult, is_unique_clash};
use crate::model::{Priority, TicketStatus};
use crate::state::AppState;
use crate::vault::Field;

/// What a new ticket says. Text is stored as given: callers validate or redact it first.
#[derive(Debug, Clone)]
pub struct NewTicket<'a> {
    pub subject: &'a str,
    pub description: String,
    pub category: &'a str,
    pub priority: Priority,
    pub customer_name: &'a str,
    pub customer_email: Option<String>,
    /// The conversation it is for; a conversation has at most one open ticket.
    pub conversation_id: Option<i32>,
    /// The staff member who opened it by hand.
    pub created_by: Option<i32>,
}

/// Stores `ticket`, OPEN and unassigned, with its service-level deadlines, through `db` (the pool
/// or the caller's transaction).
pub async fn insert(
    db: &impl ConnectionTrait,
    state: &AppState,
    ticket: &NewTicket<'_>,
) -> DomainResult<tickets::Model> {
    let vault = &state.vault;
    let now = Utc::now();
    let (first_response_due, resolution_due) = super::sla::due(&state.runtime.sla(), ticket.priority, now);
    let name: String = ticket.customer_name.chars().take(255).collect();
    let subject: String = ticket.subject.chars().take(255).collect();
    let row = tickets::ActiveModel {
        id: sea_orm::NotSet,
        ticket_id: Set(new_ticket_id()),
        conversation_id: Set(ticket.conversation_id),
        open_conversation_id: Set(ticket.conversation_id),
        customer_name: Set(vault.seal(Field::TicketCustomerName, &name)),
        customer_email: Set(vault.seal_opt(Field::TicketCustomerEmail, ticket.customer_email.as_deref())),
        customer_email_index: Set(ticket.customer_email.as_deref().map(|e| super::email_index(vault, e))),
        subject: Set(vault.seal(Field::TicketSubject, &subject)),
        description: Set(vault.seal(Field::TicketDescription, &ticket.description)),
        status: Set(TicketStatus::Open),
        priority: Set(ticket.priority),
        category: Set(ticket.category.to_owned()),
        assigned_to: Set(None),
        created_by: Set(ticket.created_by),
        created_at: Set(now),
        updated_at: Set(now),
        first_response_at: Set(None),
        resolved_at: Set(None),
        first_response_due_at: Set(Some(first_response_due)),
        resolution_due_at: Set(Some(resolution_due)),
        first_response_breached_at: Set(None),
        resolution_breached_at: Set(None),
    };
    let mut row = row.insert(db).await?;
    // The stored row holds the sealed text; the caller gets what was written.
    row.description.clone_from(&ticket.description);
    (row.customer_name, row.customer_email, row.subject) = (name, ticket.customer_email.clone(), subject);
    Ok(row)
}

/// Who opened a ticket, which says whom to tell besides the staff's sockets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// A conversation was handed to a person: supervisors are alerted.
    Escalated,
    /// The offline form: the customer gets a receipt, in English or Spanish.
    Offline { english: bool },
    /// Staff opened it by hand.
    ByStaff,
}

/// After `ticket` is stored and committed: staff see it, and the notifications `why` calls for are
/// queued.
pub async fn opened(state: &AppState, ticket: &tickets::Model, why: Opened) {
    announce(state, TicketChange::Created, ticket).await;
    match why {
        Opened::Escalated => crate::notifications::triggers::escalated(state, ticket).await,
        Opened::Offline { english } => crate::notifications::triggers::offline_received(state, ticket, english).await,
        Opened::ByStaff => {}
    }
}

/// What an escalation knows about the ticket to open.
#[derive(Debug, Clone)]
pub struct Escalation {
    pub subject: String,
    pub description: String,
    pub category: String,
    pub priority: Priority,
}

/// The conversation's open ticket, opening (and announcing) one if there is none. Returns the
/// ticket and whether this call opened it.
pub async fn open_for_conversation(
    state: &AppState,
    conversation: &conversations::Model,
    escalation: &Escalation,
) -> DomainResult<(tickets::Model, bool)> {
    if let Some(open) = open_ticket(&state.db, conversation.id).await? {
        return Ok((open, false));
    }
    let metadata = crate::conversations::metadata(&state.vault, conversation)?;
    let customer = metadata
        .get("name")
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .or_else(|| conversation.visitor_id.clone())
        .unwrap_or_else(|| "Web visitor".to_owned());
    let ticket = NewTicket {
        subject: &escalation.subject,
        description: escalation.description.clone(),
        category: &escalation.category,
        priority: escalation.priority,
        customer_name: &customer,
        customer_email: metadata.get("email").and_then(|v| v.as_str()).map(str::to_owned),
        conversation_id: Some(conversation.id),
        created_by: None,
    };
    match insert(&state.db, state, &ticket).await {
        Ok(ticket) => {
            opened(state, &ticket, Opened::Escalated).await;
            Ok((ticket, true))
        }
        // Another escalation of the same conversation won the race: use its ticket.
        Err(DomainError::Database(e)) if is_unique_clash(&e) => {
            let open = open_ticket(&state.db, conversation.id).await?;
            open.map(|t| (t, false)).ok_or(DomainError::Database(e))
        }
        Err(e) => Err(e),
    }
}

async fn open_ticket(db: &impl ConnectionTrait, conversation_id: i32) -> DomainResult<Option<tickets::Model>> {
    Ok(tickets::Entity::find().filter(tickets::Column::OpenConversationId.eq(conversation_id)).one(db).await?)
}
