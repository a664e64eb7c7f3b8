//! `POST /chat/escalate`: the customer asks for a person.

use sea_orm::Set;

use super::{authorize_visitor, case_number};
use crate::assistant::language::Lang;
use crate::assistant::{escalation, redact};
use crate::conversations::store::{NewMessage, append};
use crate::entities::conversations;
use crate::error::{DomainError, DomainResult};
use crate::model::{ConversationStatus, EscalateRequest, EscalateResponse, MessageRole, Priority};
use crate::state::AppState;
use crate::tickets::{self, Escalation};

/// `POST /chat/escalate`: hands the conversation to a person, for the holder of its visitor
/// token. Idempotent: while a ticket is open, every call returns it. The client's `priority` is
/// ignored: the escalation policy sets it from the category and from what the customer wrote.
pub async fn escalate(
    state: &AppState,
    visitor_token: Option<&str>,
    req: &EscalateRequest,
) -> DomainResult<EscalateResponse> {
    let description = req.description.as_deref().map(str::trim).filter(|d| !d.is_empty());
    if description.is_some_and(|d| d.chars().count() > state.config.chat.max_message_chars) {
        return Err(DomainError::validation("description", "description is too long"));
    }
    let conversation = authorize_visitor(state, &req.conversation_id, visitor_token).await?;
    let detected =
        description.map(|d| escalation::decide(&escalation::Policy::default(), d, None, 0)).filter(|d| d.escalate);
    let category = req
        .category
        .map(|c| c.as_str())
        .or_else(|| detected.as_ref().and_then(|d| d.category).map(escalation::Category::as_str))
        .unwrap_or("human_requested")
        .to_owned();
    let priority = [
        Some(Priority::Medium),
        escalation::Category::named(&category).map(escalation::Category::priority),
        detected.map(|d| d.priority),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(Priority::Medium);
    if conversation.status == ConversationStatus::Closed {
        return Err(DomainError::Conflict("This conversation is closed; start a new one".into()));
    }
    let escalation = Escalation {
        subject: "The customer asked for a person".to_owned(),
        description: description.map_or_else(|| "Customer asked for a person".to_owned(), |d| redact::redact(d).text),
        category,
        priority,
    };
    let (ticket, created) = tickets::open_for_conversation(state, &conversation, &escalation).await?;
    if created {
        let lang = Lang::parse(&conversation.language).unwrap_or(Lang::Es);
        let notice =
            format!("{} {}", crate::assistant::local::say::handover(lang), case_number(lang, &ticket.ticket_id));
        let message = NewMessage {
            role: MessageRole::System,
            author_id: None,
            content: &notice,
            metadata: serde_json::json!({ "ticket_id": ticket.ticket_id, "event": "escalated" }),
            client_message_id: None,
            reply_to: None,
        };
        let change = conversations::ActiveModel { status: Set(ConversationStatus::Waiting), ..Default::default() };
        append(state, conversation.id, message, Some(change)).await?;
        crate::tickets::routing::route(state, &ticket).await?;
    }
    Ok(EscalateResponse {
        message: "Conversation escalated to human agent".to_owned(),
        ticket_id: ticket.ticket_id,
        conversation_id: conversation.public_id,
    })
}
