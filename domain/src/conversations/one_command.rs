//! A customer's turn on SQLite as one command to the connection. SQLite runs every statement on
//! the connection's own thread, so each statement sent is a round trip between threads, and the
//! one writer is held for all of them: `BEGIN`, the conversation's UPDATE, the messages' INSERT,
//! the answer log's INSERT and `COMMIT` go together instead, numbering the messages from the
//! counter the UPDATE just moved. On any failure the transaction is rolled back.

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, FromQueryResult, QueryTrait,
    Statement, UpdateMany,
};

use crate::entities::{assistant_answers, conversations, messages};
use crate::error::{DomainError, DomainResult};

/// The columns a message is inserted with (its id is the database's).
const COLUMNS: [messages::Column; 9] = [
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

/// `update` (the conversation's counter moved by the number of `rows`) RETURNING the
/// conversation, `rows` numbered after the counter's old value RETURNING them (with `link`, the
/// second replies to the first), and `answer`: in one transaction, sent as one command.
pub async fn turn(
    db: &DatabaseConnection,
    conversation_id: i32,
    update: UpdateMany<conversations::Entity>,
    rows: Vec<messages::ActiveModel>,
    link: bool,
    answer: Option<assistant_answers::ActiveModel>,
) -> DomainResult<(conversations::Model, Vec<messages::Model>)> {
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
        let i = i as i64;
        let values = COLUMNS.map(|column| match column {
            messages::Column::Seq => number(i + 1 - count),
            messages::Column::ReplyTo if link && i > 0 => number(1 - count),
            other => Expr::val(row.get(other).into_value().unwrap_or(sea_orm::Value::Int(None))),
        });
        insert.values(values).map_err(|e| DomainError::Internal(format!("a message row: {e}")))?;
    }
    insert.returning_all();
    let mut statements = vec![backend.build(&update), backend.build(&insert)];
    if let Some(answer) = answer {
        statements.push(assistant_answers::Entity::insert(answer).build(backend));
    }
    let mut sql = String::from("BEGIN; ");
    let mut values = Vec::new();
    for statement in statements {
        sql.push_str(&statement.sql);
        sql.push_str("; ");
        values.extend(statement.values.map(|v| v.0).unwrap_or_default());
    }
    sql.push_str("COMMIT");
    let rows = match db.query_all_raw(Statement::from_sql_and_values(backend, sql, values)).await {
        Ok(rows) => rows,
        Err(e) => {
            // The statements after the one that failed did not run: the transaction is still open.
            let _ = db.execute_unprepared("ROLLBACK").await;
            return Err(e.into());
        }
    };
    let (first, rest) = rows.split_first().ok_or_else(|| DomainError::NotFound("Conversation not found".into()))?;
    let conversation = conversations::Model::from_query_result(first, "")?;
    let stored = rest.iter().map(|row| messages::Model::from_query_result(row, "")).collect::<Result<_, _>>()?;
    Ok((conversation, stored))
}
