//! Staff accounts: create, list, read, update. ADMIN only, checked here rather than in callers.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};

use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::{CurrentUser, hash_password};
use crate::entities::users;
use crate::error::{DomainError, DomainResult, on_unique};
use crate::model::{CreateUserRequest, Email, Role, UpdateUserRequest, UserOut};
use crate::state::AppState;

/// The API view of a stored user.
pub fn to_out(user: &users::Model) -> UserOut {
    UserOut {
        id: user.id,
        username: user.username.clone(),
        email: user.email.clone(),
        full_name: user.full_name.clone(),
        role: user.role,
        is_active: user.is_active,
        created_at: user.created_at,
        last_login: user.last_login,
    }
}

pub(crate) fn validate_password(password: &str) -> DomainResult<()> {
    if password.chars().count() < 8 {
        return Err(DomainError::validation("password", "Password must be at least 8 characters"));
    }
    if password.len() > 256 {
        return Err(DomainError::validation("password", "Password must be at most 256 bytes"));
    }
    Ok(())
}

fn validate_new(req: &CreateUserRequest) -> DomainResult<(String, String, String)> {
    let username = req.username.trim().to_owned();
    if username.is_empty() || username.chars().count() > 100 {
        return Err(DomainError::validation("username", "Username must be 1 to 100 characters"));
    }
    if username.chars().any(char::is_whitespace) {
        return Err(DomainError::validation("username", "Username must not contain spaces"));
    }
    let email = Email::parse(&req.email)
        .ok_or_else(|| DomainError::validation("email", "A valid e-mail address is required"))?
        .into_string();
    let full_name = req.full_name.trim().to_owned();
    if full_name.chars().count() > 255 {
        return Err(DomainError::validation("full_name", "Full name must be at most 255 characters"));
    }
    validate_password(&req.password)?;
    Ok((username, email, full_name))
}

/// Creates a staff account without any permission check: for the CLI, start-up and seeding.
pub async fn create_unchecked(state: &AppState, req: &CreateUserRequest) -> DomainResult<UserOut> {
    Ok(to_out(&insert_new(&state.db, req).await?))
}

async fn insert_new(db: &impl ConnectionTrait, req: &CreateUserRequest) -> DomainResult<users::Model> {
    let (username, email, full_name) = validate_new(req)?;
    let taken = users::Entity::find()
        .filter(
            Condition::any()
                .add(users::Column::Username.eq(username.as_str()))
                .add(users::Column::Email.eq(email.as_str()))
                .add(users::Column::Username.eq(email.as_str())),
        )
        .count(db)
        .await?;
    if taken > 0 {
        return Err(DomainError::Conflict("A user with that username or e-mail already exists".into()));
    }
    let password_hash = hash_password(req.password.clone()).await?;
    let now = Utc::now();
    let full_name = if full_name.is_empty() { username.clone() } else { full_name };
    let user = users::ActiveModel {
        id: sea_orm::NotSet,
        username: Set(username),
        email: Set(email),
        full_name: Set(full_name),
        role: Set(req.role),
        password_hash: Set(password_hash),
        is_active: Set(true),
        token_version: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        last_login: Set(None),
    }
    .insert(db)
    .await
    // A concurrent insert of the same name lands here through the unique index.
    .map_err(on_unique("A user with that username or e-mail already exists"))?;
    Ok(user)
}

/// `POST /users` (ADMIN).
pub async fn create(
    state: &AppState,
    actor: &CurrentUser,
    req: &CreateUserRequest,
    meta: &RequestMeta,
) -> DomainResult<UserOut> {
    actor.require(&[Role::Admin])?;
    let txn = state.db.begin().await?;
    match insert_new(&txn, req).await {
        // The account exists only with its audit record.
        Ok(user) => {
            let entry = Entry::new("user.create", Outcome::Success)
                .resource("user", user.id)
                .details(serde_json::json!({ "username": user.username, "role": user.role }));
            state.audit.commit_with(txn, entry.actor(actor.id, &actor.username), meta).await?;
            Ok(to_out(&user))
        }
        Err(e) => {
            let _ = txn.rollback().await;
            let entry = Entry::new("user.create", Outcome::Failure)
                .details(serde_json::json!({ "username": req.username, "error": e.to_string() }));
            let _ = state.audit.record(entry.actor(actor.id, &actor.username), meta).await;
            Err(e)
        }
    }
}

/// `GET /users` (ADMIN), oldest first.
pub async fn list(state: &AppState, actor: &CurrentUser) -> DomainResult<Vec<UserOut>> {
    actor.require(&[Role::Admin])?;
    let rows = users::Entity::find().order_by_asc(users::Column::Id).all(&state.db).await?;
    Ok(rows.iter().map(to_out).collect())
}

/// `GET /users/{id}` (ADMIN).
pub async fn get(state: &AppState, actor: &CurrentUser, id: i32) -> DomainResult<UserOut> {
    actor.require(&[Role::Admin])?;
    let user = users::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(not_found)?;
    Ok(to_out(&user))
}

fn not_found() -> DomainError {
    DomainError::NotFound("User not found".into())
}

/// `PATCH /users/{id}` (ADMIN). Deactivation or a new password retires the user's tokens.
pub async fn update(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    req: &UpdateUserRequest,
    meta: &RequestMeta,
) -> DomainResult<UserOut> {
    actor.require(&[Role::Admin])?;
    let user = users::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(not_found)?;
    if id == actor.id && (req.is_active == Some(false) || req.role.is_some_and(|r| r != Role::Admin)) {
        return Err(DomainError::Conflict("You cannot deactivate or demote yourself".into()));
    }
    let mut changes = serde_json::Map::new();
    let mut active = user.clone().into_active_model();
    let mut retire_tokens = false;
    if let Some(role) = req.role {
        active.role = Set(role);
        changes.insert("role".into(), serde_json::json!(role));
        retire_tokens |= role != user.role;
    }
    if let Some(is_active) = req.is_active {
        active.is_active = Set(is_active);
        changes.insert("is_active".into(), serde_json::json!(is_active));
        retire_tokens |= !is_active;
    }
    if let Some(name) = &req.full_name {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 255 {
            return Err(DomainError::validation("full_name", "Full name must be 1 to 255 characters"));
        }
        active.full_name = Set(name.to_owned());
        changes.insert("full_name".into(), serde_json::json!(name));
    }
    if let Some(password) = &req.password {
        validate_password(password)?;
        active.password_hash = Set(hash_password(password.clone()).await?);
        changes.insert("password".into(), serde_json::json!("changed"));
        retire_tokens = true;
    }
    if retire_tokens {
        active.token_version = Set(user.token_version + 1);
    }
    active.updated_at = Set(Utc::now());
    // The change, the retired tokens and the audit record commit together or not at all.
    let txn = state.db.begin().await?;
    let updated = active.update(&txn).await?;
    if retire_tokens {
        crate::entities::refresh_tokens::Entity::update_many()
            .col_expr(crate::entities::refresh_tokens::Column::Revoked, sea_orm::sea_query::Expr::value(true))
            .filter(crate::entities::refresh_tokens::Column::UserId.eq(id))
            .exec(&txn)
            .await?;
    }
    let entry = Entry::new("user.update", Outcome::Success)
        .actor(actor.id, &actor.username)
        .resource("user", id)
        .details(serde_json::Value::Object(changes));
    state.audit.commit_with(txn, entry, meta).await?;
    Ok(to_out(&updated))
}

/// `PUT /auth/me` (any signed-in staff member): their own name. Audited as `user.update`.
pub async fn update_me(
    state: &AppState,
    actor: &CurrentUser,
    req: &crate::model::UpdateMeRequest,
    meta: &RequestMeta,
) -> DomainResult<UserOut> {
    let name = req.full_name.trim();
    if name.is_empty() || name.chars().count() > 255 {
        return Err(DomainError::validation("full_name", "Full name must be 1 to 255 characters"));
    }
    let user = users::Entity::find_by_id(actor.id).one(&state.db).await?.ok_or_else(not_found)?;
    let mut active = user.into_active_model();
    active.full_name = Set(name.to_owned());
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let updated = active.update(&txn).await?;
    let entry = Entry::new("user.update", Outcome::Success)
        .actor(actor.id, &actor.username)
        .resource("user", actor.id)
        .details(serde_json::json!({ "full_name": name }));
    state.audit.commit_with(txn, entry, meta).await?;
    Ok(to_out(&updated))
}

/// Whether any staff account exists yet.
pub async fn any_exist(state: &AppState) -> DomainResult<bool> {
    Ok(users::Entity::find().count(&state.db).await? > 0)
}

/// A user's own record (any signed-in user may read their own).
pub async fn find_out(state: &AppState, id: i32) -> DomainResult<UserOut> {
    let user = users::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(not_found)?;
    Ok(to_out(&user))
}
