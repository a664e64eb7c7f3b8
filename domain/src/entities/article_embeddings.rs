//! `article_embeddings`: each active article's embedding from the configured embeddings provider,
//! as little-endian `f32` bytes, with the model and a hash of the text it was computed from.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "article_embeddings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub article_id: i32,
    pub model: String,
    pub dims: i32,
    pub vector: Vec<u8>,
    /// SHA-256 of the embedded text: unchanged text is not embedded again.
    pub content_hash: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
