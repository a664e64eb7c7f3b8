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
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub updated_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::time::utc_or_null")]
    pub first_response_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::model::time::utc_or_null")]
    pub resolved_at: Option<DateTime<Utc>>,
    /// When the first answer by a person is due (the priority's target; none on tickets older than
    /// service levels).
    #[serde(default)]
    #[serde(serialize_with = "crate::model::time::utc_or_null")]
    pub first_response_due_at: Option<DateTime<Utc>>,
    /// When the resolution is due.
    #[serde(default)]
    #[serde(serialize_with = "crate::model::time::utc_or_null")]
    pub resolution_due_at: Option<DateTime<Utc>>,
}

impl TicketOut {
    /// The deadline still ahead of the ticket: the first answer until it is given, then the
    /// resolution; none once resolved or closed.
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        if !self.status.is_open() {
            return None;
        }
        match self.first_response_at {
            None => self.first_response_due_at.or(self.resolution_due_at),
            Some(_) => self.resolution_due_at,
        }
    }
}

/// Minutes allowed for one priority (fractions allowed: 0.5 is thirty seconds).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SlaTarget {
    pub first_response_minutes: f64,
    pub resolution_minutes: f64,
}

/// The service-level targets by priority (system setting `sla.targets`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SlaTargets {
    #[serde(rename = "URGENT")]
    pub urgent: SlaTarget,
    #[serde(rename = "HIGH")]
    pub high: SlaTarget,
    #[serde(rename = "MEDIUM")]
    pub medium: SlaTarget,
    #[serde(rename = "LOW")]
    pub low: SlaTarget,
}

impl Default for SlaTargets {
    /// 15 minutes and 4 hours for urgent work, 1 and 8 hours for high, 4 and 24 for medium, 8 and
    /// 48 for low.
    fn default() -> Self {
        let t = |first_response_minutes, resolution_minutes| SlaTarget { first_response_minutes, resolution_minutes };
        SlaTargets { urgent: t(15.0, 240.0), high: t(60.0, 480.0), medium: t(240.0, 1440.0), low: t(480.0, 2880.0) }
    }
}

impl SlaTargets {
    pub fn of(&self, priority: Priority) -> SlaTarget {
        match priority {
            Priority::Urgent => self.urgent,
            Priority::High => self.high,
            Priority::Medium => self.medium,
            Priority::Low => self.low,
        }
    }

    /// Every target from 0.05 minutes (three seconds) to a year, a resolution no sooner than
    /// the first answer.
    pub fn check(&self) -> Result<(), &'static str> {
        let fine = |m: f64| (0.05..=525_600.0).contains(&m);
        let all = [self.urgent, self.high, self.medium, self.low];
        if all.iter().all(|t| {
            fine(t.first_response_minutes)
                && fine(t.resolution_minutes)
                && t.resolution_minutes >= t.first_response_minutes
        }) {
            Ok(())
        } else {
            Err("must give URGENT, HIGH, MEDIUM and LOW each {first_response_minutes, resolution_minutes} \
                 from 0.05 to 525,600, the resolution no sooner than the first response")
        }
    }
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
    /// `newest` (the default) or `due`: the nearest deadline first (tickets without one last).
    #[serde(default)]
    pub sort: Option<String>,
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
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
}

/// `POST /tickets/{ticket_id}/notes`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreateNoteRequest {
    pub body: String,
}
