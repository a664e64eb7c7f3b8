//! The few SQL pieces that differ between SQLite and PostgreSQL (minutes between two
//! timestamps, a floating-point average), running a statement written with `?` placeholders on
//! either, a page of a list with its total in one query, and rows read by position.

mod columns;

pub use columns::Columns;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, FromQueryResult, PaginatorTrait, QueryResult,
    QuerySelect, QueryTrait, Select, Statement, Value,
};

use crate::error::DomainResult;
use crate::model::Page;

/// SQL for the connected database.
#[derive(Clone, Copy)]
pub struct Sql(pub DbBackend);

impl Sql {
    /// Minutes from `earlier` to `later`.
    pub fn minutes(self, later: &str, earlier: &str) -> String {
        match self.0 {
            DbBackend::Postgres => format!("(EXTRACT(EPOCH FROM ({later} - {earlier})) / 60.0)"),
            _ => format!("((julianday({later}) - julianday({earlier})) * 1440.0)"),
        }
    }

    /// `AVG(expr)` as a double on both databases (NULL over no rows).
    pub fn avg(self, expr: &str) -> String {
        match self.0 {
            DbBackend::Postgres => format!("CAST(AVG({expr}) AS DOUBLE PRECISION)"),
            _ => format!("CAST(AVG({expr}) AS REAL)"),
        }
    }

    fn statement(self, sql: &str, values: Vec<Value>) -> Statement {
        let text = match self.0 {
            DbBackend::Postgres => {
                let mut out = String::with_capacity(sql.len() + 8);
                let mut n = 0;
                for c in sql.chars() {
                    if c == '?' {
                        n += 1;
                        out.push_str(&format!("${n}"));
                    } else {
                        out.push(c);
                    }
                }
                out
            }
            _ => sql.to_owned(),
        };
        Statement::from_sql_and_values(self.0, text, values)
    }

    /// Every row of `sql`.
    pub async fn all(self, db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> DomainResult<Vec<QueryResult>> {
        Ok(db.query_all_raw(self.statement(sql, values)).await?)
    }

    /// The one row of an aggregate.
    pub async fn one(self, db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> DomainResult<QueryResult> {
        db.query_one_raw(self.statement(sql, values))
            .await?
            .ok_or_else(|| crate::error::DomainError::Internal("an aggregate returned no row".into()))
    }
}

/// A count column (NULL from SUM over no rows counts as 0).
pub fn count(row: &QueryResult, column: &str) -> DomainResult<u64> {
    let n: Option<i64> = row.try_get("", column)?;
    Ok(u64::try_from(n.unwrap_or(0)).unwrap_or(0))
}

/// An average column, rounded to two decimals (0 over no rows).
pub fn mean(row: &QueryResult, column: &str) -> DomainResult<f64> {
    let v: Option<f64> = row.try_get("", column)?;
    Ok(round(v.unwrap_or(0.0)))
}

/// Two decimals.
pub fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// `part / whole`, three decimals, 0 when `whole` is 0.
pub fn rate(part: u64, whole: u64) -> f64 {
    if whole == 0 { 0.0 } else { (part as f64 / whole as f64 * 1000.0).round() / 1000.0 }
}

/// A row of a page, and the total it carries.
struct Counted<M> {
    row: M,
    total: i64,
}

/// The column the total is read into.
const TOTAL: &str = "page_total";

impl<M: FromQueryResult> FromQueryResult for Counted<M> {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        Ok(Counted { row: M::from_query_result(res, pre)?, total: res.try_get(pre, TOTAL)? })
    }
}

/// Page `page` of `query` (ordered), read as `M`, and how many rows `counting` (the same filters,
/// unordered) matches, in one query: every row carries the count as a sub-query the database runs
/// once. A page past the end has no row to carry it; then it is counted alone.
pub async fn paged<E: EntityTrait, M: FromQueryResult + Send + Sync>(
    db: &DatabaseConnection,
    query: Select<E>,
    counting: Select<E>,
    page: Page,
) -> DomainResult<(Vec<M>, u64)>
where
    E::Model: Sync,
{
    let count = counting.clone().select_only().expr(Expr::cust("COUNT(*)")).into_query();
    let rows = query
        .expr_as(Expr::SubQuery(None, Box::new(count.into())), TOTAL)
        .offset(page.skip)
        .limit(page.limit)
        .into_model::<Counted<M>>()
        .all(db)
        .await?;
    let total = match rows.first() {
        Some(first) => u64::try_from(first.total).unwrap_or(0),
        None if page.skip == 0 => 0,
        None => counting.count(db).await?,
    };
    Ok((rows.into_iter().map(|r| r.row).collect(), total))
}
