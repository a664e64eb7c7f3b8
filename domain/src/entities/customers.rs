//! `customers`: the bank's clients (the CRM).

use sea_orm::entity::prelude::*;

use crate::model::{CustomerStatus, CustomerType};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "customers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Sealed (`domain::vault`), as are the e-mail, phone, account number, address and notes.
    pub full_name: String,
    /// Lower case before sealing.
    pub email: Option<String>,
    pub phone: Option<String>,
    pub account_number: Option<String>,
    /// Blind indexes (keyed hashes) of the e-mail, phone and account number, for lookups; the
    /// e-mail's and the account number's are unique when present.
    pub email_index: Option<String>,
    pub phone_index: Option<String>,
    pub account_index: Option<String>,
    /// INDIVIDUAL or BUSINESS.
    pub customer_type: CustomerType,
    /// ACTIVE, INACTIVE or SUSPENDED.
    pub status: CustomerStatus,
    /// A JSON object.
    pub preferences: Json,
    /// A JSON array of strings.
    pub tags: Json,
    pub notes: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    pub assigned_agent_id: Option<i32>,
    pub created_by_id: Option<i32>,
    pub updated_by_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
