//! `knowledge_articles`: what the assistant answers from.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "knowledge_articles")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub title: String,
    /// Markdown.
    pub content: String,
    pub category: String,
    /// JSON array of strings.
    pub tags: Json,
    /// JSON array of example questions; NULL on articles older than the column.
    pub examples: Option<Json>,
    /// `es` or `en`.
    pub language: String,
    pub is_active: bool,
    /// Starts at 1, bumped on every edit.
    pub version: i32,
    pub created_by: Option<i32>,
    pub updated_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
