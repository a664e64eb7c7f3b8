//! Storing messages: each gets the conversation's next sequence number inside a transaction
//! (the counter row is locked until commit), so numbers never repeat or skip. A customer's turn —
//! their message, the reply, the conversation's new state, the answer-log row — is one transaction
//! of three statements.

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

use super::one_statement;
use crate::entities::{assistant_answers, conversations, messages};
use crate::error::{DomainError, DomainResult};
use crate::model::{ChatMessageOut, CustomerFrame, MessageNews, MessageRole, StaffNews};
use crate::state::AppState;
use crate::vault::Field;

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

/// Stores `message` as the conversation's next one, applies `change` to the conversation in the
/// same transaction, and once committed tells the conversation's sockets and staff.
pub async fn append(
    state: &AppState,
    conversation_id: i32,
    message: NewMessage<'_>,
    change: Option<conversations::ActiveModel>,
) -> DomainResult<messages::Model> {
    let (_, mut rows) = write(state, conversation_id, vec![message], false, change, None).await?;
    rows.pop().ok_or_else(|| DomainError::Internal("a stored message went missing".into()))
}

/// One turn of a customer conversation in one transaction: the customer's message (if new), the
/// reply to it (its `reply_to` set to the customer message's number), the conversation's new
/// state and the answer-log row. Returns the conversation as updated and the stored messages.
pub async fn turn(
    state: &AppState,
    conversation_id: i32,
    customer: Option<NewMessage<'_>>,
    reply: Option<NewMessage<'_>>,
    change: conversations::ActiveModel,
    answer: Option<assistant_answers::ActiveModel>,
) -> DomainResult<(conversations::Model, Vec<messages::Model>)> {
    let link = customer.is_some() && reply.is_some();
    let messages = customer.into_iter().chain(reply).collect();
    write(state, conversation_id, messages, link, Some(change), answer).await
}

/// Three statements at most, in one transaction: UPDATE the conversation (counter, `change`)
/// RETURNING it, INSERT the messages RETURNING them, INSERT the answer-log row. With `link`, the
/// second message replies to the first. The texts are sealed first; on SQLite the statements go
/// to the writer as one command ([`super::one_command`]), on PostgreSQL as one statement on a held
/// connection ([`super::one_statement`], [`crate::db::Held`]). Published once committed.
async fn write(
    state: &AppState,
    conversation_id: i32,
    messages: Vec<NewMessage<'_>>,
    link: bool,
    change: Option<conversations::ActiveModel>,
    answer: Option<assistant_answers::ActiveModel>,
) -> DomainResult<(conversations::Model, Vec<messages::Model>)> {
    let now = Utc::now();
    let count = messages.len() as i64;
    let plain: Vec<String> = messages.iter().map(|m| m.content.to_owned()).collect();
    // Numbered once the counter is read, inside the transaction.
    let rows: Vec<messages::ActiveModel> =
        messages.into_iter().map(|message| sealed_row(state, conversation_id, 0, message, now)).collect();
    let mut update = conversations::Entity::update_many();
    if let Some(change) = change {
        update = update.set(change);
    }
    let update = update
        .col_expr(conversations::Column::LastSeq, Expr::col(conversations::Column::LastSeq).add(count))
        .col_expr(conversations::Column::UpdatedAt, Expr::value(now))
        .filter(conversations::Column::Id.eq(conversation_id));
    let (conversation, mut stored) = if state.writer.backend() == DbBackend::Sqlite {
        super::one_command::turn(&state.writer, conversation_id, update, rows, link, answer).await?
    } else {
        one_statement::turn(&state.held, update, rows, link, answer).await?
    };
    stored.sort_by_key(|m| m.seq);
    // The stored rows hold sealed text; the caller gets what was said.
    for (row, text) in stored.iter_mut().zip(plain) {
        row.content = text;
    }
    for row in &stored {
        publish(state, &conversation, row);
    }
    Ok((conversation, stored))
}

/// The row of `message`, number `seq` of the conversation, its text sealed.
pub fn sealed_row(
    state: &AppState,
    conversation_id: i32,
    seq: i64,
    message: NewMessage<'_>,
    now: chrono::DateTime<Utc>,
) -> messages::ActiveModel {
    messages::ActiveModel {
        id: sea_orm::NotSet,
        conversation_id: Set(conversation_id),
        seq: Set(seq),
        role: Set(message.role),
        author_id: Set(message.author_id),
        content: Set(state.vault.seal(Field::MessageContent, message.content)),
        metadata: Set(message.metadata),
        client_message_id: Set(message.client_message_id.map(str::to_owned)),
        reply_to: Set(message.reply_to),
        created_at: Set(now),
    }
}

/// Announces a stored message: on the conversation's stream (typed by its event for system
/// messages) and to staff, here and on the other servers.
pub fn publish(state: &AppState, conversation: &conversations::Model, row: &messages::Model) {
    publish_here(state, conversation, row);
    state
        .events
        .tell_others(|| crate::events::Note::Message { conversation_id: conversation.public_id.clone(), seq: row.seq });
}

/// Announces a message another server stored (conversation by public id, message by sequence
/// number) to this server's sockets.
pub async fn announce_theirs(state: &AppState, public_id: &str, seq: i64) -> DomainResult<()> {
    let conversation =
        conversations::Entity::find().filter(conversations::Column::PublicId.eq(public_id)).one(&state.db).await?;
    let Some(conversation) = conversation else { return Ok(()) };
    let row = messages::Entity::find()
        .filter(messages::Column::ConversationId.eq(conversation.id))
        .filter(messages::Column::Seq.eq(seq))
        .one(&state.db)
        .await?;
    if let Some(row) = opened_one(state, row)? {
        publish_here(state, &conversation, &row);
    }
    Ok(())
}

fn publish_here(state: &AppState, conversation: &conversations::Model, row: &messages::Model) {
    let message = to_out(row);
    let news = MessageNews {
        conversation_id: conversation.public_id.clone(),
        status: conversation.status,
        message: message.clone(),
    };
    state.events.staff_here(StaffNews::NewMessage(news), conversation.assigned_to);
    state.events.conversation_here(CustomerFrame::stored(conversation.public_id.clone(), message));
}

/// The wire view of a stored message.
pub fn to_out(row: &messages::Model) -> ChatMessageOut {
    ChatMessageOut {
        id: row.seq,
        seq: row.seq,
        role: row.role,
        content: row.content.clone(),
        timestamp: row.created_at,
        metadata: if row.metadata.as_object().is_some_and(|o| o.is_empty()) {
            serde_json::Value::Null
        } else {
            row.metadata.clone()
        },
    }
}

/// The customer's (stored, redacted) messages before `seq`, oldest first: the last few, for
/// follow-ups.
pub async fn earlier_questions(state: &AppState, conversation_id: i32, seq: i64) -> DomainResult<Vec<String>> {
    let rows = messages::Entity::find()
        .select_only()
        .column(messages::Column::Content)
        .filter(messages::Column::ConversationId.eq(conversation_id))
        .filter(messages::Column::Role.eq(MessageRole::Customer))
        .filter(messages::Column::Seq.lt(seq))
        .order_by_desc(messages::Column::Seq)
        .limit(3)
        .into_tuple::<String>()
        .all(&state.db)
        .await?;
    rows.into_iter().rev().map(|text| state.vault.open(Field::MessageContent, &text)).collect()
}

/// Messages read from the database with their text opened.
pub fn opened(state: &AppState, mut rows: Vec<messages::Model>) -> DomainResult<Vec<messages::Model>> {
    for row in &mut rows {
        row.content = state.vault.open(Field::MessageContent, &row.content)?;
    }
    Ok(rows)
}

/// A message read from the database with its text opened.
pub fn opened_one(state: &AppState, row: Option<messages::Model>) -> DomainResult<Option<messages::Model>> {
    Ok(opened(state, row.into_iter().collect())?.pop())
}
