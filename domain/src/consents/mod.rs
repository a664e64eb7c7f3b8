//! Consent to an inbox's privacy notice. The inbox says whether its notice must be accepted, its
//! version and its text in each language; the widget shows it before the chat (or the offline
//! form) and sends the version the customer accepted. Each acceptance is kept with its time,
//! version and language beside the conversation or offline message it came with; the customer's
//! profile and their data export show them. A consent holds no personal data of its own: it
//! follows its conversation or ticket out under retention, and stays (as evidence) on erasure.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::entities::{consents, conversations, inboxes, tickets};
use crate::error::{DomainError, DomainResult};
use crate::model::{ConsentOut, PrivacyNotice};

/// The longest notice text, per language.
const MAX_TEXT: usize = 10_000;

/// The notice as staff set it, checked and trimmed: a version of 1 to 32 letters, digits, `.`, `-`
/// or `_`, and a text in at least one language.
pub fn validate(notice: &PrivacyNotice) -> DomainResult<PrivacyNotice> {
    let version = notice.version.trim();
    let fine = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
    if version.is_empty() || version.len() > 32 || !version.chars().all(fine) {
        return Err(DomainError::validation(
            "privacy_notice",
            "The notice's version is 1 to 32 letters, digits, '.', '-' or '_', like 2026-12",
        ));
    }
    let (es, en) = (notice.text_es.trim(), notice.text_en.trim());
    if es.is_empty() && en.is_empty() {
        return Err(DomainError::validation("privacy_notice", "Write the notice in Spanish, English or both"));
    }
    if es.chars().count() > MAX_TEXT || en.chars().count() > MAX_TEXT {
        return Err(DomainError::validation("privacy_notice", "A notice is at most 10,000 characters per language"));
    }
    Ok(PrivacyNotice {
        required: notice.required,
        version: version.to_owned(),
        text_es: es.to_owned(),
        text_en: en.to_owned(),
    })
}

/// The inbox's notice, if it has one.
pub fn notice_of(inbox: &inboxes::Model) -> Option<PrivacyNotice> {
    inbox.privacy_notice.clone().and_then(|v| serde_json::from_value(v).ok())
}

/// What the customer accepted, checked against the inbox's notice before anything is stored:
/// `Some(version)` to record with what starts. Without the current version a required notice
/// refuses (403); an old version is refused whether or not the notice is required (409), so the
/// customer reads the text in force. Accepting where there is no notice (it was just withdrawn,
/// or the chat has no inbox) records nothing.
pub fn gate(inbox: Option<&inboxes::Model>, accepted: Option<&str>) -> DomainResult<Option<String>> {
    let accepted = accepted.map(str::trim).filter(|v| !v.is_empty());
    let Some(notice) = inbox.and_then(notice_of) else { return Ok(None) };
    match accepted {
        None if notice.required => Err(DomainError::Forbidden(format!(
            "Accept the privacy notice (version {}) first: send privacy_consent",
            notice.version
        ))),
        None => Ok(None),
        Some(version) if version == notice.version => Ok(Some(notice.version)),
        Some(_) => Err(DomainError::Conflict(format!(
            "The privacy notice has changed: read version {} and accept it",
            notice.version
        ))),
    }
}

/// Where a consent belongs: a conversation, or an offline message's ticket.
pub enum With {
    Conversation(i32),
    Ticket(i32),
}

/// Stores an acceptance (in the caller's transaction, beside what it came with).
pub async fn record(
    db: &impl ConnectionTrait,
    inbox_id: i32,
    with: With,
    version: String,
    language: &str,
) -> DomainResult<()> {
    row(inbox_id, with, version, language).insert(db).await?;
    Ok(())
}

/// The row of an acceptance.
pub fn row(inbox_id: i32, with: With, version: String, language: &str) -> consents::ActiveModel {
    let (conversation_id, ticket_id) = match with {
        With::Conversation(id) => (Some(id), None),
        With::Ticket(id) => (None, Some(id)),
    };
    consents::ActiveModel {
        id: sea_orm::NotSet,
        inbox_id: Set(Some(inbox_id)),
        conversation_id: Set(conversation_id),
        ticket_id: Set(ticket_id),
        version: Set(version),
        language: Set(language.to_owned()),
        accepted_at: Set(Utc::now()),
    }
}

/// The consents that came with these conversations and tickets, oldest first.
pub async fn of(
    db: &impl ConnectionTrait,
    conversations: &[conversations::Model],
    tickets: &[tickets::Model],
) -> DomainResult<Vec<ConsentOut>> {
    if conversations.is_empty() && tickets.is_empty() {
        return Ok(Vec::new());
    }
    let with = Condition::any()
        .add(consents::Column::ConversationId.is_in(conversations.iter().map(|c| c.id)))
        .add(consents::Column::TicketId.is_in(tickets.iter().map(|t| t.id)));
    let rows = consents::Entity::find().filter(with).order_by_asc(consents::Column::Id).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|row| ConsentOut {
            id: row.id,
            inbox_id: row.inbox_id,
            conversation_id: row
                .conversation_id
                .and_then(|id| conversations.iter().find(|c| c.id == id))
                .map(|c| c.public_id.clone()),
            ticket_id: row.ticket_id.and_then(|id| tickets.iter().find(|t| t.id == id)).map(|t| t.ticket_id.clone()),
            version: row.version,
            language: row.language,
            accepted_at: row.accepted_at,
        })
        .collect())
}
