//! `conversations`: one customer chat. Public id is a v4 UUID.

use sea_orm::entity::prelude::*;

use crate::model::ConversationStatus;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "conversations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub public_id: String,
    /// The bank's id for the visitor (`user_id` in `/chat/start`), if it sent one.
    pub visitor_id: Option<String>,
    /// SHA-256 of the visitor token that reads the history.
    pub visitor_token_hash: String,
    pub customer_id: Option<i32>,
    /// `BOT`, `WAITING`, `ASSIGNED` or `CLOSED`.
    pub status: ConversationStatus,
    pub language: String,
    pub metadata: Json,
    /// Sequence number of the latest message.
    pub last_seq: i64,
    /// Low-confidence assistant answers in a row.
    pub low_confidence_turns: i32,
    pub assigned_to: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    /// The inbox (bank website) the conversation came from, if any.
    pub inbox_id: Option<i32>,
    /// The bank's customer id, from a verified identity token (sealed, as are the metadata and the
    /// rating comment).
    pub customer_ref: Option<String>,
    /// Blind index of `customer_ref` (the same as a customer's account-number index).
    pub customer_ref_index: Option<String>,
    /// The customer's rating, 1 to 5, and what they wrote with it.
    pub csat_score: Option<i16>,
    pub csat_comment: Option<String>,
    pub rated_at: Option<DateTimeUtc>,
    /// The customer's last few messages (redacted, oldest first), for follow-up questions.
    pub recent_questions: Option<Json>,
    /// The client's id for the customer's latest message, if it sent one: a retry of it is answered
    /// from the stored reply.
    pub last_client_message_id: Option<String>,
    /// Read up to these message numbers: by a person on the bank's side, and by the customer.
    pub agent_read_seq: i64,
    pub customer_read_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
