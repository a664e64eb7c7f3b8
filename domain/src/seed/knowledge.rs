//! The demo knowledge base: a bilingual banking KB (cards, transfers, accounts, digital banking,
//! loans, security, branches) so a first run answers real questions. The same articles feed the
//! assistant's eval.

use serde::Deserialize;

use crate::entities::knowledge_articles;
use crate::error::{DomainError, DomainResult};
use crate::knowledge;
use crate::model::CreateArticleRequest;
use crate::state::AppState;

const FILES: [&str; 2] = [include_str!("knowledge_cards.toml"), include_str!("knowledge_accounts.toml")];

/// One demo article. `key` names the topic: its Spanish and English versions share it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoArticle {
    pub key: String,
    pub language: String,
    pub category: String,
    pub title: String,
    pub tags: Vec<String>,
    pub content: String,
    /// Example questions, if the file gives any.
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    article: Vec<DemoArticle>,
}

/// Every demo article, in file order.
pub fn demo_articles() -> DomainResult<Vec<DemoArticle>> {
    let mut out = Vec::new();
    for text in FILES {
        let file: File =
            toml::from_str(text).map_err(|e| DomainError::Internal(format!("demo knowledge base: {}", e.message())))?;
        out.extend(file.article);
    }
    Ok(out)
}

impl DemoArticle {
    /// The article as the assistant's index sees it, under `id` (for evals and benchmarks that
    /// index articles without a database).
    pub fn doc(&self, id: i32) -> crate::assistant::index::Doc {
        crate::assistant::index::Doc {
            id,
            title: self.title.clone(),
            content: self.content.clone(),
            tags: self.tags.clone(),
            examples: self.examples.clone(),
            category: self.category.clone(),
            language: self.language.clone(),
        }
    }

    pub fn request(&self) -> CreateArticleRequest {
        CreateArticleRequest {
            title: self.title.clone(),
            content: self.content.clone(),
            category: self.category.clone(),
            tags: self.tags.clone(),
            examples: self.examples.clone(),
            language: Some(self.language.clone()),
        }
    }
}

/// On an empty knowledge base, loads the demo articles. Returns how many it created.
pub async fn demo_knowledge(state: &AppState) -> DomainResult<usize> {
    use sea_orm::{EntityTrait, PaginatorTrait};
    if knowledge_articles::Entity::find().count(&state.db).await? > 0 {
        return Ok(0);
    }
    let articles = demo_articles()?;
    for article in &articles {
        knowledge::create_unchecked(state, None, &article.request()).await?;
    }
    Ok(articles.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_has_both_languages_and_valid_fields() {
        let articles = demo_articles().unwrap();
        assert!(articles.len() >= 30);
        for a in &articles {
            let other = if a.language == "es" { "en" } else { "es" };
            assert!(articles.iter().any(|b| b.key == a.key && b.language == other), "{} lacks {other}", a.key);
            crate::knowledge::validate_request(&a.request()).unwrap();
        }
    }
}
