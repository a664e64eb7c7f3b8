//! The customer chat API: start a conversation, send messages, ask for a person, read history.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::enums::wire_enum;
use super::{Priority, ReplyMetadata};

wire_enum!(
    /// Where a conversation stands: the assistant has it, it waits for a person, a person has it,
    /// or it is over.
    ConversationStatus, "conversation status" {
        Bot => "BOT",
        Waiting => "WAITING",
        Assigned => "ASSIGNED",
        Closed => "CLOSED",
    }
);

wire_enum!(
    /// Who wrote a message.
    MessageRole, "message role" {
        Customer => "customer",
        Assistant => "assistant",
        Agent => "agent",
        System => "system",
    }
);

/// `POST /chat/start`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StartChatRequest {
    /// The bank's id for the visitor, if it has one.
    #[serde(default)]
    pub user_id: Option<String>,
    #[serde(default)]
    pub metadata: Option<serde_json::Value>,
    /// `es` or `en`; the inbox's (or the bank's) default language when absent.
    #[serde(default)]
    pub language: Option<String>,
    /// The inbox key, when the chat comes from the widget on a bank's website.
    #[serde(default)]
    pub inbox: Option<String>,
    /// A token the bank signed with the inbox secret, naming its customer (`sub`). A token that
    /// is expired or badly signed is refused and the chat continues anonymously.
    #[serde(default)]
    pub identity_token: Option<String>,
    /// The version of the inbox's privacy notice the customer accepted. When the inbox requires
    /// one, the chat does not start without it (403); a version that is not the current one is
    /// refused (409).
    #[serde(default)]
    pub privacy_consent: Option<String>,
}

/// A message as the customer and staff see it. `id` is the per-conversation sequence number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ChatMessageOut {
    pub id: i64,
    pub seq: i64,
    pub role: MessageRole,
    pub content: String,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub timestamp: DateTime<Utc>,
    /// Assistant replies carry their [`ReplyMetadata`]; agent messages their author's name.
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub metadata: serde_json::Value,
}

/// The answer to `POST /chat/start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StartChatResponse {
    pub conversation_id: String,
    pub status: String,
    pub messages: Vec<ChatMessageOut>,
    /// Reads this conversation's history and socket; keep it with the conversation id.
    pub visitor_token: String,
    /// Whether an identity token named the bank's customer.
    #[serde(default)]
    pub identified: bool,
    /// The conversation's language (`es` or `en`).
    #[serde(default)]
    pub language: String,
}

/// `POST /chat/message`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SendMessageRequest {
    pub conversation_id: String,
    pub message: String,
    #[serde(default)]
    pub context: Option<serde_json::Value>,
    /// The client's own id for this message: a retry with the same id returns the first reply and
    /// stores nothing twice.
    #[serde(default)]
    pub client_message_id: Option<String>,
}

/// The answer to `POST /chat/message`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SendMessageResponse {
    /// The assistant's reply; empty while a person has the conversation.
    pub message: String,
    /// The reply's [`ReplyMetadata`] (empty object when the assistant stayed quiet).
    pub metadata: serde_json::Value,
    pub conversation_id: String,
    pub status: ConversationStatus,
    /// Sequence numbers of the stored customer message and of the reply, if any.
    pub message_seq: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_seq: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<String>,
}

impl SendMessageResponse {
    /// The reply's metadata, typed.
    pub fn reply_metadata(&self) -> Option<ReplyMetadata> {
        serde_json::from_value(self.metadata.clone()).ok()
    }
}

wire_enum!(
    /// What a customer's request for a person is about: the bank's service topics and the
    /// situations the assistant escalates by itself.
    EscalationCategory, "escalation category" {
        General => "general",
        AccountInquiry => "account_inquiry",
        AccountManagement => "account_management",
        Cards => "cards",
        Transfers => "transfers",
        Payments => "payments",
        Loans => "loans",
        Technical => "technical",
        Fraud => "fraud",
        StolenCard => "stolen_card",
        UnrecognisedPayment => "unrecognised_payment",
        SocialEngineering => "social_engineering",
        AccountTakeover => "account_takeover",
        Dispute => "dispute",
        Complaint => "complaint",
        LegalThreat => "legal_threat",
        Vulnerable => "vulnerable",
        HumanRequested => "human_requested",
    }
);

/// `POST /chat/escalate`, with the conversation's `X-Visitor-Token`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct EscalateRequest {
    pub conversation_id: String,
    #[serde(default)]
    pub category: Option<EscalationCategory>,
    /// Accepted for compatibility and ignored: the escalation policy sets the priority from the
    /// category and what the customer wrote.
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub metadata: Option<serde_json::Value>,
}

/// The answer to `POST /chat/escalate`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct EscalateResponse {
    pub message: String,
    pub ticket_id: String,
    pub conversation_id: String,
}

/// `GET /chat/{id}/messages?after_seq=`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct HistoryParams {
    #[serde(default)]
    pub after_seq: Option<i64>,
}

/// A conversation as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ConversationOut {
    /// The public UUID.
    pub id: String,
    pub status: ConversationStatus,
    pub language: String,
    pub visitor_id: Option<String>,
    pub metadata: serde_json::Value,
    pub assigned_to: Option<i32>,
    pub last_seq: i64,
    /// The open ticket's id, if any.
    pub ticket_id: Option<String>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub updated_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::time::utc_or_null")]
    pub closed_at: Option<DateTime<Utc>>,
    /// The latest message, in `GET /conversations` lists (the detail has the whole transcript).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_message: Option<ChatMessageOut>,
    /// The inbox (bank website) it came from.
    #[serde(default)]
    pub inbox_id: Option<i32>,
    /// The bank's customer id, from a verified identity token.
    #[serde(default)]
    pub customer_ref: Option<String>,
    /// The customer's rating (1–5) and comment.
    #[serde(default)]
    pub csat_score: Option<i32>,
    #[serde(default)]
    pub csat_comment: Option<String>,
    /// Read up to these numbers: by a person on the bank's side, and by the customer.
    #[serde(default)]
    pub agent_read_seq: i64,
    #[serde(default)]
    pub customer_read_seq: i64,
    /// The customer's messages no person has read yet (in `GET /conversations` lists).
    #[serde(default)]
    pub unread: u64,
}

/// `POST /conversations/{id}/read`: a person has read the transcript up to `up_to`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReadRequest {
    pub up_to: i64,
}

/// `GET /conversations/{id}`: the conversation and its transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ConversationDetail {
    #[serde(flatten)]
    pub conversation: ConversationOut,
    pub messages: Vec<ChatMessageOut>,
}

/// `GET /conversations` filters and paging.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct ConversationFilter {
    #[serde(default)]
    pub status: Option<ConversationStatus>,
    #[serde(default)]
    pub assigned_to: Option<i32>,
    #[serde(default)]
    pub skip: Option<u64>,
    #[serde(default)]
    pub limit: Option<u64>,
}

/// `POST /conversations/{id}/messages`: an agent writes to the customer.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AgentMessageRequest {
    pub content: String,
}
