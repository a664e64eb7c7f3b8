//! The accuracy log: every answer the assistant gives is recorded (question redacted, answer,
//! sources, confidence, provider, latency) so staff can review it and mark it helpful or wrong.
//! Also "ask the assistant": staff try a question without starting a conversation.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};

use crate::assistant::{Reply, Turn};
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::assistant_answers;
use crate::error::{DomainError, DomainResult};
use crate::model::{AnswerFilter, AnswerRecord, AskRequest, AskResponse, Role, Source, VerdictRequest};
use crate::state::AppState;
use crate::vault::{Field, Vault};

/// Longest question staff may try, in characters (as long as a customer message).
pub const MAX_QUESTION: usize = 2000;

/// Where an answer was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// In a customer conversation.
    Chat,
    /// Staff trying the assistant from the admin panel.
    Preview,
}

impl Channel {
    fn as_str(self) -> &'static str {
        match self {
            Channel::Chat => "chat",
            Channel::Preview => "preview",
        }
    }
}

/// Records `reply` in the accuracy log; returns its id.
pub async fn record(
    state: &AppState,
    channel: Channel,
    conversation_id: Option<&str>,
    reply: &Reply,
) -> DomainResult<i64> {
    Ok(row(&state.vault, channel, conversation_id, reply).insert(&state.db).await?.id)
}

/// The accuracy-log row for `reply` (the chat stores it in the same transaction as the reply).
pub fn row(
    vault: &Vault,
    channel: Channel,
    conversation_id: Option<&str>,
    reply: &Reply,
) -> assistant_answers::ActiveModel {
    let m = &reply.metadata;
    assistant_answers::ActiveModel {
        id: sea_orm::NotSet,
        created_at: Set(Utc::now()),
        channel: Set(channel.as_str().to_owned()),
        conversation_id: Set(conversation_id.map(str::to_owned)),
        question: Set(vault.seal(Field::AnswerQuestion, &reply.redacted)),
        answer: Set(reply.text.clone()),
        language: Set(m.language.clone()),
        intent: Set(m.intent.clone()),
        sources: Set(serde_json::to_value(&m.sources).unwrap_or_default()),
        confidence: Set(f64::from(m.confidence)),
        provider: Set(m.provider.clone()),
        latency_ms: Set(i64::try_from(m.latency_ms).unwrap_or(i64::MAX)),
        escalated: Set(m.escalated),
        verdict: Set(None),
        verdict_note: Set(None),
        verdict_by: Set(None),
        verdict_at: Set(None),
        correct_article_id: Set(None),
    }
}

/// `POST /assistant/ask` (any staff): the answer a customer would get, its sources, confidence
/// and escalation decision. Recorded in the accuracy log as a preview.
pub async fn ask(state: &AppState, actor: &CurrentUser, req: &AskRequest) -> DomainResult<AskResponse> {
    actor.require(&Role::ALL)?;
    let question = req.question.trim();
    if question.is_empty() {
        return Err(DomainError::validation("question", "Type a question"));
    }
    if question.chars().count() > MAX_QUESTION {
        return Err(DomainError::validation("question", format!("A question is at most {MAX_QUESTION} characters")));
    }
    let reply = state.assistant.reply(Turn::new(question)).await;
    let answer_id = record(state, Channel::Preview, None, &reply).await?;
    Ok(AskResponse { answer: reply.text.clone(), decision: reply.decision_out(), metadata: reply.metadata, answer_id })
}

fn to_record(vault: &Vault, row: assistant_answers::Model) -> DomainResult<AnswerRecord> {
    Ok(AnswerRecord {
        id: row.id,
        created_at: row.created_at,
        channel: row.channel,
        conversation_id: row.conversation_id,
        question: vault.open(Field::AnswerQuestion, &row.question)?,
        answer: row.answer,
        language: row.language,
        intent: row.intent,
        sources: serde_json::from_value::<Vec<Source>>(row.sources).unwrap_or_default(),
        confidence: row.confidence as f32,
        provider: row.provider,
        latency_ms: u64::try_from(row.latency_ms).unwrap_or(0),
        escalated: row.escalated,
        verdict: row.verdict,
        verdict_note: row.verdict_note,
        verdict_by: row.verdict_by,
        verdict_at: row.verdict_at,
        correct_article_id: row.correct_article_id,
    })
}

/// `GET /assistant/answers` (any staff), newest first, filtered by verdict and confidence.
pub async fn list(state: &AppState, actor: &CurrentUser, filter: &AnswerFilter) -> DomainResult<Vec<AnswerRecord>> {
    actor.require(&Role::ALL)?;
    let mut query = assistant_answers::Entity::find();
    match filter.verdict.as_deref().map(str::trim) {
        None | Some("") | Some("all") => {}
        Some("none") => query = query.filter(assistant_answers::Column::Verdict.is_null()),
        Some(v @ ("helpful" | "wrong")) => query = query.filter(assistant_answers::Column::Verdict.eq(v)),
        Some(_) => return Err(DomainError::validation("verdict", "verdict is helpful, wrong, none or all")),
    }
    for (bound, field) in [(filter.min_confidence, "min_confidence"), (filter.max_confidence, "max_confidence")] {
        if bound.is_some_and(|b| !(0.0..=1.0).contains(&b)) {
            return Err(DomainError::validation(field, "Confidence bounds are between 0 and 1"));
        }
    }
    if let Some(min) = filter.min_confidence {
        query = query.filter(assistant_answers::Column::Confidence.gte(f64::from(min)));
    }
    if let Some(max) = filter.max_confidence {
        query = query.filter(assistant_answers::Column::Confidence.lte(f64::from(max)));
    }
    let rows = query
        .order_by_desc(assistant_answers::Column::CreatedAt)
        .order_by_desc(assistant_answers::Column::Id)
        .limit(filter.limit.unwrap_or(50).clamp(1, 200))
        .offset(filter.offset.unwrap_or(0))
        .all(&state.db)
        .await?;
    rows.into_iter().map(|row| to_record(&state.vault, row)).collect()
}

/// `GET /assistant/answers/{id}` (any staff).
pub async fn get(state: &AppState, actor: &CurrentUser, id: i64) -> DomainResult<AnswerRecord> {
    actor.require(&Role::ALL)?;
    let row = assistant_answers::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(not_found)?;
    to_record(&state.vault, row)
}

fn not_found() -> DomainError {
    DomainError::NotFound("Answer not found".into())
}

/// `POST /assistant/answers/{id}/verdict` (ADMIN, SUPERVISOR, AGENT; audited).
pub async fn set_verdict(
    state: &AppState,
    actor: &CurrentUser,
    id: i64,
    req: &VerdictRequest,
    meta: &RequestMeta,
) -> DomainResult<AnswerRecord> {
    actor.require(&[Role::Admin, Role::Supervisor, Role::Agent])?;
    let verdict = req.verdict.trim().to_ascii_lowercase();
    if verdict != "helpful" && verdict != "wrong" {
        return Err(DomainError::validation("verdict", "verdict is helpful or wrong"));
    }
    let note = req.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    if note.as_ref().is_some_and(|n| n.chars().count() > 2000) {
        return Err(DomainError::validation("note", "A note is at most 2000 characters"));
    }
    if req.article_id.is_some() {
        if verdict != "wrong" {
            return Err(DomainError::validation("article_id", "Pick the right article only on a wrong answer"));
        }
        // Teaching changes what customers are told: the knowledge base's writers only.
        actor.require(&crate::knowledge::WRITERS)?;
    }
    let row = assistant_answers::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(not_found)?;
    let question = state.vault.open(Field::AnswerQuestion, &row.question)?;
    if let Some(article_id) = req.article_id {
        crate::knowledge::learn_example(state, actor, article_id, &question, id, meta).await?;
    }
    let mut active = row.into_active_model();
    active.verdict = Set(Some(verdict.clone()));
    active.verdict_note = Set(note);
    active.verdict_by = Set(Some(actor.id));
    active.verdict_at = Set(Some(Utc::now()));
    active.correct_article_id = Set(req.article_id);
    let txn = state.db.begin().await?;
    let updated = active.update(&txn).await?;
    let entry = Entry::new("assistant.verdict", Outcome::Success)
        .actor(actor.id, &actor.username)
        .resource("assistant_answer", id)
        .details(serde_json::json!({ "verdict": verdict, "article_id": req.article_id }));
    state.audit.commit_with(txn, entry, meta).await?;
    to_record(&state.vault, updated)
}
