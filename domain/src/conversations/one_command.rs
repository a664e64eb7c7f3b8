//! A customer's turn on SQLite as one command to the connection. SQLite runs every statement on
//! the connection's own thread, so each statement sent is a round trip between threads, and the
//! one writer is held for all of them: `BEGIN`, the conversation's UPDATE, the messages' INSERT,
//! the answer log's INSERT and `COMMIT` go together instead, numbering the messages from the
//! counter the UPDATE just moved. On any failure the transaction is rolled back. Turns that
//! queued for the writer meanwhile are committed together ([`crate::db::Writer::command`]).

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ActiveModelTrait, DbBackend, EntityTrait, FromQueryResult, QueryTrait, UpdateMany};

use crate::db::{Command, Writer};
use crate::entities::{assistant_answers, conversations, messages};
use crate::error::{DomainError, DomainResult};

/// The columns a message is inserted with (its id is the database's).
pub(super) const COLUMNS: [messages::Column; 9] = [
    messages::Column::ConversationId,
    messages::Column::Seq,
    messages::Column::Role,
    messages::Column::AuthorId,
    messages::Column::Content,
    messages::Column::Metadata,
    messages::Column::ClientMessageId,
    messages::Column::ReplyTo,
    messages::Column::CreatedAt,
];

/// The [`COLUMNS`] of message `i` of `count`: its number from `number(offset)`, the message
/// `offset` places after the counter's new value (0 is the last one); with `link`, the ones after
/// the first reply to it.
pub(super) fn values(
    row: &messages::ActiveModel,
    i: usize,
    count: i64,
    link: bool,
    number: impl Fn(i64) -> sea_orm::sea_query::SimpleExpr,
) -> [sea_orm::sea_query::SimpleExpr; 9] {
    let i = i as i64;
    COLUMNS.map(|column| match column {
        messages::Column::Seq => number(i + 1 - count),
        messages::Column::ReplyTo if link && i > 0 => number(1 - count),
        other => Expr::val(row.get(other).into_value().unwrap_or(sea_orm::Value::Int(None))),
    })
}

/// `update` (the conversation's counter moved by the number of `rows`) RETURNING the
/// conversation, `rows` numbered after the counter's old value RETURNING them (with `link`, the
/// second replies to the first), and `answer`: one transaction, given to the writer as one
/// command (which may commit it together with other turns waiting, [`crate::db::Writer::command`]).
pub async fn turn(
    writer: &Writer,
    conversation_id: i32,
    update: UpdateMany<conversations::Entity>,
    rows: Vec<messages::ActiveModel>,
    link: bool,
    answer: Option<assistant_answers::ActiveModel>,
) -> DomainResult<(conversations::Model, Vec<messages::Model>)> {
    let command = command(conversation_id, update, rows, link, answer)?;
    let rows = writer.command(command).await?;
    let (first, rest) = rows.split_first().ok_or_else(|| DomainError::NotFound("Conversation not found".into()))?;
    let conversation = conversations::Model::from_query_result(first, "")?;
    let stored = rest.iter().map(|row| messages::Model::from_query_result(row, "")).collect::<Result<_, _>>()?;
    Ok((conversation, stored))
}

/// The statements of [`turn`], and how many rows they return: the conversation and each message.
fn command(
    conversation_id: i32,
    update: UpdateMany<conversations::Entity>,
    rows: Vec<messages::ActiveModel>,
    link: bool,
    answer: Option<assistant_answers::ActiveModel>,
) -> DomainResult<Command> {
    let backend = DbBackend::Sqlite;
    let count = rows.len() as i64;
    let mut update = update.into_query();
    update.returning_all();
    // The message `offset` places after the counter's new value (0 is the last one).
    let number = |offset: i64| {
        Expr::cust_with_values(
            "(SELECT last_seq FROM conversations WHERE id = ?) + ?",
            [i64::from(conversation_id), offset],
        )
    };
    let mut insert = Query::insert();
    insert.into_table(messages::Entity).columns(COLUMNS);
    for (i, row) in rows.into_iter().enumerate() {
        insert
            .values(values(&row, i, count, link, number))
            .map_err(|e| DomainError::Internal(format!("a message row: {e}")))?;
    }
    insert.returning_all();
    let mut statements = vec![backend.build(&update), backend.build(&insert)];
    if let Some(answer) = answer {
        statements.push(assistant_answers::Entity::insert(answer).build(backend));
    }
    let mut sql = String::new();
    let mut values = Vec::new();
    for statement in statements {
        if !sql.is_empty() {
            sql.push_str("; ");
        }
        sql.push_str(&statement.sql);
        values.extend(statement.values.map(|v| v.0).unwrap_or_default());
    }
    Ok(Command { sql, values, rows: 1 + count as usize })
}
