//! `consents`: a customer's acceptance of an inbox's privacy notice, with the conversation (or the
//! offline message's ticket) it came with.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "consents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub inbox_id: Option<i32>,
    pub conversation_id: Option<i32>,
    pub ticket_id: Option<i32>,
    /// The notice's version, as the inbox named it when it was accepted.
    pub version: String,
    /// `es` or `en`: the text the customer was shown.
    pub language: String,
    pub accepted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
