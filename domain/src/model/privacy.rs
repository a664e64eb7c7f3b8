//! A customer's data rights (GDPR; Mexico's LFPDPPP "ARCO"): everything the bank holds about
//! them, as one document, and the erasure of their personal data.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{
    AuditRecord, ChatMessageOut, ConversationDetail, ConversationStatus, CustomerOut, NoteOut, TicketOut,
};

/// `GET /customers/{id}/data-export`: everything held about one customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CustomerDataExport {
    #[serde(serialize_with = "crate::model::time::utc")]
    pub exported_at: DateTime<Utc>,
    /// The profile.
    pub customer: CustomerOut,
    /// Their conversations (linked by id or by their verified identity), each with its transcript.
    pub conversations: Vec<ConversationDetail>,
    /// Their tickets (from those conversations, or sent from their e-mail), each with its notes.
    pub tickets: Vec<TicketRecord>,
    /// The ratings they gave.
    pub ratings: Vec<RatingRecord>,
    /// The privacy notices they accepted, with when and which version.
    pub consents: Vec<crate::model::ConsentOut>,
    /// The audit records about them: their profile, conversations and tickets.
    pub audit: Vec<AuditRecord>,
}

/// A ticket with its internal notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TicketRecord {
    #[serde(flatten)]
    pub ticket: TicketOut,
    pub notes: Vec<NoteOut>,
}

/// A rating a customer gave a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RatingRecord {
    pub conversation_id: String,
    pub score: i32,
    pub comment: Option<String>,
    #[serde(serialize_with = "crate::model::time::utc_or_null")]
    pub rated_at: Option<DateTime<Utc>>,
}

/// `POST /customers/{id}/erase`: why (kept in the audit log; the data is not).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct EraseRequest {
    /// E.g. "ARCO cancellation request 2026-118" (5 to 500 characters).
    pub reason: String,
}

/// What an erasure changed. Counts, dates, statuses and scores stay for the figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ErasureReport {
    pub customer_id: i32,
    pub conversations: u64,
    pub messages: u64,
    pub tickets: u64,
    pub notes: u64,
    pub answers: u64,
    /// Example questions of theirs the assistant had been taught, forgotten.
    pub examples: u64,
    pub notifications: u64,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub erased_at: DateTime<Utc>,
}

/// `GET /chat/{id}/export` with the visitor token: the customer's own conversation, whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct VisitorExport {
    #[serde(serialize_with = "crate::model::time::utc")]
    pub exported_at: DateTime<Utc>,
    pub conversation_id: String,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub started_at: DateTime<Utc>,
    pub status: ConversationStatus,
    pub language: String,
    pub messages: Vec<ChatMessageOut>,
    pub rating: Option<RatingRecord>,
}

/// `POST /retention/run` `{dry_run}` (ADMIN): what the retention job found past due, and removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RetentionReport {
    #[serde(serialize_with = "crate::model::time::utc")]
    pub ran_at: DateTime<Utc>,
    /// True when nothing was removed, only counted.
    pub dry_run: bool,
    pub kinds: Vec<RetentionKind>,
}

/// One kind of record in a [`RetentionReport`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RetentionKind {
    /// `closed_conversations`, `tickets`, `answer_log`, `notifications` or `audit`.
    pub kind: String,
    /// The retention period in days (its setting, or the default).
    pub days: i64,
    /// Records from before this are past due.
    #[serde(serialize_with = "crate::model::time::utc")]
    pub cutoff: DateTime<Utc>,
    /// How many were past due.
    pub due: u64,
    /// How many were removed (0 on a dry run).
    pub removed: u64,
}

/// `POST /retention/run`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RetentionRequest {
    /// Count only (the default is to remove).
    #[serde(default)]
    pub dry_run: bool,
}
