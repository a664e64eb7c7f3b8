//! Staff sessions: login (with lockout after repeated failures), refresh-token rotation with reuse
//! detection, logout, and turning an access token into the [`CurrentUser`] that every service
//! checks roles against.

pub mod lockout;
mod password;

pub use password::change_password;

use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use sha2::{Digest, Sha256};

use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::{refresh_tokens, users};
use crate::error::{DomainError, DomainResult};
use crate::model::TokenResponse;
use crate::state::AppState;
use crate::users::to_out;

/// A freshly issued access + refresh token pair.
pub type Session = TokenResponse;

const BAD_LOGIN: &str = "Incorrect username or password";

/// Checks `username` (or e-mail) and `password`; audits success and failure.
pub async fn login(state: &AppState, username: &str, password: &str, meta: &RequestMeta) -> DomainResult<Session> {
    let name = username.trim();
    let lock_key = lockout::key(name);
    if !name.is_empty()
        && let Err(locked) = lockout::check(state, &lock_key).await
    {
        let entry = Entry::new("auth.login", Outcome::Failure)
            .details(serde_json::json!({ "username": truncate(name, 255), "reason": "locked" }));
        let _ = state.audit.record(entry, meta).await;
        return Err(locked);
    }
    let user = if name.is_empty() {
        None
    } else {
        users::Entity::find()
            .filter(
                Condition::any()
                    .add(users::Column::Username.eq(name))
                    .add(users::Column::Email.eq(name.to_lowercase())),
            )
            .one(&state.db)
            .await?
    };
    let ok = verify(password, user.as_ref().map(|u| u.password_hash.clone())).await?;
    let user = match user {
        Some(u) if ok && u.is_active => u,
        other => {
            let reason = match &other {
                None => "unknown user",
                Some(u) if !u.is_active && ok => "inactive user",
                Some(_) => "wrong password",
            };
            let mut entry = Entry::new("auth.login", Outcome::Failure)
                .details(serde_json::json!({ "username": truncate(name, 255), "reason": reason }));
            if let Some(u) = &other {
                entry = entry.actor(u.id, &u.username);
            }
            let _ = state.audit.record(entry, meta).await;
            if !name.is_empty()
                && let Some(secs) = lockout::failed(state, &lock_key).await?
            {
                let mut entry = Entry::new("auth.lockout", Outcome::Success)
                    .details(serde_json::json!({ "username": truncate(name, 255), "locked_secs": secs }));
                if let Some(u) = &other {
                    entry = entry.resource("user", u.id);
                    if secs == lockout::FIRST_LOCK_SECS {
                        crate::notifications::triggers::account_locked(state, u).await;
                    }
                }
                let _ = state.audit.record(entry, meta).await;
            }
            return Err(DomainError::Unauthorized(BAD_LOGIN.into()));
        }
    };
    lockout::succeeded(state, &lock_key).await?;
    let now = Utc::now();
    let mut active = user.clone().into_active_model();
    active.last_login = Set(Some(now));
    let user = active.update(&state.db).await?;
    let family = uuid::Uuid::new_v4().to_string();
    let refresh = issue_refresh(state, &state.db, user.id, &family).await?;
    let session = session_for(state, &user, refresh.0)?;
    let entry = Entry::new("auth.login", Outcome::Success).actor(user.id, &user.username).resource("user", user.id);
    let _ = state.audit.record(entry, meta).await;
    Ok(session)
}

async fn verify(password: &str, hash: Option<String>) -> DomainResult<bool> {
    if password.is_empty() || password.len() > 1024 {
        // Still spend the time, so the answer time says nothing.
        let _ = crate::auth::verify_password(String::new(), None).await?;
        return Ok(false);
    }
    crate::auth::verify_password(password.to_owned(), hash).await
}

/// How long after a token was rotated the same token may rotate again without counting as reuse:
/// two tabs of one browser refresh with the same cookie at the same moment.
const CONCURRENT_REFRESH_SECS: i64 = 10;

/// Exchanges a refresh token for a new pair. A token that was already rotated (other than by a
/// concurrent refresh moments ago) or revoked is a sign of theft: the whole family is revoked and
/// the attempt audited. A sign-in lives at most `JOXAI_SESSION_MAX_HOURS`, however often it is
/// refreshed.
pub async fn refresh(state: &AppState, raw: &str, meta: &RequestMeta) -> DomainResult<Session> {
    let invalid = || DomainError::Unauthorized("Invalid refresh token".into());
    let hash = token_hash(raw);
    let txn = state.db.begin().await?;
    let Some(token) =
        refresh_tokens::Entity::find().filter(refresh_tokens::Column::TokenHash.eq(hash)).one(&txn).await?
    else {
        return Err(invalid());
    };
    let concurrent = match token.replaced_by {
        Some(next) if !token.revoked => refresh_tokens::Entity::find_by_id(next)
            .one(&txn)
            .await?
            .is_some_and(|n| n.created_at > Utc::now() - Duration::seconds(CONCURRENT_REFRESH_SECS)),
        _ => false,
    };
    if token.revoked || (token.replaced_by.is_some() && !concurrent) {
        revoke_family(&txn, &token.family).await?;
        txn.commit().await?;
        let entry = Entry::new("auth.refresh_reuse", Outcome::Failure)
            .resource("user", token.user_id)
            .details(serde_json::json!({ "family": token.family }));
        let _ = state.audit.record(entry, meta).await;
        return Err(invalid());
    }
    if token.expires_at < Utc::now() {
        return Err(invalid());
    }
    let started = refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::Family.eq(token.family.as_str()))
        .order_by_asc(refresh_tokens::Column::CreatedAt)
        .one(&txn)
        .await?
        .map_or(token.created_at, |first| first.created_at);
    if started + Duration::hours(state.config.session_max_hours) < Utc::now() {
        revoke_family(&txn, &token.family).await?;
        txn.commit().await?;
        return Err(DomainError::Unauthorized("The session has ended; sign in again".into()));
    }
    let Some(user) = users::Entity::find_by_id(token.user_id).one(&txn).await? else {
        return Err(invalid());
    };
    if !user.is_active {
        return Err(invalid());
    }
    let (raw_new, new_id) = issue_refresh(state, &txn, user.id, &token.family).await?;
    if concurrent {
        // The first refresh already rotated this token: this one gets a sibling in the family.
        txn.commit().await?;
        return session_for(state, &user, raw_new);
    }
    // Conditional update: of two concurrent refreshes with one token, only one wins.
    let updated = refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::ReplacedBy, Expr::value(new_id))
        .filter(refresh_tokens::Column::Id.eq(token.id))
        .filter(refresh_tokens::Column::ReplacedBy.is_null())
        .filter(refresh_tokens::Column::Revoked.eq(false))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        // Another refresh with this token won a moment ago: a sibling too, unless it was revoked.
        let revoked = refresh_tokens::Entity::find_by_id(token.id).one(&txn).await?.is_none_or(|t| t.revoked);
        if revoked {
            return Err(invalid());
        }
    }
    txn.commit().await?;
    session_for(state, &user, raw_new)
}

/// Revokes the family of `raw`, or every refresh token of `user` when none is given.
pub async fn logout(state: &AppState, user: &CurrentUser, raw: Option<&str>, meta: &RequestMeta) -> DomainResult<()> {
    match raw {
        Some(raw) => {
            let token = refresh_tokens::Entity::find()
                .filter(refresh_tokens::Column::TokenHash.eq(token_hash(raw)))
                .filter(refresh_tokens::Column::UserId.eq(user.id))
                .one(&state.db)
                .await?;
            if let Some(token) = token {
                revoke_family(&state.db, &token.family).await?;
            }
        }
        None => {
            refresh_tokens::Entity::update_many()
                .col_expr(refresh_tokens::Column::Revoked, Expr::value(true))
                .filter(refresh_tokens::Column::UserId.eq(user.id))
                .exec(&state.db)
                .await?;
        }
    }
    let entry = Entry::new("auth.logout", Outcome::Success).actor(user.id, &user.username).resource("user", user.id);
    let _ = state.audit.record(entry, meta).await;
    Ok(())
}

/// Turns a bearer access token into the user behind it: the signature and claims must hold, the
/// user must still exist and be active, and the token must not predate a deactivation.
pub async fn authenticate(state: &AppState, token: &str) -> DomainResult<CurrentUser> {
    let unauthorized = || DomainError::Unauthorized("Could not validate credentials".into());
    let claims = state.jwt.verify(token)?;
    let id: i32 = claims.sub.parse().map_err(|_| unauthorized())?;
    let user = users::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(unauthorized)?;
    if !user.is_active || user.token_version != claims.ver {
        return Err(unauthorized());
    }
    Ok(CurrentUser { id: user.id, username: user.username, full_name: user.full_name, role: user.role })
}

/// Whether `user`, signed in with tokens of `token_version`, still may act as they did: active,
/// the same role, no new password or forced sign-out since.
pub async fn still_valid(state: &AppState, user: &CurrentUser, token_version: i32) -> DomainResult<bool> {
    let row = users::Entity::find_by_id(user.id).one(&state.db).await?;
    Ok(row.is_some_and(|u| u.is_active && u.token_version == token_version && u.role == user.role))
}

/// The session (refresh-token family) a refresh token belongs to, if it names one.
pub async fn session_of(state: &AppState, refresh_token: &str) -> DomainResult<Option<String>> {
    let row = refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::TokenHash.eq(token_hash(refresh_token)))
        .one(&state.db)
        .await?;
    Ok(row.map(|r| r.family))
}

/// Whether a session can still be refreshed: a token of the family is unrevoked and unexpired, and
/// the session is within its absolute lifetime. A socket opened on the session cookie lives as
/// long as this holds — a signed-out, lapsed or over-age session ends it.
pub async fn session_alive(state: &AppState, family: &str) -> DomainResult<bool> {
    let now = Utc::now();
    let live = refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::Family.eq(family))
        .filter(refresh_tokens::Column::Revoked.eq(false))
        .filter(refresh_tokens::Column::ExpiresAt.gt(now))
        .one(&state.db)
        .await?
        .is_some();
    let started = refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::Family.eq(family))
        .order_by_asc(refresh_tokens::Column::CreatedAt)
        .one(&state.db)
        .await?
        .map(|first| first.created_at);
    Ok(live && started.is_some_and(|t| t + Duration::hours(state.config.session_max_hours) > now))
}

fn session_for(state: &AppState, user: &users::Model, refresh_token: String) -> DomainResult<Session> {
    let out = to_out(user);
    let access_token = state.jwt.issue(user.id, out.role, user.token_version)?;
    Ok(TokenResponse {
        access_token,
        token_type: "bearer".into(),
        expires_in: state.jwt.ttl_secs(),
        refresh_token,
        user: out,
    })
}

async fn issue_refresh<C: sea_orm::ConnectionTrait>(
    state: &AppState,
    db: &C,
    user_id: i32,
    family: &str,
) -> DomainResult<(String, i32)> {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let raw = hex::encode(bytes);
    let now = Utc::now();
    let row = refresh_tokens::ActiveModel {
        id: sea_orm::NotSet,
        user_id: Set(user_id),
        token_hash: Set(token_hash(&raw)),
        family: Set(family.to_owned()),
        expires_at: Set(now + Duration::days(state.config.refresh_token_ttl_days)),
        revoked: Set(false),
        replaced_by: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok((raw, row.id))
}

async fn revoke_family<C: sea_orm::ConnectionTrait>(db: &C, family: &str) -> DomainResult<()> {
    refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::Revoked, Expr::value(true))
        .filter(refresh_tokens::Column::Family.eq(family))
        .exec(db)
        .await?;
    Ok(())
}

fn token_hash(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}
