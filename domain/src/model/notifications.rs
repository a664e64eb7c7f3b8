//! Notifications as the API shows them: the outbox of e-mails and SMS to staff and customers,
//! and the staff's bell.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::enums::wire_enum;

wire_enum!(
    /// How it is delivered.
    NotificationType, "notification type" {
        Email => "EMAIL",
        Sms => "SMS",
    }
);

wire_enum!(
    /// What it is about.
    NotificationCategory, "notification category" {
        Ticket => "TICKET",
        Conversation => "CONVERSATION",
        System => "SYSTEM",
        Reminder => "REMINDER",
    }
);

wire_enum!(
    /// Where it is in the outbox.
    NotificationStatus, "notification status" {
        Pending => "PENDING",
        Sent => "SENT",
        Failed => "FAILED",
        Cancelled => "CANCELLED",
    }
);

/// One notification (`GET /notifications/me`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct NotificationOut {
    pub id: i32,
    pub user_id: Option<i32>,
    pub recipient_email: Option<String>,
    pub notification_type: NotificationType,
    pub category: NotificationCategory,
    pub status: NotificationStatus,
    pub subject: String,
    pub body: String,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    /// Unix seconds of delivery.
    pub sent_at: Option<i64>,
    pub delivery_attempts: i32,
    pub error_message: Option<String>,
    /// Whether its owner has opened it in the admin panel.
    pub read: bool,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub updated_at: DateTime<Utc>,
}

/// `GET /notifications/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct NotificationDetail {
    pub id: i32,
    pub user_id: Option<i32>,
    pub notification_type: NotificationType,
    pub category: NotificationCategory,
    pub status: NotificationStatus,
    pub subject: String,
    pub body: String,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
}

/// `GET /notifications/me` filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct NotificationFilter {
    #[serde(default)]
    #[cfg_attr(feature = "server", param(value_type = Option<String>))]
    pub category: Option<NotificationCategory>,
    #[serde(default)]
    #[cfg_attr(feature = "server", param(value_type = Option<String>))]
    pub status: Option<NotificationStatus>,
    /// Default 50, at most 200.
    #[serde(default)]
    pub limit: Option<u64>,
}

/// `POST /notifications/{id}/retry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct NotificationRetried {
    pub message: String,
    pub notification_id: i32,
}

/// `GET /notifications/stats`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct NotificationStats {
    pub total: u64,
    pub pending: u64,
    pub sent: u64,
    pub failed: u64,
    pub by_type: BTreeMap<String, u64>,
    pub by_category: BTreeMap<String, u64>,
}

/// `GET /notifications/me/unread`: the bell's number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UnreadCount {
    pub unread: u64,
}
