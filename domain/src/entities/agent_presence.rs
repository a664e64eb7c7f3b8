//! `agent_presence`: whether a staff member takes work now.

use sea_orm::entity::prelude::*;

use crate::model::Presence;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agent_presence")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    /// `online`, `away` or `offline`.
    pub status: Presence,
    /// When routing last gave them a ticket (ties go to whoever waited longest).
    pub last_assigned_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
