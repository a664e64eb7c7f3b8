//! `inboxes`: one bank website that embeds the widget.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "inboxes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The public key in the embed tag (`data-inbox`).
    #[sea_orm(unique)]
    pub key: String,
    pub name: String,
    /// JSON array of origins (`https://www.bank.example`) allowed to frame the widget.
    pub allowed_origins: Json,
    /// `#rrggbb`.
    pub theme_color: String,
    /// `right` or `left`.
    pub position: String,
    pub greeting_es: Option<String>,
    pub greeting_en: Option<String>,
    pub default_language: String,
    pub prechat_form: bool,
    /// JSON [`crate::model::BusinessHours`]; none means always open.
    pub business_hours: Option<Json>,
    /// JSON [`crate::model::PrivacyNotice`]; none means the widget shows no notice.
    pub privacy_notice: Option<Json>,
    /// Signs customers' identity tokens (HS256). Never shown again after it is issued.
    pub identity_secret: String,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
