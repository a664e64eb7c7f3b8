//! A customer's turn on PostgreSQL as one statement. `BEGIN`, the conversation's UPDATE, the
//! messages' INSERT, the answer log's INSERT and `COMMIT` were five round trips to the database,
//! each parsed and run on its own; written as data-modifying `WITH` queries they are one, and one
//! statement is one transaction. The UPDATE moves the conversation's counter; the messages are
//! numbered from what it returns, and they and the answer-log row are written only if it found
//! the conversation. Any failure (a `client_message_id` sent twice) leaves nothing written.

use sea_orm::sea_query::{Alias, CommonTableExpression, Expr, Query, SelectStatement, UnionType, WithClause};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, FromQueryResult, IdenStatic, Iterable,
    QueryTrait, Statement, UpdateMany,
};

use super::one_command::{COLUMNS, values};
use crate::entities::{assistant_answers, conversations, messages};
use crate::error::{DomainError, DomainResult};

/// The conversation's columns in the result are read with this prefix, the messages' with [`M`].
const C: &str = "c_";
const M: &str = "m_";

/// As [`super::one_command::turn`], for PostgreSQL.
pub async fn turn(
    db: &DatabaseConnection,
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
            CommonTableExpression::new().query(answer_row(answer, &updated)?).table_name(Alias::new("a")).to_owned(),
        );
    }
    let mut result = Query::select();
    for column in conversations::Column::iter() {
        let name = column.as_str();
        result.expr_as(Expr::col((updated.clone(), Alias::new(name))), Alias::new(format!("{C}{name}")));
    }
    for column in messages::Column::iter() {
        let name = column.as_str();
        result.expr_as(Expr::col((inserted.clone(), Alias::new(name))), Alias::new(format!("{M}{name}")));
    }
    result.from(updated).from(inserted);
    let (sql, values) = result.with(with).build(sea_orm::sea_query::PostgresQueryBuilder);
    let rows = db.query_all_raw(Statement::from_sql_and_values(DbBackend::Postgres, sql, values)).await?;
    let first = rows.first().ok_or_else(|| DomainError::NotFound("Conversation not found".into()))?;
    let conversation = conversations::Model::from_query_result(first, C)?;
    let stored = rows.iter().map(|row| messages::Model::from_query_result(row, M)).collect::<Result<_, _>>()?;
    Ok((conversation, stored))
}

/// The answer-log row, inserted from the conversation's UPDATE: with it, or not at all.
fn answer_row(
    answer: assistant_answers::ActiveModel,
    updated: &Alias,
) -> DomainResult<sea_orm::sea_query::InsertStatement> {
    let (mut columns, mut select) = (Vec::new(), Query::select());
    for column in assistant_answers::Column::iter() {
        if let Some(value) = answer.get(column).into_value() {
            columns.push(column);
            select.expr(Expr::val(value));
        }
    }
    select.from(updated.clone());
    let mut insert = Query::insert();
    insert.into_table(assistant_answers::Entity).columns(columns);
    insert.select_from(select).map_err(|e| DomainError::Internal(format!("the answer-log row: {e}")))?;
    Ok(insert)
}
