//! A customer's personal data as stored: the name, e-mail, phone, account number, address and notes
//! sealed (`crate::vault`), with blind indexes of the e-mail, phone and account number for
//! equality lookups and uniqueness.
//!
//! Search ("q anywhere in the name, e-mail, phone, account number or tags") cannot run in SQL
//! over sealed text. It opens the candidates page by page in Rust and matches there: substring
//! matching stays exactly what it was, at the cost of reading every customer the status and type
//! filters leave (a bank's CRM of 100,000 profiles opens in well under a second). A keyed token
//! index would be faster but only finds whole words or prefixes, and leaks how often each occurs.

use sea_orm::{ActiveValue::Set, PaginatorTrait, QueryOrder, Select};

use super::validate::Fields;
use crate::entities::customers;
use crate::error::{DomainError, DomainResult};
use crate::model::CustomerOut;
use crate::state::AppState;
use crate::vault::{Field, Vault};

/// How many profiles search opens at a time.
const SEARCH_BATCH: u64 = 500;

/// The API view of a stored customer, opened.
pub(crate) fn out(vault: &Vault, row: customers::Model) -> DomainResult<CustomerOut> {
    let bad = |what: &str| DomainError::Internal(format!("customer {} has a bad {what}", row.id));
    Ok(CustomerOut {
        id: row.id,
        customer_type: row.customer_type,
        status: row.status,
        tags: serde_json::from_value(row.tags.clone()).map_err(|_| bad("tag list"))?,
        full_name: vault.open(Field::CustomerName, &row.full_name)?,
        email: vault.open_opt(Field::CustomerEmail, row.email.as_deref())?,
        phone: vault.open_opt(Field::CustomerPhone, row.phone.as_deref())?,
        account_number: vault.open_opt(Field::CustomerAccount, row.account_number.as_deref())?,
        preferences: row.preferences,
        notes: vault.open_opt(Field::CustomerNotes, row.notes.as_deref())?,
        address: vault.open_opt(Field::CustomerAddress, row.address.as_deref())?,
        assigned_agent_id: row.assigned_agent_id,
        created_by_id: row.created_by_id,
        updated_by_id: row.updated_by_id,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

/// The blind index an account number (as validated) is found by.
pub(crate) fn account_index(vault: &Vault, account: &str) -> String {
    vault.blind(Field::CustomerAccount, account)
}

pub(super) fn email_index(vault: &Vault, email: &str) -> String {
    vault.blind(Field::CustomerEmail, email)
}

/// Sets the personal fields of `row` from `fields`: sealed, with their blind indexes.
pub(super) fn seal_into(vault: &Vault, row: &mut customers::ActiveModel, fields: &Fields) {
    row.full_name = Set(vault.seal(Field::CustomerName, &fields.full_name));
    row.email = Set(vault.seal_opt(Field::CustomerEmail, fields.email.as_deref()));
    row.phone = Set(vault.seal_opt(Field::CustomerPhone, fields.phone.as_deref()));
    row.account_number = Set(vault.seal_opt(Field::CustomerAccount, fields.account_number.as_deref()));
    row.notes = Set(vault.seal_opt(Field::CustomerNotes, fields.notes.as_deref()));
    row.address = Set(vault.seal_opt(Field::CustomerAddress, fields.address.as_deref()));
    row.email_index = Set(fields.email.as_deref().map(|e| email_index(vault, e)));
    row.phone_index = Set(vault.blind_opt(Field::CustomerPhone, fields.phone.as_deref()));
    row.account_index = Set(fields.account_number.as_deref().map(|a| account_index(vault, a)));
}

/// True when lower-case `q` is in the customer's name, e-mail, phone, account number or a tag.
fn matches(c: &CustomerOut, q: &str) -> bool {
    let has = |text: &str| text.to_lowercase().contains(q);
    has(&c.full_name)
        || [&c.email, &c.phone, &c.account_number].into_iter().flatten().any(|t| has(t))
        || c.tags.iter().any(|t| has(t))
}

/// The page `skip..skip + limit` of the customers of `query` that match `q` (newest first), and
/// how many match in all.
pub(super) async fn search(
    state: &AppState,
    query: Select<customers::Entity>,
    q: &str,
    skip: u64,
    limit: u64,
) -> DomainResult<(Vec<CustomerOut>, u64)> {
    let mut pages = query
        .order_by_desc(customers::Column::CreatedAt)
        .order_by_desc(customers::Column::Id)
        .paginate(&state.db, SEARCH_BATCH);
    let (mut found, mut total) = (Vec::new(), 0u64);
    while let Some(rows) = pages.fetch_and_next().await? {
        for row in rows {
            let customer = out(&state.vault, row)?;
            if matches(&customer, q) {
                if total >= skip && (found.len() as u64) < limit {
                    found.push(customer);
                }
                total += 1;
            }
        }
    }
    Ok((found, total))
}
