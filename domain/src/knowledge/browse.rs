//! The knowledge panel's list: words search (best first, in the language asked for); without
//! words, the articles are filtered by category, language and state. One rule for every caller.

use crate::auth::CurrentUser;
use crate::error::DomainResult;
use crate::model::{ArticleFilter, ArticleOut, SearchParams};
use crate::state::AppState;

/// What the panel asks for; empty texts mean "any".
#[derive(Debug, Clone, Default)]
pub struct Browse {
    pub q: String,
    pub category: String,
    pub language: String,
    /// `active`, `inactive`, or anything else for both.
    pub status: String,
}

/// The most the panel shows at once.
const SHOWN: u64 = 500;

/// The articles `browse` asks for, as `actor` may see them.
pub async fn browse(state: &AppState, actor: &CurrentUser, browse: &Browse) -> DomainResult<Vec<ArticleOut>> {
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let language = some(&browse.language);
    if let Some(q) = some(&browse.q) {
        let params = SearchParams { q, category: some(&browse.category) };
        let found = super::search(state, actor, &params).await?;
        return Ok(found.into_iter().filter(|a| language.as_ref().is_none_or(|l| &a.language == l)).collect());
    }
    let is_active = match browse.status.as_str() {
        "active" => Some(true),
        "inactive" => Some(false),
        _ => None,
    };
    let filter =
        ArticleFilter { category: some(&browse.category), language, is_active, limit: Some(SHOWN), offset: None };
    super::list(state, actor, &filter).await
}
