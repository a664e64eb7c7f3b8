//! `settings`: system and per-user settings, JSON values by key.

use sea_orm::entity::prelude::*;

use crate::model::SettingType;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "settings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `system:KEY` or `user:ID:KEY` (unique).
    #[sea_orm(unique)]
    pub scope_key: String,
    pub key: String,
    pub value: Json,
    /// SYSTEM or USER.
    pub setting_type: SettingType,
    pub user_id: Option<i32>,
    pub category: String,
    pub description: Option<String>,
    pub is_public: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
