//! `users`: staff accounts.

use sea_orm::entity::prelude::*;

use crate::model::Role;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub username: String,
    #[sea_orm(unique)]
    pub email: String,
    pub full_name: String,
    /// Upper-case role name; see [`crate::model::Role`].
    pub role: Role,
    pub password_hash: String,
    pub is_active: bool,
    /// Bumped on deactivation and password change; access tokens carry it.
    pub token_version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub last_login: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
