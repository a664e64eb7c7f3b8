//! The knowledge base: any staff member reads and searches; ADMIN and SUPERVISOR write (the
//! domain checks it and audits every write).

use domain::model::ArticleOut;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// Articles for the list page: ranked search results when `q` is given (active articles only),
/// otherwise every article, most recently updated first. Empty strings mean "any".
#[server(prefix = "/_sfn", endpoint = "knowledge/list")]
pub async fn list_articles(
    q: String,
    category: String,
    language: String,
    status: String,
) -> Result<Vec<ArticleOut>, AppError> {
    let Ctx { state, user, .. } = Ctx::require(&domain::model::Role::ALL).await?;
    let browse = domain::knowledge::Browse { q, category, language, status };
    Ok(domain::knowledge::browse(&state, &user, &browse).await?)
}

/// The categories in use.
#[server(prefix = "/_sfn", endpoint = "knowledge/categories")]
pub async fn article_categories() -> Result<Vec<String>, AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    Ok(domain::knowledge::categories(&state, &user).await?)
}

/// One article.
#[server(prefix = "/_sfn", endpoint = "knowledge/get")]
pub async fn get_article(id: i32) -> Result<ArticleOut, AppError> {
    let Ctx { state, user, .. } = Ctx::require(&domain::model::Role::ALL).await?;
    Ok(domain::knowledge::get(&state, &user, id).await?)
}

/// Creates (empty `id`) or updates an article. `tags` is comma-separated; `examples` has one
/// example question per line.
#[server(prefix = "/_sfn", endpoint = "knowledge/save")]
pub async fn save_article(
    id: String,
    title: String,
    content: String,
    category: String,
    language: String,
    tags: String,
    examples: String,
) -> Result<ArticleOut, AppError> {
    use domain::model::{CreateArticleRequest, UpdateArticleRequest};
    let Ctx { state, user, meta } = Ctx::new().await?;
    let tags: Vec<String> = tags.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect();
    let examples: Vec<String> = examples.lines().map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned).collect();
    let language = Some(language.trim().to_owned()).filter(|l| !l.is_empty());
    match id.trim() {
        "" => {
            let req = CreateArticleRequest { title, content, category, tags, examples, language };
            Ok(domain::knowledge::create(&state, &user, &req, &meta).await?)
        }
        id => {
            let id: i32 = id.parse().map_err(|_| AppError::invalid("Unknown article"))?;
            let req = UpdateArticleRequest {
                title: Some(title),
                content: Some(content),
                category: Some(category),
                tags: Some(tags),
                examples: Some(examples),
                language,
                is_active: None,
            };
            Ok(domain::knowledge::update(&state, &user, id, &req, &meta).await?)
        }
    }
}

/// Deactivates (the assistant stops using it at once) or reactivates an article.
#[server(prefix = "/_sfn", endpoint = "knowledge/set_active")]
pub async fn set_article_active(id: i32, active: bool) -> Result<ArticleOut, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    if active {
        let req = domain::model::UpdateArticleRequest { is_active: Some(true), ..Default::default() };
        Ok(domain::knowledge::update(&state, &user, id, &req, &meta).await?)
    } else {
        Ok(domain::knowledge::deactivate(&state, &user, id, &meta).await?)
    }
}

/// The editor's preview: Markdown rendered on the server, with raw HTML and script links removed.
#[server(prefix = "/_sfn", endpoint = "knowledge/preview")]
pub async fn preview_markdown(content: String) -> Result<String, AppError> {
    super::session::current_user().await?;
    if content.len() > 200_000 {
        return Err(AppError::invalid("The article is too long to preview"));
    }
    Ok(domain::knowledge::markdown::to_safe_html(&content))
}
