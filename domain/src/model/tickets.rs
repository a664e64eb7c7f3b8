//! The tickets API.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Priority;
use super::enums::wire_enum;

wire_enum!(
    /// Where a ticket stands.
    TicketStatus, "ticket status" {
        Open => "OPEN",
        InProgress => "IN_PROGRESS",
        Resolved => "RESOLVED",
        Closed => "CLOSED",
    }
);

impl TicketStatus {
    /// Open or in progress: someone still has to act.
    pub fn is_open(self) -> bool {
        matches!(self, TicketStatus::Open | TicketStatus::InProgress)
    }
}

/// A ticket as the API shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TicketOut {
    pub id: i32,
    pub ticket_id: String,
    /// The conversation's public id, when the ticket came from a chat.
    pub conversation_id: Option<String>,
    pub customer_name: String,
    pub customer_email: Option<String>,
    pub subject: String,
    pub description: String,
    pub status: TicketStatus,
    pub priority: Priority,
    pub category: String,
    pub assigned_to: Option<i32>,
    pub assigned_to_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub first_response_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
}

/// `GET /tickets` filters and paging.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct TicketFilter {
    #[serde(default)]
    pub status: Option<TicketStatus>,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub assigned_to: Option<i32>,
    #[serde(default)]
    pub skip: Option<u64>,
    #[serde(default)]
    pub limit: Option<u64>,
}

/// `POST /tickets` (staff open a ticket by hand, e.g. after a phone call).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreateTicketRequest {
    pub subject: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub category: Option<String>,
    pub customer_name: String,
    #[serde(default)]
    pub customer_email: Option<String>,
}

/// `POST /tickets/{ticket_id}/assign`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AssignRequest {
    #[serde(rename = "agentId", alias = "agent_id")]
    pub agent_id: i32,
}

/// `PATCH /tickets/{ticket_id}/status`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StatusRequest {
    pub status: TicketStatus,
}

/// `PATCH /tickets/{ticket_id}/priority`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PriorityRequest {
    pub priority: Priority,
}

/// An internal note on a ticket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct NoteOut {
    pub id: i32,
    pub author_id: i32,
    pub author_name: Option<String>,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// `POST /tickets/{ticket_id}/notes`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreateNoteRequest {
    pub body: String,
}
