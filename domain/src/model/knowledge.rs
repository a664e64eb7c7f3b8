//! The knowledge-base API: articles the assistant answers from.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An article as the API shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ArticleOut {
    pub id: i32,
    pub title: String,
    /// Markdown.
    pub content: String,
    pub category: String,
    pub tags: Vec<String>,
    /// Other ways customers ask what the article answers; matched like the title.
    #[serde(default)]
    pub examples: Vec<String>,
    /// `es` or `en`.
    pub language: String,
    pub is_active: bool,
    pub version: i32,
    pub created_by: Option<i32>,
    pub updated_by: Option<i32>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub updated_at: DateTime<Utc>,
}

/// `POST /knowledge`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreateArticleRequest {
    pub title: String,
    pub content: String,
    pub category: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Example questions (at most 50, each up to 300 characters; PII is redacted).
    #[serde(default)]
    pub examples: Vec<String>,
    /// `es` or `en`; detected from the text when absent.
    #[serde(default)]
    pub language: Option<String>,
}

/// `PUT /knowledge/{id}`: only the fields present change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UpdateArticleRequest {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    /// Replaces the example questions.
    #[serde(default)]
    pub examples: Option<Vec<String>>,
    #[serde(default)]
    pub language: Option<String>,
    /// `true` reactivates a deactivated article.
    #[serde(default)]
    pub is_active: Option<bool>,
}

/// `GET /knowledge` filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct ArticleFilter {
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    /// Only active (`true`) or only deactivated (`false`) articles; both when absent.
    #[serde(default)]
    pub is_active: Option<bool>,
    #[serde(default)]
    pub limit: Option<u64>,
    #[serde(default)]
    pub offset: Option<u64>,
}

/// `GET /knowledge/search` parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct SearchParams {
    pub q: String,
    #[serde(default)]
    pub category: Option<String>,
}
