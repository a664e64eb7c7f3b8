//! A staff member changes their own password. The current one is required, and a wrong one counts
//! toward the sign-in lockout (a stolen session cannot guess it); the new one is hashed off the
//! async threads. Every other session ends — access tokens are retired, refresh tokens revoked —
//! and this one goes on with new tokens. Audited as `auth.password_changed`.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionTrait};

use super::{Session, issue_refresh, lockout, session_for, verify};
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::{refresh_tokens, users};
use crate::error::{DomainError, DomainResult};
use crate::model::ChangePasswordRequest;
use crate::state::AppState;

/// `POST /auth/password` (any signed-in staff member, for themselves).
pub async fn change_password(
    state: &AppState,
    actor: &CurrentUser,
    req: &ChangePasswordRequest,
    meta: &RequestMeta,
) -> DomainResult<Session> {
    let lock_key = lockout::key(&actor.username);
    lockout::check(state, &lock_key).await?;
    let user = users::Entity::find_by_id(actor.id)
        .one(&state.db)
        .await?
        .ok_or_else(|| DomainError::Unauthorized("Could not validate credentials".into()))?;
    if !verify(&req.current_password, Some(user.password_hash.clone())).await? {
        let entry = Entry::new("auth.password_changed", Outcome::Failure)
            .actor(actor.id, &actor.username)
            .resource("user", actor.id)
            .details(serde_json::json!({ "reason": "wrong current password" }));
        let _ = state.audit.record(entry, meta).await;
        lockout::failed(state, &lock_key).await?;
        return Err(DomainError::validation("current_password", "The current password is not right"));
    }
    lockout::succeeded(state, &lock_key).await?;
    crate::users::validate_password(&req.new_password)
        .map_err(|_| DomainError::validation("new_password", "The new password must be 8 to 256 bytes"))?;
    if req.new_password == req.current_password {
        return Err(DomainError::validation("new_password", "Choose a password other than the current one"));
    }
    let hash = crate::auth::hash_password(req.new_password.clone()).await?;
    let version = user.token_version + 1;
    let mut active = user.into_active_model();
    active.password_hash = Set(hash);
    active.token_version = Set(version);
    active.updated_at = Set(Utc::now());
    // The new password, the ended sessions, this session's new tokens and the audit record commit
    // together or not at all.
    let txn = state.db.begin().await?;
    let updated = active.update(&txn).await?;
    refresh_tokens::Entity::update_many()
        .col_expr(refresh_tokens::Column::Revoked, Expr::value(true))
        .filter(refresh_tokens::Column::UserId.eq(actor.id))
        .exec(&txn)
        .await?;
    let (refresh, _) = issue_refresh(state, &txn, actor.id, &uuid::Uuid::new_v4().to_string()).await?;
    let entry = Entry::new("auth.password_changed", Outcome::Success)
        .actor(actor.id, &actor.username)
        .resource("user", actor.id);
    state.audit.commit_with(txn, entry, meta).await?;
    session_for(state, &updated, refresh)
}
