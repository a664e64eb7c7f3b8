//! What the assistant answers with, and the accuracy log staff review.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Priority;

/// An article an answer is based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Source {
    pub id: i32,
    pub title: String,
}

/// Carried by every assistant reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReplyMetadata {
    pub sources: Vec<Source>,
    /// 0–1: how sure the assistant is that the sources answer the question.
    pub confidence: f32,
    /// `greeting`, `thanks`, `knowledge`, `unknown`, or an escalation category such as `fraud`.
    pub intent: String,
    /// `es` or `en`.
    pub language: String,
    pub escalated: bool,
    /// `local`, or the LLM provider that wrote the answer (`openai`, `anthropic`).
    pub provider: String,
    pub latency_ms: u64,
    /// Set once the conversations service opens a ticket for an escalation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<String>,
}

/// The escalation policy's decision, as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DecisionOut {
    pub escalate: bool,
    pub reason: Option<String>,
    pub category: Option<String>,
    pub priority: Priority,
}

/// `POST /assistant/ask`: try the assistant without starting a conversation.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AskRequest {
    pub question: String,
}

/// The answer to [`AskRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AskResponse {
    pub answer: String,
    pub metadata: ReplyMetadata,
    pub decision: DecisionOut,
    /// The accuracy-log record of this answer.
    pub answer_id: i64,
}

/// A reviewed or unreviewed answer in the accuracy log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AnswerRecord {
    pub id: i64,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
    /// `chat` or `preview`.
    pub channel: String,
    pub conversation_id: Option<String>,
    pub question: String,
    pub answer: String,
    pub language: String,
    pub intent: String,
    pub sources: Vec<Source>,
    pub confidence: f32,
    pub provider: String,
    pub latency_ms: u64,
    pub escalated: bool,
    /// `helpful`, `wrong`, or none yet.
    pub verdict: Option<String>,
    pub verdict_note: Option<String>,
    pub verdict_by: Option<i32>,
    #[serde(serialize_with = "crate::model::time::utc_or_null")]
    pub verdict_at: Option<DateTime<Utc>>,
    /// The article a reviewer said should have answered (its example questions learned this one).
    #[serde(default)]
    pub correct_article_id: Option<i32>,
}

/// `GET /assistant/answers` filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct AnswerFilter {
    /// `helpful`, `wrong`, or `none` (not reviewed yet).
    #[serde(default)]
    pub verdict: Option<String>,
    #[serde(default)]
    pub min_confidence: Option<f32>,
    #[serde(default)]
    pub max_confidence: Option<f32>,
    #[serde(default)]
    pub limit: Option<u64>,
    #[serde(default)]
    pub offset: Option<u64>,
}

/// `POST /assistant/answers/{id}/verdict`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct VerdictRequest {
    /// `helpful` or `wrong`.
    pub verdict: String,
    #[serde(default)]
    pub note: Option<String>,
    /// With `wrong` (ADMIN, SUPERVISOR): the article that should have answered. The question,
    /// redacted, becomes one of its example questions, so the assistant answers it next time.
    #[serde(default)]
    pub article_id: Option<i32>,
}
