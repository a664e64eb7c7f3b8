//! Wire types: what travels between the server, the admin panel and the widget. Serde only, so
//! this module builds for wasm32 without any server dependency.

mod agents;
mod analytics;
mod assistant;
mod audit;
mod auth;
mod canned;
mod chat;
mod customers;
mod email;
mod enums;
mod error;
mod inboxes;
mod knowledge;
mod message_text;
mod notifications;
mod page;
mod priority;
mod privacy;
mod realtime;
mod role;
mod settings;
mod system;
mod tickets;
pub mod time;
mod users;

pub use agents::{AgentOut, Presence, PresenceRequest};
pub use analytics::{
    ActorCount, AgentPerformance, AgentReport, AgentSla, AnswerQuality, AssistantStats, AuditStats, ConversationStats,
    CustomerAnalytics, DashboardStats, HoursParams, PeriodParams, ProviderLatency, SlaAttainment, SlaStats,
    TicketStats, TimelineDay, UnansweredTopic, WorkedDay,
};
pub use assistant::{
    AnswerFilter, AnswerRecord, AskRequest, AskResponse, DecisionOut, ReplyMetadata, Source, VerdictRequest,
};
pub use audit::{AuditFilter, AuditRecord, AuditVerification};
pub use auth::{
    ChangePasswordRequest, LoginRequest, LogoutRequest, RefreshRequest, TokenResponse, UpdateMeRequest, UserOut,
};
pub use canned::{CannedRequest, CannedResponse};
pub use chat::{
    AgentMessageRequest, ChatMessageOut, ConversationDetail, ConversationFilter, ConversationOut, ConversationStatus,
    EscalateRequest, EscalateResponse, EscalationCategory, HistoryParams, MessageRole, ReadRequest, SendMessageRequest,
    SendMessageResponse, StartChatRequest, StartChatResponse,
};
pub use customers::{
    CreateCustomerRequest, CustomerCreated, CustomerDeactivated, CustomerDetail, CustomerFilter, CustomerOut,
    CustomerSearch, CustomerStats, CustomerStatus, CustomerType, CustomerUpdated, UpdateCustomerRequest,
};
pub use email::Email;
pub use error::ErrorBody;
pub use inboxes::{
    BusinessHours, ConsentOut, IdentifyRequest, InboxOut, InboxRequest, OfflineMessageRequest, OfflineMessageResponse,
    OpenHours, PrivacyNotice, RatingOut, RatingRequest, WidgetConfig, WidgetConfigParams,
};
pub use knowledge::{ArticleFilter, ArticleOut, CreateArticleRequest, SearchParams, UpdateArticleRequest};
pub use message_text::{MessageRefused, MessageText};
pub use notifications::{
    NotificationCategory, NotificationDetail, NotificationFilter, NotificationOut, NotificationRetried,
    NotificationStats, NotificationStatus, NotificationType, UnreadCount,
};
pub use page::{Page, PageRefused};
pub use priority::Priority;
pub use privacy::{
    CustomerDataExport, EraseRequest, ErasureReport, RatingRecord, RetentionKind, RetentionReport, RetentionRequest,
    TicketRecord, VisitorExport,
};
pub use realtime::{
    ClientFrame, CustomerFrame, Delta, MessageNews, NotificationNews, Numbered, PresenceNews, QueueNews, RatingNews,
    ReadMark, StaffFrame, StaffNews, Stored, Typing, TypingNews, names,
};
pub use role::{ParseRoleError, Role};
pub use settings::{
    CreateSettingRequest, PublicSettingOut, SettingCreated, SettingDeleted, SettingOut, SettingRow, SettingType,
    SettingUpdated, SettingValue, SettingsFilter, SettingsView, UpdateSettingRequest, UserSettingOut,
    UserSettingRequest,
};
pub use system::{DatabaseStatus, Delivery, LlmStatus, OutboxStatus, SmtpStatus, SocketCounts, SystemStatus};
pub use tickets::{
    AssignRequest, CreateNoteRequest, CreateTicketRequest, NoteOut, PriorityRequest, SlaTarget, SlaTargets,
    StatusRequest, TicketFilter, TicketOut, TicketStatus,
};
pub use users::{CreateUserRequest, UpdateUserRequest};

/// Whether every number in `value` survives a round trip through both databases' JSON columns:
/// integers, and decimals within ±10^15 (PostgreSQL keeps a huge one exactly, and it no longer
/// reads back as a float).
pub fn json_storable(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Number(n) => n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.abs() <= 1e15),
        serde_json::Value::Array(items) => items.iter().all(json_storable),
        serde_json::Value::Object(map) => map.values().all(json_storable),
        _ => true,
    }
}
