//! `notifications`: the outbox of e-mails and SMS, and the staff's in-app notices.

use sea_orm::entity::prelude::*;

use crate::model::{NotificationCategory, NotificationStatus, NotificationType};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The staff member it is for; none for a customer's e-mail.
    pub user_id: Option<i32>,
    pub recipient_email: Option<String>,
    pub recipient_phone: Option<String>,
    /// EMAIL or SMS.
    pub notification_type: NotificationType,
    /// TICKET, CONVERSATION, SYSTEM or REMINDER.
    pub category: NotificationCategory,
    /// PENDING, SENT, FAILED or CANCELLED.
    pub status: NotificationStatus,
    pub subject: String,
    /// The plain-text body (also the SMS text).
    pub body: String,
    /// The HTML alternative of an e-mail.
    pub html: Option<String>,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    /// Unix seconds of delivery.
    pub sent_at: Option<i64>,
    pub delivery_attempts: i32,
    pub error_message: Option<String>,
    /// When the worker may try (again).
    pub next_attempt_at: DateTimeUtc,
    /// A worker is delivering it until then (a crashed worker's claim runs out).
    pub locked_until: Option<DateTimeUtc>,
    /// When its owner saw it in the admin panel.
    pub read_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
