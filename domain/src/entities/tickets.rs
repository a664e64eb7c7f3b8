//! `tickets`: work for a person — from an escalated conversation or opened by staff.

use sea_orm::entity::prelude::*;

use crate::model::{Priority, TicketStatus};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "tickets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `TKT-` and 8 upper-case hex digits.
    #[sea_orm(unique)]
    pub ticket_id: String,
    pub conversation_id: Option<i32>,
    /// The conversation id while the ticket is open (unique: one open ticket per conversation).
    pub open_conversation_id: Option<i32>,
    /// Sealed (`domain::vault`), as are the e-mail, subject and description.
    pub customer_name: String,
    pub customer_email: Option<String>,
    /// Blind index of the e-mail (lower case), for lookups.
    pub customer_email_index: Option<String>,
    pub subject: String,
    pub description: String,
    /// `OPEN`, `IN_PROGRESS`, `RESOLVED` or `CLOSED`.
    pub status: TicketStatus,
    pub priority: Priority,
    pub category: String,
    pub assigned_to: Option<i32>,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub first_response_at: Option<DateTimeUtc>,
    pub resolved_at: Option<DateTimeUtc>,
    /// When the first answer by a person is due, and the resolution (`sla.targets`).
    pub first_response_due_at: Option<DateTimeUtc>,
    pub resolution_due_at: Option<DateTimeUtc>,
    /// When a missed target was noticed and supervisors told (once).
    pub first_response_breached_at: Option<DateTimeUtc>,
    pub resolution_breached_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
