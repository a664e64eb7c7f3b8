//! Sign-in backoff per account, in the database so every server counts the same failures: after
//! five wrong passwords in a row a username is locked for 30 s, then twice as long after each
//! further failure, up to 15 minutes. While locked, sign-ins are refused before any password is
//! checked, so guesses from any number of addresses get nowhere. A success clears the count; a
//! day without failures forgets them. Unknown usernames are counted the same way, so a lock says
//! nothing about whether an account exists.

use chrono::{Duration, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use crate::entities::login_failures::{self, Column, Entity};
use crate::error::{DomainError, DomainResult};
use crate::state::AppState;

/// Failures in a row that cost nothing.
const FREE_FAILURES: i32 = 5;
/// The first lock, the one admins hear about.
pub const FIRST_LOCK_SECS: i64 = 30;
const MAX_LOCK_SECS: i64 = 15 * 60;

/// The counter's key for `username`: trimmed, lower case, at most 255 characters.
pub fn key(username: &str) -> String {
    username.trim().to_lowercase().chars().take(255).collect()
}

/// 429 while `key` is locked.
pub async fn check(state: &AppState, key: &str) -> DomainResult<()> {
    let now = Utc::now();
    let row = Entity::find_by_id(key.to_owned()).one(&state.db).await?;
    if let Some(until) = row.and_then(|r| r.locked_until).filter(|until| *until > now) {
        let secs = (until - now).num_seconds().max(1);
        return Err(DomainError::TooMany(format!(
            "Too many failed sign-ins for this account; try again in {secs} seconds"
        )));
    }
    Ok(())
}

/// Counts one more failure for `key`; returns how long the account is now locked, if it is.
pub async fn failed(state: &AppState, key: &str) -> DomainResult<Option<i64>> {
    let now = Utc::now();
    // A day without failures starts the count afresh.
    Entity::delete_many()
        .filter(Column::UsernameKey.eq(key))
        .filter(Column::LastFailureAt.lt(now - Duration::days(1)))
        .exec(&state.db)
        .await?;
    let first = login_failures::ActiveModel {
        username_key: Set(key.to_owned()),
        failures: Set(1),
        locked_until: Set(None),
        last_failure_at: Set(now),
    };
    // One statement, so parallel guesses on several servers are all counted.
    Entity::insert(first)
        .on_conflict(
            OnConflict::column(Column::UsernameKey)
                .value(Column::Failures, one_more())
                .value(Column::LastFailureAt, now)
                .to_owned(),
        )
        .exec(&state.db)
        .await?;
    let Some(row) = Entity::find_by_id(key.to_owned()).one(&state.db).await? else { return Ok(None) };
    if row.failures < FREE_FAILURES {
        return Ok(None);
    }
    let doublings = (row.failures - FREE_FAILURES).min(10) as u32;
    let secs = (FIRST_LOCK_SECS << doublings).min(MAX_LOCK_SECS);
    let mut active = row.into_active_model();
    active.locked_until = Set(Some(now + Duration::seconds(secs)));
    active.update(&state.db).await?;
    Ok(Some(secs))
}

/// `failures + 1`, on the stored row.
fn one_more() -> Expr {
    use sea_orm::sea_query::ExprTrait;
    Expr::col((Entity, Column::Failures)).add(1)
}

/// A successful sign-in clears the count.
pub async fn succeeded(state: &AppState, key: &str) -> DomainResult<()> {
    Entity::delete_by_id(key.to_owned()).exec(&state.db).await?;
    Ok(())
}
