//! Stored conversations and their messages, beneath the customer's chat and the staff's work on
//! it: messages appended in sequence ([`store`]) and a conversation's wire view.

pub mod store;

use crate::entities::{conversations, tickets};
use crate::model::ConversationOut;

/// The wire view of a conversation, with its open ticket if any.
pub fn out(row: &conversations::Model, ticket: Option<&tickets::Model>) -> ConversationOut {
    ConversationOut {
        id: row.public_id.clone(),
        status: row.status,
        language: row.language.clone(),
        visitor_id: row.visitor_id.clone(),
        metadata: row.metadata.clone(),
        assigned_to: row.assigned_to,
        last_seq: row.last_seq,
        ticket_id: ticket.map(|t| t.ticket_id.clone()),
        created_at: row.created_at,
        updated_at: row.updated_at,
        closed_at: row.closed_at,
        last_message: None,
        inbox_id: row.inbox_id,
        customer_ref: row.customer_ref.clone(),
        csat_score: row.csat_score.map(i32::from),
        csat_comment: row.csat_comment.clone(),
    }
}
