//! Storing messages: each gets the conversation's next sequence number inside a transaction
//! (the counter row is locked until commit), so numbers never repeat or skip.

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait};

use crate::entities::{conversations, messages};
use crate::error::{DomainError, DomainResult};
use crate::model::{ChatMessageOut, MessageRole};

/// A message to store.
#[derive(Debug, Clone)]
pub struct NewMessage<'a> {
    pub role: MessageRole,
    pub author_id: Option<i32>,
    /// Already redacted.
    pub content: &'a str,
    pub metadata: serde_json::Value,
    pub client_message_id: Option<&'a str>,
    pub reply_to: Option<i64>,
}

/// Stores `message` as the conversation's next one, and applies `change` to the conversation in
/// the same transaction.
pub async fn append(
    db: &DatabaseConnection,
    conversation_id: i32,
    message: NewMessage<'_>,
    change: Option<conversations::ActiveModel>,
) -> DomainResult<messages::Model> {
    let txn = db.begin().await?;
    let now = Utc::now();
    conversations::Entity::update_many()
        .col_expr(conversations::Column::LastSeq, Expr::col(conversations::Column::LastSeq).add(1))
        .col_expr(conversations::Column::UpdatedAt, Expr::value(now))
        .filter(conversations::Column::Id.eq(conversation_id))
        .exec(&txn)
        .await?;
    let conversation = conversations::Entity::find_by_id(conversation_id)
        .one(&txn)
        .await?
        .ok_or_else(|| DomainError::NotFound("Conversation not found".into()))?;
    let row = messages::ActiveModel {
        id: sea_orm::NotSet,
        conversation_id: Set(conversation_id),
        seq: Set(conversation.last_seq),
        role: Set(message.role.as_str().to_owned()),
        author_id: Set(message.author_id),
        content: Set(message.content.to_owned()),
        metadata: Set(message.metadata),
        client_message_id: Set(message.client_message_id.map(str::to_owned)),
        reply_to: Set(message.reply_to),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    if let Some(mut change) = change {
        change.id = Set(conversation_id);
        change.update(&txn).await?;
    }
    txn.commit().await?;
    Ok(row)
}

/// Whether `error` is a unique-index clash (a retry that raced the original).
pub fn is_duplicate(error: &DomainError) -> bool {
    matches!(error, DomainError::Database(e) if matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))))
}

/// The wire view of a stored message.
pub fn to_out(row: &messages::Model) -> ChatMessageOut {
    ChatMessageOut {
        id: row.seq,
        seq: row.seq,
        role: row.role.parse().unwrap_or(MessageRole::System),
        content: row.content.clone(),
        timestamp: row.created_at,
        metadata: if row.metadata.as_object().is_some_and(|o| o.is_empty()) {
            serde_json::Value::Null
        } else {
            row.metadata.clone()
        },
    }
}
