//! `assistant_answers`: the accuracy log of every answer the assistant gave.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "assistant_answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub created_at: DateTimeUtc,
    /// `chat` (a customer conversation) or `preview` (staff asking from the admin panel).
    pub channel: String,
    pub conversation_id: Option<String>,
    /// The customer's question, redacted.
    pub question: String,
    pub answer: String,
    pub language: String,
    pub intent: String,
    /// JSON array of `{id, title}`.
    pub sources: Json,
    pub confidence: f64,
    pub provider: String,
    pub latency_ms: i64,
    pub escalated: bool,
    /// `helpful` or `wrong` once reviewed.
    pub verdict: Option<String>,
    pub verdict_note: Option<String>,
    pub verdict_by: Option<i32>,
    pub verdict_at: Option<DateTimeUtc>,
    /// The article a reviewer picked as the right one for a wrong answer.
    pub correct_article_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
