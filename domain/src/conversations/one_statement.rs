//! A customer's turn, and a new conversation, on PostgreSQL as one statement each. `BEGIN`, the
//! conversation's UPDATE, the messages' INSERT, the answer log's INSERT and `COMMIT` were five
//! round trips to the database, each parsed and run on its own; written as data-modifying `WITH`
//! queries they are one, and one statement is one transaction. The UPDATE moves the
//! conversation's counter; the messages are numbered from what it returns, and they and the
//! answer-log row are written only if it found the conversation. Any failure (a
//! `client_message_id` sent twice) leaves nothing written.

use sea_orm::sea_query::{Alias, CommonTableExpression, Expr, Query, SelectStatement, UnionType, WithClause};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, IdenStatic, Iterable, QueryTrait,
    Statement, UpdateMany,
};

use super::one_command::{COLUMNS, values};
use crate::entities::{assistant_answers, consents, conversations, messages};
use crate::error::{DomainError, DomainResult};

/// The conversation's columns in the result are read with this prefix, the messages' with [`M`].
const C: &str = "c_";
const M: &str = "m_";

/// As [`super::one_command::turn`], for PostgreSQL.
pub async fn turn(
    db: &impl ConnectionTrait,
    update: UpdateMany<conversations::Entity>,
    rows: Vec<messages::ActiveModel>,
    link: bool,
    answer: Option<assistant_answers::ActiveModel>,
) -> DomainResult<(conversations::Model, Vec<messages::Model>)> {
    let updated = Alias::new("c");
    let inserted = Alias::new("m");
    let count = rows.len() as i64;
    let mut update = update.into_query();
    update.returning_all();
    // The message `offset` places after the counter's new value (0 is the last one); `offset` is
    // this function's own number, never input.
    let number = |offset: i64| Expr::cust(format!("\"c\".\"last_seq\" + ({offset})"));
    let mut numbered: Option<SelectStatement> = None;
    for (i, row) in rows.iter().enumerate() {
        let mut select = Query::select();
        select.exprs(values(row, i, count, link, number)).from(updated.clone());
        match &mut numbered {
            None => numbered = Some(select),
            Some(first) => {
                first.union(UnionType::All, select);
            }
        }
    }
    let numbered = numbered.ok_or_else(|| DomainError::Internal("a turn without messages".into()))?;
    let mut insert = Query::insert();
    insert.into_table(messages::Entity).columns(COLUMNS);
    insert.select_from(numbered).map_err(|e| DomainError::Internal(format!("the message rows: {e}")))?;
    insert.returning_all();
    let mut with = WithClause::new();
    with.cte(CommonTableExpression::new().query(update).table_name(updated.clone()).to_owned());
    with.cte(CommonTableExpression::new().query(insert).table_name(inserted.clone()).to_owned());
    if let Some(answer) = answer {
        with.cte(
            CommonTableExpression::new()
                .query(from_conversation(answer, &updated, None)?)
                .table_name(Alias::new("a"))
                .to_owned(),
        );
    }
    rows_of(db, with, updated, inserted).await
}

/// A new conversation and its first message (and the consent it came with) as one statement:
/// the conversation's INSERT, then the others' from what it returned. One round trip instead of
/// `BEGIN`, an INSERT each and `COMMIT`.
pub async fn start(
    db: &impl ConnectionTrait,
    conversation: conversations::ActiveModel,
    first: messages::ActiveModel,
    consent: Option<consents::ActiveModel>,
) -> DomainResult<(conversations::Model, messages::Model)> {
    let (created, inserted) = (Alias::new("c"), Alias::new("m"));
    let mut insert = conversations::Entity::insert(conversation).into_query();
    insert.returning_all();
    let mut message = from_conversation(first, &created, Some(messages::Column::ConversationId))?;
    message.returning_all();
    let mut with = WithClause::new();
    with.cte(CommonTableExpression::new().query(insert).table_name(created.clone()).to_owned());
    with.cte(CommonTableExpression::new().query(message).table_name(inserted.clone()).to_owned());
    if let Some(consent) = consent {
        let consent = from_conversation(consent, &created, Some(consents::Column::ConversationId))?;
        with.cte(CommonTableExpression::new().query(consent).table_name(Alias::new("k")).to_owned());
    }
    let (conversation, mut stored) = rows_of(db, with, created, inserted).await?;
    let first = stored.pop().ok_or_else(|| DomainError::Internal("a stored message went missing".into()))?;
    Ok((conversation, first))
}

/// Runs `with`, selecting the conversation of CTE `conversation` and each message of CTE
/// `messages` (one row per message), and reads them.
async fn rows_of(
    db: &impl ConnectionTrait,
    with: WithClause,
    conversation: Alias,
    inserted: Alias,
) -> DomainResult<(conversations::Model, Vec<messages::Model>)> {
    let mut result = Query::select();
    for column in conversations::Column::iter() {
        let name = column.as_str();
        result.expr_as(Expr::col((conversation.clone(), Alias::new(name))), Alias::new(format!("{C}{name}")));
    }
    for column in messages::Column::iter() {
        let name = column.as_str();
        result.expr_as(Expr::col((inserted.clone(), Alias::new(name))), Alias::new(format!("{M}{name}")));
    }
    result.from(conversation).from(inserted);
    let (sql, values) = result.with(with).build(sea_orm::sea_query::PostgresQueryBuilder);
    let rows = db.query_all_raw(Statement::from_sql_and_values(DbBackend::Postgres, sql, values)).await?;
    let first = rows.first().ok_or_else(|| DomainError::NotFound("Conversation not found".into()))?;
    let conversation = conversations::Model::from_query_result(first, C)?;
    let stored = rows.iter().map(|row| messages::Model::from_query_result(row, M)).collect::<Result<_, _>>()?;
    Ok((conversation, stored))
}

/// `row` inserted from CTE `from` (the conversation): with it, or not at all; `link` (when
/// given) set to the conversation's id.
fn from_conversation<A: ActiveModelTrait>(
    row: A,
    from: &Alias,
    link: Option<<A::Entity as EntityTrait>::Column>,
) -> DomainResult<sea_orm::sea_query::InsertStatement> {
    let (mut columns, mut select) = (Vec::new(), Query::select());
    for column in <A::Entity as EntityTrait>::Column::iter() {
        if link.is_some_and(|link| link.as_str() == column.as_str()) {
            columns.push(column);
            select.expr(Expr::col((from.clone(), Alias::new("id"))));
        } else if let Some(value) = row.get(column).into_value() {
            columns.push(column);
            select.expr(Expr::val(value));
        }
    }
    select.from(from.clone());
    let mut insert = Query::insert();
    insert.into_table(A::Entity::default()).columns(columns);
    insert.select_from(select).map_err(|e| DomainError::Internal(format!("a row of a new conversation: {e}")))?;
    Ok(insert)
}
