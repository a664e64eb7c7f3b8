//! Canned responses: any staff member lists them; ADMIN and SUPERVISOR write (audited).

use chrono::Utc;
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, QueryOrder, Set, TransactionTrait};

use crate::audit::RequestMeta;
use crate::auth::CurrentUser;
use crate::entities::canned_responses;
use crate::error::{DomainError, DomainResult, on_unique};
use crate::model::{CannedRequest, CannedResponse, Role};
use crate::state::AppState;

const WRITERS: [Role; 2] = [Role::Admin, Role::Supervisor];

fn out(row: canned_responses::Model) -> CannedResponse {
    CannedResponse {
        id: row.id,
        shortcut: row.shortcut,
        title: row.title,
        content: row.content,
        language: row.language,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

fn validate(req: &CannedRequest) -> DomainResult<(String, String, String, String)> {
    let shortcut = req.shortcut.trim().trim_start_matches('/').to_lowercase();
    if shortcut.is_empty()
        || shortcut.chars().count() > 64
        || !shortcut.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        return Err(DomainError::validation("shortcut", "Shortcut is 1 to 64 letters, digits, '-' or '_'"));
    }
    let title = req.title.trim();
    if title.is_empty() || title.chars().count() > 255 {
        return Err(DomainError::validation("title", "Title must be 1 to 255 characters"));
    }
    let content = req.content.trim();
    if content.is_empty() || content.chars().count() > 4000 {
        return Err(DomainError::validation("content", "Content must be 1 to 4,000 characters"));
    }
    let language = match req.language.as_deref().map(str::trim).unwrap_or("es") {
        "" | "es" => "es",
        "en" => "en",
        _ => return Err(DomainError::validation("language", "Language must be 'es' or 'en'")),
    };
    Ok((shortcut, title.to_owned(), content.to_owned(), language.to_owned()))
}

fn clash(e: sea_orm::DbErr) -> DomainError {
    on_unique("Another canned response has that shortcut")(e)
}

/// `GET /canned-responses` (any staff), by shortcut.
pub async fn list(state: &AppState, actor: &CurrentUser) -> DomainResult<Vec<CannedResponse>> {
    actor.require(&Role::ALL)?;
    let rows = canned_responses::Entity::find().order_by_asc(canned_responses::Column::Shortcut).all(&state.db).await?;
    Ok(rows.into_iter().map(out).collect())
}

/// `POST /canned-responses` → 201.
pub async fn create(
    state: &AppState,
    actor: &CurrentUser,
    req: &CannedRequest,
    meta: &RequestMeta,
) -> DomainResult<CannedResponse> {
    actor.require(&WRITERS)?;
    let (shortcut, title, content, language) = validate(req)?;
    let now = Utc::now();
    let txn = state.db.begin().await?;
    let row = canned_responses::ActiveModel {
        id: sea_orm::NotSet,
        shortcut: Set(shortcut),
        title: Set(title),
        content: Set(content),
        language: Set(language),
        created_by: Set(Some(actor.id)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(clash)?;
    state.audit.commit_by(actor, txn, "canned.create", "canned_response", row.id, meta).await?;
    Ok(out(row))
}

/// `PUT /canned-responses/{id}`.
pub async fn update(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    req: &CannedRequest,
    meta: &RequestMeta,
) -> DomainResult<CannedResponse> {
    actor.require(&WRITERS)?;
    let (shortcut, title, content, language) = validate(req)?;
    let row = canned_responses::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(|| DomainError::NotFound("Canned response not found".into()))?;
    let mut active = row.into_active_model();
    active.shortcut = Set(shortcut);
    active.title = Set(title);
    active.content = Set(content);
    active.language = Set(language);
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let row = active.update(&txn).await.map_err(clash)?;
    state.audit.commit_by(actor, txn, "canned.update", "canned_response", id, meta).await?;
    Ok(out(row))
}

/// `DELETE /canned-responses/{id}` → 204.
pub async fn delete(state: &AppState, actor: &CurrentUser, id: i32, meta: &RequestMeta) -> DomainResult<()> {
    actor.require(&WRITERS)?;
    let txn = state.db.begin().await?;
    let result = canned_responses::Entity::delete_by_id(id).exec(&txn).await?;
    if result.rows_affected == 0 {
        return Err(DomainError::NotFound("Canned response not found".into()));
    }
    state.audit.commit_by(actor, txn, "canned.delete", "canned_response", id, meta).await?;
    Ok(())
}
