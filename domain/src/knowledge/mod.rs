//! The knowledge base: articles the assistant answers from. Any staff member reads; ADMIN and
//! SUPERVISOR write, and every write is audited. The assistant's index follows every committed
//! change at once — no restart.

mod browse;
pub mod embed;
mod follow;
mod learn;
pub mod markdown;
mod validate;

pub use browse::{Browse, browse};
pub use follow::{load_index, reload};
pub use learn::{forget_examples, learn_example, republish};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};

use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::knowledge_articles;
use crate::error::{DomainError, DomainResult};
use crate::model::{ArticleFilter, ArticleOut, CreateArticleRequest, Role, SearchParams, UpdateArticleRequest};
use crate::state::AppState;

/// Who may change the knowledge base.
pub const WRITERS: [Role; 2] = [Role::Admin, Role::Supervisor];
/// Most results `GET /knowledge/search` returns.
const SEARCH_LIMIT: usize = 20;

/// The API view of a stored article.
pub fn to_out(row: &knowledge_articles::Model) -> ArticleOut {
    ArticleOut {
        id: row.id,
        title: row.title.clone(),
        content: row.content.clone(),
        category: row.category.clone(),
        tags: tags_of(row),
        examples: examples_of(row),
        language: row.language.clone(),
        is_active: row.is_active,
        version: row.version,
        created_by: row.created_by,
        updated_by: row.updated_by,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

fn tags_of(row: &knowledge_articles::Model) -> Vec<String> {
    serde_json::from_value(row.tags.clone()).unwrap_or_default()
}

fn examples_of(row: &knowledge_articles::Model) -> Vec<String> {
    row.examples.clone().and_then(|e| serde_json::from_value(e).ok()).unwrap_or_default()
}

fn not_found() -> DomainError {
    DomainError::NotFound("Article not found".into())
}

async fn audit(state: &AppState, actor: &CurrentUser, entry: Entry, meta: &RequestMeta) {
    let _ = state.audit.record(entry.actor(actor.id, &actor.username), meta).await;
}

/// Commits a change with its audit record, or neither (fail closed).
async fn commit_audited(
    state: &AppState,
    txn: DatabaseTransaction,
    actor: &CurrentUser,
    entry: Entry,
    meta: &RequestMeta,
) -> DomainResult<()> {
    state.audit.commit_with(txn, entry.actor(actor.id, &actor.username), meta).await
}

/// A refused write is audited too: someone tried to change what customers are told.
async fn require_writer(
    state: &AppState,
    actor: &CurrentUser,
    action: &'static str,
    meta: &RequestMeta,
) -> DomainResult<()> {
    if let Err(e) = actor.require(&WRITERS) {
        let entry = Entry::new(action, Outcome::Failure).details(serde_json::json!({ "error": e.to_string() }));
        audit(state, actor, entry, meta).await;
        return Err(e);
    }
    Ok(())
}

/// `GET /knowledge` (any staff), most recently updated first.
pub async fn list(state: &AppState, actor: &CurrentUser, filter: &ArticleFilter) -> DomainResult<Vec<ArticleOut>> {
    actor.require(&Role::ALL)?;
    let mut query = knowledge_articles::Entity::find();
    if let Some(category) = filter.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        query = query.filter(knowledge_articles::Column::Category.eq(validate::category(category)?));
    }
    if let Some(language) = filter.language.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        query = query.filter(knowledge_articles::Column::Language.eq(validate::language(language)?.code()));
    }
    if let Some(active) = filter.is_active {
        query = query.filter(knowledge_articles::Column::IsActive.eq(active));
    }
    let rows = query
        .order_by_desc(knowledge_articles::Column::UpdatedAt)
        .order_by_desc(knowledge_articles::Column::Id)
        .limit(filter.limit.unwrap_or(100).clamp(1, 500))
        .offset(filter.offset.unwrap_or(0))
        .all(&state.db)
        .await?;
    Ok(rows.iter().map(to_out).collect())
}

/// `GET /knowledge/{id}` (any staff).
pub async fn get(state: &AppState, actor: &CurrentUser, id: i32) -> DomainResult<ArticleOut> {
    actor.require(&Role::ALL)?;
    let row = knowledge_articles::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(not_found)?;
    Ok(to_out(&row))
}

/// `GET /knowledge/search?q=&category=` (any staff): active articles, best first, ranked by the
/// assistant's own index.
pub async fn search(state: &AppState, actor: &CurrentUser, params: &SearchParams) -> DomainResult<Vec<ArticleOut>> {
    actor.require(&Role::ALL)?;
    let q = params.q.trim();
    if q.is_empty() {
        return Err(DomainError::validation("q", "Type something to search for"));
    }
    if q.chars().count() > 500 {
        return Err(DomainError::validation("q", "A search is at most 500 characters"));
    }
    let category = match params.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(validate::category(c)?),
        None => None,
    };
    let ids: Vec<i32> =
        state.assistant.index().search(q, category.as_deref(), SEARCH_LIMIT).into_iter().map(|h| h.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = knowledge_articles::Entity::find()
        .filter(knowledge_articles::Column::Id.is_in(ids.clone()))
        .filter(knowledge_articles::Column::IsActive.eq(true))
        .all(&state.db)
        .await?;
    Ok(ids.iter().filter_map(|id| rows.iter().find(|r| r.id == *id)).map(to_out).collect())
}

/// Checks a new article's fields without storing anything.
pub fn validate_request(req: &CreateArticleRequest) -> DomainResult<()> {
    validate::new_article(req, crate::assistant::language::Lang::Es).map(|_| ())
}

/// Stores a new article without a permission check: for seeding and the CLI.
pub async fn create_unchecked(
    state: &AppState,
    actor: Option<i32>,
    req: &CreateArticleRequest,
) -> DomainResult<ArticleOut> {
    let row = insert(state, &state.db, actor, req).await?;
    Ok(published(state, &row).await)
}

/// The assistant answers from a stored article at once; its embedding follows, and then the
/// other servers are told to read it too.
async fn published(state: &AppState, row: &knowledge_articles::Model) -> ArticleOut {
    follow::sync_index(state, row);
    embed::follow(state, row).await;
    state.events.tell_others(|| crate::events::Note::Article { id: row.id });
    to_out(row)
}

async fn insert(
    state: &AppState,
    db: &impl ConnectionTrait,
    actor: Option<i32>,
    req: &CreateArticleRequest,
) -> DomainResult<knowledge_articles::Model> {
    let fields = validate::new_article(req, state.assistant.settings().default_language)?;
    let now = Utc::now();
    let row = knowledge_articles::ActiveModel {
        id: sea_orm::NotSet,
        title: Set(fields.title),
        content: Set(fields.content),
        category: Set(fields.category),
        tags: Set(serde_json::json!(fields.tags)),
        examples: Set(Some(serde_json::json!(fields.examples))),
        language: Set(fields.language.code().to_owned()),
        is_active: Set(true),
        version: Set(1),
        created_by: Set(actor),
        updated_by: Set(actor),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(row)
}

/// `POST /knowledge` (ADMIN, SUPERVISOR) → 201.
pub async fn create(
    state: &AppState,
    actor: &CurrentUser,
    req: &CreateArticleRequest,
    meta: &RequestMeta,
) -> DomainResult<ArticleOut> {
    require_writer(state, actor, "knowledge.create", meta).await?;
    let txn = state.db.begin().await?;
    let row = insert(state, &txn, Some(actor.id), req).await?;
    let entry = Entry::new("knowledge.create", Outcome::Success)
        .resource("knowledge_article", row.id)
        .details(serde_json::json!({ "title": row.title, "category": row.category, "language": row.language }));
    commit_audited(state, txn, actor, entry, meta).await?;
    Ok(published(state, &row).await)
}

/// `PUT /knowledge/{id}` (ADMIN, SUPERVISOR): changes the fields given and bumps the version.
pub async fn update(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    req: &UpdateArticleRequest,
    meta: &RequestMeta,
) -> DomainResult<ArticleOut> {
    require_writer(state, actor, "knowledge.update", meta).await?;
    let row = knowledge_articles::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(not_found)?;
    let mut changed: Vec<&str> = Vec::new();
    let mut active = row.clone().into_active_model();
    if let Some(title) = &req.title {
        active.title = Set(validate::title(title)?);
        changed.push("title");
    }
    if let Some(content) = &req.content {
        active.content = Set(validate::content(content)?);
        changed.push("content");
    }
    if let Some(category) = &req.category {
        active.category = Set(validate::category(category)?);
        changed.push("category");
    }
    if let Some(tags) = &req.tags {
        active.tags = Set(serde_json::json!(validate::tags(tags)?));
        changed.push("tags");
    }
    if let Some(examples) = &req.examples {
        active.examples = Set(Some(serde_json::json!(validate::examples(examples)?)));
        changed.push("examples");
    }
    if let Some(language) = &req.language {
        active.language = Set(validate::language(language)?.code().to_owned());
        changed.push("language");
    }
    if let Some(is_active) = req.is_active {
        active.is_active = Set(is_active);
        changed.push("is_active");
    }
    if changed.iter().any(|c| *c != "is_active") {
        active.version = Set(row.version + 1);
    }
    active.updated_by = Set(Some(actor.id));
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let updated = active.update(&txn).await?;
    let entry = Entry::new("knowledge.update", Outcome::Success)
        .resource("knowledge_article", id)
        .details(serde_json::json!({ "changed": changed, "version": updated.version }));
    commit_audited(state, txn, actor, entry, meta).await?;
    Ok(published(state, &updated).await)
}

/// `DELETE /knowledge/{id}` (ADMIN, SUPERVISOR): deactivates; the assistant stops using it at once.
pub async fn deactivate(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    meta: &RequestMeta,
) -> DomainResult<ArticleOut> {
    require_writer(state, actor, "knowledge.deactivate", meta).await?;
    let row = knowledge_articles::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(not_found)?;
    let mut active = row.into_active_model();
    active.is_active = Set(false);
    active.updated_by = Set(Some(actor.id));
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let updated = active.update(&txn).await?;
    let entry = Entry::new("knowledge.deactivate", Outcome::Success).resource("knowledge_article", id);
    commit_audited(state, txn, actor, entry, meta).await?;
    Ok(published(state, &updated).await)
}

/// The categories in use, for filters.
pub async fn categories(state: &AppState, actor: &CurrentUser) -> DomainResult<Vec<String>> {
    actor.require(&Role::ALL)?;
    let mut names: Vec<String> = knowledge_articles::Entity::find()
        .select_only()
        .column(knowledge_articles::Column::Category)
        .distinct()
        .into_tuple()
        .all(&state.db)
        .await?;
    names.sort();
    Ok(names)
}
