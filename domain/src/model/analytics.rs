//! Analytics as the API shows them: the dashboard's figures, conversations, tickets, agents,
//! customers, the day-by-day timeline, audit activity, and the assistant's own figures.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `?days=` (1 to 365) for the period ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct PeriodParams {
    /// Days back from now (default 7; 1 to 365).
    #[serde(default)]
    pub days: Option<i64>,
}

/// `?hours=` (1 to 8760) for audit activity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct HoursParams {
    /// Hours back from now (default 24).
    #[serde(default)]
    pub hours: Option<i64>,
}

/// `GET /analytics/dashboard`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DashboardStats {
    pub total_conversations: u64,
    pub active_conversations: u64,
    pub total_tickets: u64,
    pub open_tickets: u64,
    pub in_progress_tickets: u64,
    pub resolved_today: u64,
    /// Mean time from a ticket's opening to a person's first answer.
    pub avg_response_time_minutes: f64,
    /// Mean customer rating (1–5) of rated conversations; 0 when none.
    pub customer_satisfaction: f64,
}

/// `GET /analytics/conversations?days=`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ConversationStats {
    pub total: u64,
    pub active: u64,
    pub escalated: u64,
    /// Every message counts, the greeting and system notices included.
    pub avg_messages_per_conversation: f64,
    pub escalation_rate: f64,
}

/// `GET /analytics/tickets`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TicketStats {
    pub total: u64,
    pub by_status: BTreeMap<String, u64>,
    pub by_priority: BTreeMap<String, u64>,
    pub by_category: BTreeMap<String, u64>,
    pub unassigned_open: u64,
    pub resolved_today: u64,
    pub avg_first_response_minutes: f64,
    pub avg_resolution_minutes: f64,
}

/// One agent in `GET /analytics/agents/performance`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AgentPerformance {
    pub agent_id: i32,
    pub name: String,
    pub role: String,
    pub assigned_tickets: u64,
    pub open_tickets: u64,
    pub resolved_tickets: u64,
    pub avg_resolution_minutes: f64,
    pub conversations_handled: u64,
    /// Mean rating of their rated conversations; 0 when none.
    pub customer_satisfaction: f64,
}

/// `GET /analytics/customers`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CustomerAnalytics {
    pub total: u64,
    pub active: u64,
    pub inactive: u64,
    pub suspended: u64,
    pub by_type: BTreeMap<String, u64>,
    pub new_last_30_days: u64,
    /// Customers with at least one linked conversation.
    pub with_conversations: u64,
}

/// One day of `GET /analytics/timeline?days=`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TimelineDay {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub conversations: u64,
    pub messages: u64,
    pub tickets: u64,
    pub resolved: u64,
}

/// `GET /analytics/audit?hours=`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AuditStats {
    pub hours: i64,
    pub total: u64,
    pub failures: u64,
    pub by_action: BTreeMap<String, u64>,
    /// The ten busiest actors.
    pub top_actors: Vec<ActorCount>,
}

/// An actor and how many records they made.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ActorCount {
    pub actor_id: Option<i32>,
    pub actor_name: Option<String>,
    pub count: u64,
}

/// `GET /analytics/assistant?days=`: how well the assistant does on its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AssistantStats {
    pub days: i64,
    pub conversations: u64,
    /// Conversations the assistant ended alone: no ticket, no agent.
    pub assistant_only: u64,
    /// `assistant_only / conversations` (the deflection rate).
    pub deflection_rate: f64,
    /// Assistant-only conversations the customer rated 4 or 5: resolution they confirmed.
    pub confirmed_resolutions: u64,
    pub confirmed_resolution_rate: f64,
    pub escalated: u64,
    pub escalation_rate: f64,
    /// Escalations by reason (the ticket's category: fraud, stolen_card, complaint, …).
    pub escalation_reasons: BTreeMap<String, u64>,
    /// Answers by confidence, ten buckets: `[0, 0.1)`, …, `[0.9, 1]`.
    pub confidence_histogram: Vec<u64>,
    pub answers: u64,
    pub avg_confidence: f64,
    pub avg_first_response_minutes: f64,
    pub avg_resolution_minutes: f64,
    /// Mean rating (1–5); 0 when none.
    pub csat: f64,
    /// How many ratings of 1, 2, 3, 4 and 5.
    pub csat_distribution: Vec<u64>,
    /// Answer times, staff's verdicts and what the assistant could not answer.
    #[serde(default)]
    pub quality: AnswerQuality,
}

/// How the assistant's answers fared over the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AnswerQuality {
    /// Answer time by provider (`local`, `openai`, `anthropic`, …).
    pub latency: Vec<ProviderLatency>,
    /// Answers staff reviewed, and how many they found helpful or wrong.
    pub reviewed: u64,
    pub helpful: u64,
    pub wrong: u64,
    /// `helpful / reviewed` and `wrong / reviewed`.
    pub helpful_rate: f64,
    pub wrong_rate: f64,
    /// Customer questions the assistant could not answer, grouped by their key words, most asked
    /// first (at most 10; from the latest 2,000 such questions).
    pub unanswered: Vec<UnansweredTopic>,
}

/// One provider's answer times. Percentiles come from buckets (5, 10, 25, 50, 100, 250, 500 ms,
/// 1, 2.5, 5 and 10 s): each is the upper bound of the bucket it falls in, or the slowest answer
/// beyond 10 s.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ProviderLatency {
    pub provider: String,
    pub answers: u64,
    pub p50_ms: i64,
    pub p95_ms: i64,
}

/// Questions that share their key words.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UnansweredTopic {
    /// The key words (folded, stop words left out), in order.
    pub words: Vec<String>,
    /// The latest question of the group, as stored (redacted).
    pub example: String,
    pub count: u64,
}

/// `GET /analytics/agents/me` and `/analytics/agents/{id}`: one person's work over the last
/// `days` days (the bank's local days: `chat.business_hours`' UTC offset).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AgentReport {
    pub agent_id: i32,
    pub name: String,
    pub days: i64,
    /// Tickets assigned to them that were opened in the period.
    pub tickets_assigned: u64,
    /// Their tickets resolved in the period.
    pub tickets_resolved: u64,
    /// Minutes from a ticket's opening to the first answer by a person, for their tickets first
    /// answered in the period; 0 when none.
    pub avg_first_response_minutes: f64,
    /// Minutes from opening to resolution, for their tickets resolved in the period; 0 when none.
    pub avg_resolution_minutes: f64,
    /// Conversations assigned to them that started in the period.
    pub conversations_handled: u64,
    /// Mean rating (1–5) of those conversations; 0 when none was rated.
    pub csat: f64,
    pub ratings: u64,
    /// Time online or away, per local day, oldest first (every day of the period).
    pub worked: Vec<WorkedDay>,
    pub worked_total_secs: i64,
}

/// Seconds worked on one local day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct WorkedDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub seconds: i64,
}

/// `GET /analytics/sla?days=`: service levels of the tickets opened in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SlaStats {
    pub days: i64,
    pub first_response: SlaAttainment,
    pub resolution: SlaAttainment,
    /// By assignee (unassigned tickets under `agent_id` null); an AGENT sees only their own.
    pub by_agent: Vec<AgentSla>,
}

/// Deadlines met and missed (a deadline still ahead counts as neither).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SlaAttainment {
    pub met: u64,
    pub breached: u64,
    /// `met / (met + breached)`, three decimals; 0 when neither.
    pub rate: f64,
}

/// One assignee's service levels.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AgentSla {
    pub agent_id: Option<i32>,
    pub name: Option<String>,
    pub first_response: SlaAttainment,
    pub resolution: SlaAttainment,
}
