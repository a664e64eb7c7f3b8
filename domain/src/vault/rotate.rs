//! `joxai keys rotate`: re-seals every stored value that is not sealed with the newest key (or
//! not sealed at all, from before encryption), in batches of rows, while servers keep running.
//!
//! Each batch is read by id and each value written back only if it is still what was read (a
//! server may have changed it meanwhile, and then sealed it with the newest key already). Nothing
//! is kept between runs: a stopped rotation is resumed by running it again, which skips what is
//! current. Deploy the new ring (new key first) to every server before rotating.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Order, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection, Value};

use super::{Field, Vault};
use crate::error::DomainResult;

/// Every sealed column. `conversations.recent_questions` and `metadata` are JSON holding one
/// sealed string.
pub const SEALED: [Field; 20] = [
    Field::MessageContent,
    Field::ConversationMemory,
    Field::ConversationMetadata,
    Field::ConversationComment,
    Field::ConversationCustomerRef,
    Field::TicketDescription,
    Field::TicketNote,
    Field::CustomerName,
    Field::CustomerEmail,
    Field::CustomerPhone,
    Field::CustomerAccount,
    Field::CustomerNotes,
    Field::CustomerAddress,
    Field::AnswerQuestion,
    Field::InboxSecret,
    Field::TicketCustomerName,
    Field::TicketCustomerEmail,
    Field::TicketSubject,
    Field::NotificationBody,
    Field::NotificationHtml,
];

/// How far one column got.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// `table.column`.
    pub column: &'static str,
    /// Rows read so far.
    pub checked: u64,
    /// Values sealed again with the newest key.
    pub resealed: u64,
}

/// Re-seals every column in [`SEALED`], reporting after each batch.
pub async fn rotate(
    db: &DatabaseConnection,
    vault: &Vault,
    batch: u64,
    mut report: impl FnMut(&Progress),
) -> DomainResult<Vec<Progress>> {
    let mut done = Vec::new();
    for field in SEALED {
        done.push(rotate_column(db, vault, field, Ord::max(batch, 1), &mut report).await?);
    }
    Ok(done)
}

async fn rotate_column(
    db: &DatabaseConnection,
    vault: &Vault,
    field: Field,
    batch: u64,
    report: &mut impl FnMut(&Progress),
) -> DomainResult<Progress> {
    let (table, column) = field.column().split_once('.').unwrap_or_default();
    let json = matches!(field, Field::ConversationMemory | Field::ConversationMetadata);
    let mut progress = Progress { column: field.column(), ..Progress::default() };
    let mut after = 0i64;
    loop {
        let select = Query::select()
            .expr(Expr::col(Alias::new("id")).cast_as(Alias::new("BIGINT")))
            .expr(match json {
                true => Expr::col(Alias::new(column)).cast_as(Alias::new("TEXT")),
                false => Expr::col(Alias::new(column)),
            })
            .from(Alias::new(table))
            .and_where(Expr::col(Alias::new("id")).gt(after))
            .order_by(Alias::new("id"), Order::Asc)
            .limit(batch)
            .to_owned();
        let rows = db.query_all(&select).await?;
        let Some(last) = rows.last() else { break };
        after = last.try_get_by_index::<i64>(0)?;
        for row in &rows {
            progress.checked += 1;
            let id = row.try_get_by_index::<i64>(0)?;
            let Some(stored) = row.try_get_by_index::<Option<String>>(1)? else { continue };
            let (sealed_text, fresh) = if json {
                let text = match serde_json::from_str::<serde_json::Value>(&stored) {
                    Ok(serde_json::Value::String(inner)) if vault.is_current(&inner) => continue,
                    Ok(serde_json::Value::String(inner)) => vault.open(field, &inner)?,
                    // An array from before encryption: sealed as one text.
                    Ok(plain) => plain.to_string(),
                    Err(_) => continue,
                };
                (None, Value::Json(Some(Box::new(serde_json::Value::String(vault.seal(field, &text))))))
            } else {
                if vault.is_current(&stored) {
                    continue;
                }
                let fresh = vault.seal(field, &vault.open(field, &stored)?);
                (Some(stored.clone()), Value::String(Some(fresh)))
            };
            // Written only if nobody changed it since it was read.
            let unchanged = match sealed_text {
                Some(old) => Expr::col(Alias::new(column)).eq(old),
                None => Expr::col(Alias::new(column)).cast_as(Alias::new("TEXT")).eq(stored.clone()),
            };
            let update = Query::update()
                .table(Alias::new(table))
                .value(Alias::new(column), fresh)
                .and_where(Expr::col(Alias::new("id")).eq(id))
                .and_where(unchanged)
                .to_owned();
            if db.execute(&update).await?.rows_affected() > 0 {
                progress.resealed += 1;
            }
        }
        report(&progress);
    }
    Ok(progress)
}
