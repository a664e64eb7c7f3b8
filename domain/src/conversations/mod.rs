//! Stored conversations and their messages, beneath the customer's chat and the staff's work on
//! it: messages appended in sequence ([`store`]) and a conversation's wire view.

mod one_command;
pub(crate) mod one_statement;
pub mod store;

use crate::entities::{conversations, tickets};
use crate::error::DomainResult;
use crate::model::ConversationOut;
use crate::vault::{Field, Vault};

/// What the widget or the bank's page said about the conversation (pre-chat name and e-mail,
/// page, …), sealed as one JSON text.
pub fn seal_metadata(vault: &Vault, metadata: &serde_json::Value) -> serde_json::Value {
    serde_json::Value::String(vault.seal(Field::ConversationMetadata, &metadata.to_string()))
}

/// The conversation's metadata, opened (an object from before sealing is returned as it is).
pub fn metadata(vault: &Vault, row: &conversations::Model) -> DomainResult<serde_json::Value> {
    match &row.metadata {
        serde_json::Value::String(sealed) => {
            Ok(serde_json::from_str(&vault.open(Field::ConversationMetadata, sealed)?).unwrap_or_default())
        }
        plain => Ok(plain.clone()),
    }
}

/// The verified customer reference, opened.
pub fn customer_ref(vault: &Vault, row: &conversations::Model) -> DomainResult<Option<String>> {
    vault.open_opt(Field::ConversationCustomerRef, row.customer_ref.as_deref())
}

/// The wire view of a conversation, with its open ticket if any.
pub fn out(
    vault: &Vault,
    row: &conversations::Model,
    ticket: Option<&tickets::Model>,
) -> DomainResult<ConversationOut> {
    Ok(ConversationOut {
        id: row.public_id.clone(),
        status: row.status,
        language: row.language.clone(),
        visitor_id: row.visitor_id.clone(),
        metadata: metadata(vault, row)?,
        assigned_to: row.assigned_to,
        last_seq: row.last_seq,
        ticket_id: ticket.map(|t| t.ticket_id.clone()),
        created_at: row.created_at,
        updated_at: row.updated_at,
        closed_at: row.closed_at,
        last_message: None,
        inbox_id: row.inbox_id,
        customer_ref: customer_ref(vault, row)?,
        csat_score: row.csat_score.map(i32::from),
        csat_comment: vault.open_opt(Field::ConversationComment, row.csat_comment.as_deref())?,
        agent_read_seq: row.agent_read_seq,
        customer_read_seq: row.customer_read_seq,
        unread: 0,
    })
}
