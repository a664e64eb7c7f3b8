//! `POST /chat/message`: the customer's turn — their message, the assistant's answer and the
//! conversation's new state in one transaction — and retries answered from what is stored.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};

use super::{authorize_visitor, case_number, find};
use crate::answers::{self, Channel};
use crate::assistant::language::Lang;
use crate::assistant::{Turn, redact};
use crate::conversations::store::{self, NewMessage};
use crate::entities::{conversations, messages};
use crate::error::{DomainError, DomainResult, refused_message};
use crate::model::{ConversationStatus, MessageRole, MessageText, SendMessageRequest, SendMessageResponse};
use crate::state::AppState;
use crate::tickets::{self, Escalation};
use crate::vault::Field;

fn validate_message(state: &AppState, req: &SendMessageRequest) -> DomainResult<()> {
    MessageText::new(&req.message, state.config.chat.max_message_chars).map_err(refused_message("message"))?;
    if let Some(id) = &req.client_message_id
        && (id.trim().is_empty() || id.chars().count() > 64)
    {
        return Err(DomainError::validation("client_message_id", "client_message_id is 1 to 64 characters"));
    }
    Ok(())
}

/// `POST /chat/message`: the customer's message, and (while the assistant has the conversation) the
/// answer to it, escalating when the policy says so — stored together in one transaction before the
/// response goes out. A repeated `client_message_id` returns the first answer and stores nothing
/// twice.
pub async fn send_customer_message(
    state: &AppState,
    visitor_token: Option<&str>,
    req: &SendMessageRequest,
) -> DomainResult<SendMessageResponse> {
    validate_message(state, req)?;
    let conversation = authorize_visitor(state, &req.conversation_id, visitor_token).await?;
    let client_id = req.client_message_id.as_deref().map(str::trim);
    let text = req.message.trim();
    if client_id.is_some() && client_id == conversation.last_client_message_id.as_deref() {
        // A retry of the latest message: answered from what is stored, the assistant not asked again.
        if let Some(original) = find_by_client_id(state, conversation.id, client_id.unwrap_or_default()).await? {
            return replay(state, &conversation, &original, text).await;
        }
    }
    let redacted = redact::redact(text);
    let kinds: Vec<&str> = redacted.found.iter().map(|k| k.as_str()).collect();
    let customer = NewMessage {
        role: MessageRole::Customer,
        author_id: None,
        content: &redacted.text,
        metadata: if kinds.is_empty() { serde_json::json!({}) } else { serde_json::json!({ "redacted": kinds }) },
        client_message_id: client_id,
        reply_to: None,
    };
    let history = recent_questions(state, &conversation).await?;
    let mut change = conversations::ActiveModel {
        recent_questions: Set(Some(sealed_questions(state, &remember(&history, &redacted.text)))),
        last_client_message_id: Set(client_id.map(str::to_owned)),
        ..Default::default()
    };
    let mut status = conversation.status;
    if status == ConversationStatus::Closed {
        // A customer writing into a closed conversation reopens it with the assistant.
        status = ConversationStatus::Bot;
        change.status = Set(status);
        change.closed_at = Set(None);
        change.assigned_to = Set(None);
    }
    let written = if matches!(status, ConversationStatus::Waiting | ConversationStatus::Assigned) {
        // A person has (or is about to take) the conversation: the assistant stays quiet.
        store::turn(state, conversation.id, Some(customer), None, change, None).await.map(|(c, rows)| (c, rows, None))
    } else {
        let answering = conversation.last_seq + 1;
        let Thought { reply, answer, change, ticket } =
            think(state, &conversation, text, &history, answering, change).await?;
        store::turn(state, conversation.id, Some(customer), Some(reply.message()), change, Some(answer))
            .await
            .map(|(c, rows)| (c, rows, ticket))
    };
    match written {
        Ok((conversation, rows, ticket)) => {
            let (asked, reply) = (rows.first().map_or(0, |m| m.seq), rows.get(1));
            finish(state, &conversation, asked, reply, ticket).await
        }
        Err(e) if e.is_unique_clash() && client_id.is_some() => {
            // A retry of an earlier message, or the same message racing in twice: answer it with
            // the original's reply.
            let original = find_by_client_id(state, conversation.id, client_id.unwrap_or_default()).await?.ok_or(e)?;
            replay(state, &find(state, &req.conversation_id).await?, &original, text).await
        }
        Err(e) => Err(e),
    }
}

/// The customer's last few messages, oldest first: kept on the conversation, or (for one started
/// before they were) read from its messages.
async fn recent_questions(state: &AppState, conversation: &conversations::Model) -> DomainResult<Vec<String>> {
    match &conversation.recent_questions {
        // Sealed as one JSON text; an array is from before encryption.
        Some(serde_json::Value::String(sealed)) => {
            let text = state.vault.open(Field::ConversationMemory, sealed)?;
            Ok(serde_json::from_str(&text).unwrap_or_default())
        }
        Some(kept) => Ok(serde_json::from_value(kept.clone()).unwrap_or_default()),
        None => store::earlier_questions(state, conversation.id, conversation.last_seq + 1).await,
    }
}

/// The customer's last few messages as stored on the conversation: one sealed JSON text.
fn sealed_questions(state: &AppState, questions: &[String]) -> serde_json::Value {
    let text = serde_json::to_string(questions).unwrap_or_default();
    serde_json::Value::String(state.vault.seal(Field::ConversationMemory, &text))
}

/// How many earlier messages a follow-up is read with.
const REMEMBERED: usize = 3;

/// `history` with `latest` added, the oldest dropped beyond [`REMEMBERED`].
fn remember(history: &[String], latest: &str) -> Vec<String> {
    let skip = (history.len() + 1).saturating_sub(REMEMBERED);
    history.iter().map(String::as_str).chain([latest]).skip(skip).map(str::to_owned).collect()
}

async fn find_by_client_id(
    state: &AppState,
    conversation_id: i32,
    client_id: &str,
) -> DomainResult<Option<messages::Model>> {
    let row = messages::Entity::find()
        .filter(messages::Column::ConversationId.eq(conversation_id))
        .filter(messages::Column::ClientMessageId.eq(client_id))
        .one(&state.db)
        .await?;
    store::opened_one(state, row)
}

/// A retried message: its stored reply, or (when it was stored without one and the assistant has
/// the conversation now) a reply now.
async fn replay(
    state: &AppState,
    conversation: &conversations::Model,
    original: &messages::Model,
    text: &str,
) -> DomainResult<SendMessageResponse> {
    if let Some(reply) = reply_to(state, conversation.id, original.seq).await? {
        return Ok(response(conversation, original.seq, Some(&reply), conversation.status));
    }
    if conversation.status != ConversationStatus::Bot {
        return Ok(response(conversation, original.seq, None, conversation.status));
    }
    let history = store::earlier_questions(state, conversation.id, original.seq).await?;
    let Thought { reply, answer, change, ticket } =
        think(state, conversation, text, &history, original.seq, Default::default()).await?;
    let mut message = reply.message();
    message.reply_to = Some(original.seq);
    match store::turn(state, conversation.id, None, Some(message), change, Some(answer)).await {
        Ok((fresh, rows)) => finish(state, &fresh, original.seq, rows.first(), ticket).await,
        Err(e) if e.is_unique_clash() => {
            // A concurrent retry answered first.
            let existing = reply_to(state, conversation.id, original.seq).await?.ok_or(e)?;
            let fresh = find(state, &conversation.public_id).await?;
            Ok(response(&fresh, original.seq, Some(&existing), fresh.status))
        }
        Err(e) => Err(e),
    }
}

async fn reply_to(state: &AppState, conversation_id: i32, seq: i64) -> DomainResult<Option<messages::Model>> {
    let row = messages::Entity::find()
        .filter(messages::Column::ConversationId.eq(conversation_id))
        .filter(messages::Column::ReplyTo.eq(seq))
        .one(&state.db)
        .await?;
    store::opened_one(state, row)
}

fn response(
    conversation: &conversations::Model,
    message_seq: i64,
    reply: Option<&messages::Model>,
    status: ConversationStatus,
) -> SendMessageResponse {
    let metadata = reply.map_or_else(|| serde_json::json!({}), |r| r.metadata.clone());
    SendMessageResponse {
        message: reply.map(|r| r.content.clone()).unwrap_or_default(),
        ticket_id: metadata.get("ticket_id").and_then(|t| t.as_str()).map(str::to_owned),
        metadata,
        conversation_id: conversation.public_id.clone(),
        status,
        message_seq,
        reply_seq: reply.map(|r| r.seq),
    }
}

/// The assistant's answer, ready to store.
struct Thought {
    reply: AssistantReply,
    /// The answer-log row.
    answer: crate::entities::assistant_answers::ActiveModel,
    /// The conversation's change, with its new status, language and low-confidence count.
    change: conversations::ActiveModel,
    /// The ticket an escalation opened, to route once the reply is stored.
    ticket: Option<crate::entities::tickets::Model>,
}

/// The reply's text and metadata.
struct AssistantReply {
    text: String,
    metadata: serde_json::Value,
}

impl AssistantReply {
    fn message(&self) -> NewMessage<'_> {
        NewMessage {
            role: MessageRole::Assistant,
            author_id: None,
            content: &self.text,
            metadata: self.metadata.clone(),
            client_message_id: None,
            reply_to: None,
        }
    }
}

/// The assistant's turn for the customer's `text` (to be message number `answering`): the reply,
/// `change` completed with the conversation's new state, and when the policy escalates, the ticket
/// (opened, announced and notified before the reply is stored, so the reply can carry its number).
async fn think(
    state: &AppState,
    conversation: &conversations::Model,
    text: &str,
    history: &[String],
    answering: i64,
    mut change: conversations::ActiveModel,
) -> DomainResult<Thought> {
    let turn = Turn {
        message: text,
        previous_low_turns: u32::try_from(conversation.low_confidence_turns).unwrap_or(0),
        language: Lang::parse(&conversation.language),
        history,
    };
    // While an LLM writes, its words go to the customer's socket as `delta` events.
    let (events, public_id) = (state.events.clone(), conversation.public_id.clone());
    let mut stream = move |words: &str| {
        events.conversation(crate::model::CustomerFrame::Delta(crate::model::Delta {
            conversation_id: public_id.clone(),
            seq: None,
            role: "assistant".to_owned(),
            delta: words.to_owned(),
            reply_to: answering,
        }));
    };
    let mut reply = state.assistant.reply_streaming(turn, &mut stream).await;
    let lang = Lang::parse(&reply.metadata.language).unwrap_or(Lang::Es);
    let mut status = ConversationStatus::Bot;
    let mut opened = None;
    if reply.decision.escalate {
        let category = reply.decision.category.map_or("general", |c| c.as_str());
        let escalation = Escalation {
            subject: reply.decision.reason.clone().unwrap_or_else(|| "Customer needs a person".into()),
            description: reply.redacted.clone(),
            category: category.to_owned(),
            priority: reply.decision.priority,
        };
        let (ticket, _) = tickets::open_for_conversation(state, conversation, &escalation).await?;
        reply.text = format!("{}\n\n{}", reply.text, case_number(lang, &ticket.ticket_id));
        reply.metadata.ticket_id = Some(ticket.ticket_id.clone());
        status = ConversationStatus::Waiting;
        opened = Some(ticket);
    }
    let low_turns = if reply.low_confidence && reply.metadata.intent == "unknown" {
        conversation.low_confidence_turns + 1
    } else {
        0
    };
    change.status = Set(status);
    change.language = Set(lang.code().to_owned());
    change.low_confidence_turns = Set(low_turns);
    Ok(Thought {
        answer: answers::row(&state.vault, Channel::Chat, Some(&conversation.public_id), &reply),
        change,
        reply: AssistantReply { metadata: serde_json::to_value(&reply.metadata).unwrap_or_default(), text: reply.text },
        ticket: opened,
    })
}

/// After a turn is stored: route the ticket it opened (after the reply, so the customer reads the
/// hand-over before "X joined"), and answer.
async fn finish(
    state: &AppState,
    conversation: &conversations::Model,
    asked: i64,
    reply: Option<&messages::Model>,
    ticket: Option<crate::entities::tickets::Model>,
) -> DomainResult<SendMessageResponse> {
    let mut status = conversation.status;
    if let Some(ticket) = ticket
        && crate::tickets::routing::route(state, &ticket).await?.is_some()
    {
        status = ConversationStatus::Assigned;
    }
    Ok(response(conversation, asked, reply, status))
}
