//! `messages`: what was said in a conversation, numbered per conversation.

use sea_orm::entity::prelude::*;

use crate::model::MessageRole;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "messages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub conversation_id: i32,
    pub seq: i64,
    /// `customer`, `assistant`, `agent` or `system`.
    pub role: MessageRole,
    pub author_id: Option<i32>,
    /// Redacted text.
    pub content: String,
    pub metadata: Json,
    /// The client's id for a customer message, for idempotent retries.
    pub client_message_id: Option<String>,
    /// For an assistant reply: the `seq` of the customer message it answers.
    pub reply_to: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
