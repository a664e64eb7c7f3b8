//! The customer's side of a conversation's record: the visitor token that opens it, the history
//! after a sequence number, and the whole conversation as a download (their right to a copy).

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{HISTORY_PAGE, find, hash_token};
use crate::conversations::store::to_out;
use crate::entities::{conversations, messages};
use crate::error::{DomainError, DomainResult};
use crate::model::{ChatMessageOut, RatingRecord, VisitorExport};
use crate::state::AppState;

/// The conversation `conversation_id`, if `token` is its visitor token: 401 without a token,
/// 403 with another conversation's.
pub async fn authorize_visitor(
    state: &AppState,
    conversation_id: &str,
    token: Option<&str>,
) -> DomainResult<conversations::Model> {
    let token = token
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| DomainError::Unauthorized("A visitor token is required (X-Visitor-Token header)".into()))?;
    let conversation = find(state, conversation_id).await?;
    if !constant_time_eq(hash_token(token).as_bytes(), conversation.visitor_token_hash.as_bytes()) {
        return Err(DomainError::Forbidden("This visitor token does not open this conversation".into()));
    }
    Ok(conversation)
}

/// `GET /chat/{id}/messages?after_seq=`: the messages after `after_seq`, for the holder of the
/// conversation's visitor token.
pub async fn history(
    state: &AppState,
    conversation_id: &str,
    token: Option<&str>,
    after_seq: i64,
) -> DomainResult<Vec<ChatMessageOut>> {
    let conversation = authorize_visitor(state, conversation_id, token).await?;
    if after_seq < 0 {
        return Err(DomainError::validation("after_seq", "after_seq is 0 or more"));
    }
    messages_after(state, conversation.id, after_seq).await
}

/// Up to a page of a conversation's messages after `after_seq`, oldest first (no access check:
/// for callers that already checked).
pub async fn messages_after(
    state: &AppState,
    conversation_id: i32,
    after_seq: i64,
) -> DomainResult<Vec<ChatMessageOut>> {
    let rows = messages::Entity::find()
        .filter(messages::Column::ConversationId.eq(conversation_id))
        .filter(messages::Column::Seq.gt(after_seq))
        .order_by_asc(messages::Column::Seq)
        .limit(HISTORY_PAGE)
        .all(&state.db)
        .await?;
    Ok(crate::conversations::store::opened(state, rows)?.iter().map(to_out).collect())
}

/// `GET /chat/{id}/export`: the whole conversation, for the holder of its visitor token.
pub async fn export(state: &AppState, conversation_id: &str, token: Option<&str>) -> DomainResult<VisitorExport> {
    let conversation = authorize_visitor(state, conversation_id, token).await?;
    let rows = messages::Entity::find()
        .filter(messages::Column::ConversationId.eq(conversation.id))
        .order_by_asc(messages::Column::Seq)
        .all(&state.db)
        .await?;
    let comment =
        state.vault.open_opt(crate::vault::Field::ConversationComment, conversation.csat_comment.as_deref())?;
    let rating = conversation.csat_score.map(|score| RatingRecord {
        conversation_id: conversation.public_id.clone(),
        score: i32::from(score),
        comment,
        rated_at: conversation.rated_at,
    });
    Ok(VisitorExport {
        exported_at: chrono::Utc::now(),
        conversation_id: conversation.public_id,
        started_at: conversation.created_at,
        status: conversation.status,
        language: conversation.language,
        messages: crate::conversations::store::opened(state, rows)?.iter().map(to_out).collect(),
        rating,
    })
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
