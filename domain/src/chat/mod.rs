//! Customer conversations: start one, send messages (stored before anything else; the assistant
//! answers while no person has the conversation), escalate to a person (one open ticket per
//! conversation), read the history with the visitor token.

pub mod staff;
mod visitor;
pub mod widget;

pub use visitor::{authorize_visitor, history, messages_after};

use chrono::Utc;
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use crate::answers::{self, Channel};
use crate::assistant::language::Lang;
use crate::assistant::{Turn, escalation, redact};
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::conversations::status_of;
use crate::conversations::store::{self, NewMessage, append, is_duplicate, to_out};
use crate::entities::{conversations, messages};
use crate::error::{DomainError, DomainResult};
use crate::model::{
    ConversationStatus, EscalateRequest, EscalateResponse, MessageRole, Priority, SendMessageRequest,
    SendMessageResponse, StartChatRequest, StartChatResponse,
};
use crate::state::AppState;
use crate::tickets::{self, Escalation};

/// Most messages one history call returns.
const HISTORY_PAGE: u64 = 500;

fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The conversation with public id `id` (404 for anything else, malformed ids included).
pub async fn find(state: &AppState, id: &str) -> DomainResult<conversations::Model> {
    let id = id.trim().to_ascii_lowercase();
    if uuid::Uuid::parse_str(&id).is_err() {
        return Err(not_found());
    }
    conversations::Entity::find()
        .filter(conversations::Column::PublicId.eq(id))
        .one(&state.db)
        .await?
        .ok_or_else(not_found)
}

fn not_found() -> DomainError {
    DomainError::NotFound("Conversation not found".into())
}

/// `POST /chat/start`: a new conversation with the greeting, and the visitor token for it.
pub async fn start(state: &AppState, req: &StartChatRequest, meta: &RequestMeta) -> DomainResult<StartChatResponse> {
    let visitor_id = req.user_id.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    if visitor_id.as_ref().is_some_and(|v| v.chars().count() > 128) {
        return Err(DomainError::validation("user_id", "user_id is at most 128 characters"));
    }
    let metadata = match &req.metadata {
        None | Some(serde_json::Value::Null) => serde_json::json!({}),
        Some(v @ serde_json::Value::Object(_)) if v.to_string().len() <= 8 * 1024 && crate::model::json_storable(v) => {
            v.clone()
        }
        Some(serde_json::Value::Object(_)) => {
            return Err(DomainError::validation("metadata", "metadata is at most 8 KB"));
        }
        Some(_) => return Err(DomainError::validation("metadata", "metadata must be an object")),
    };
    let inbox = match req.inbox.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => Some(crate::inboxes::find_active(state, key).await?),
        None => None,
    };
    // A refused identity token does not stop the chat: it continues anonymously.
    let customer_ref = match (&inbox, req.identity_token.as_deref().map(str::trim).filter(|t| !t.is_empty())) {
        (Some(inbox), Some(token)) => crate::inboxes::verify_identity(&inbox.identity_secret, &inbox.key, token),
        _ => None,
    };
    let language = match req.language.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(code) => {
            Lang::parse(code).ok_or_else(|| DomainError::validation("language", "language is 'es' or 'en'"))?
        }
        None => metadata
            .get("language")
            .and_then(|v| v.as_str())
            .and_then(Lang::parse)
            .or_else(|| inbox.as_ref().and_then(|i| Lang::parse(&i.default_language)))
            .unwrap_or(state.assistant.settings().default_language),
    };
    let token = new_token();
    let now = Utc::now();
    let conversation = conversations::ActiveModel {
        id: sea_orm::NotSet,
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        visitor_id: Set(visitor_id),
        visitor_token_hash: Set(hash_token(&token)),
        customer_id: Set(crate::customers::linked(state, customer_ref.as_deref()).await?),
        status: Set(ConversationStatus::Bot.as_str().to_owned()),
        language: Set(language.code().to_owned()),
        metadata: Set(metadata),
        last_seq: Set(0),
        low_confidence_turns: Set(0),
        assigned_to: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        closed_at: Set(None),
        inbox_id: Set(inbox.as_ref().map(|i| i.id)),
        customer_ref: Set(customer_ref),
        csat_score: Set(None),
        csat_comment: Set(None),
        rated_at: Set(None),
        recent_questions: Set(Some(serde_json::json!([]))),
        last_client_message_id: Set(None),
    }
    .insert(&state.db)
    .await?;
    if let Some(customer) = &conversation.customer_ref {
        audit_identified(state, &conversation.public_id, customer, meta).await?;
    }
    let custom =
        inbox.as_ref().and_then(|i| if language == Lang::En { i.greeting_en.clone() } else { i.greeting_es.clone() });
    let greeting = custom.unwrap_or_else(|| state.runtime.greeting(&state.config, language));
    let message = NewMessage {
        role: MessageRole::Assistant,
        author_id: None,
        content: &greeting,
        metadata: serde_json::json!({ "intent": "greeting", "language": language.code() }),
        client_message_id: None,
        reply_to: None,
    };
    let stored = append(state, conversation.id, message, None).await?;
    Ok(StartChatResponse {
        conversation_id: conversation.public_id,
        status: "started".to_owned(),
        messages: vec![to_out(&stored)],
        visitor_token: token,
        identified: conversation.customer_ref.is_some(),
        language: language.code().to_owned(),
    })
}

/// A conversation linked to the bank's customer `customer` by a verified identity token: audited,
/// and the caller stops when the record cannot be written.
pub(crate) async fn audit_identified(
    state: &AppState,
    public_id: &str,
    customer: &str,
    meta: &RequestMeta,
) -> DomainResult<()> {
    let entry = Entry::new("conversation.identified", Outcome::Success)
        .resource("conversation", public_id)
        .details(serde_json::json!({ "customer_ref": customer }));
    state.audit.record(entry, meta).await
}

fn validate_message(state: &AppState, req: &SendMessageRequest) -> DomainResult<()> {
    let text = req.message.trim();
    if text.is_empty() {
        return Err(DomainError::validation("message", "Type a message"));
    }
    let max = state.config.chat.max_message_chars;
    if text.chars().count() > max {
        return Err(DomainError::TooLarge(format!("A message is at most {max} characters")));
    }
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
        recent_questions: Set(Some(serde_json::json!(remember(&history, &redacted.text)))),
        last_client_message_id: Set(client_id.map(str::to_owned)),
        ..Default::default()
    };
    let mut status = status_of(&conversation);
    if status == ConversationStatus::Closed {
        // A customer writing into a closed conversation reopens it with the assistant.
        status = ConversationStatus::Bot;
        change.status = Set(status.as_str().to_owned());
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
        Err(e) if is_duplicate(&e) && client_id.is_some() => {
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
        Some(kept) => Ok(serde_json::from_value(kept.clone()).unwrap_or_default()),
        None => store::earlier_questions(state, conversation.id, conversation.last_seq + 1).await,
    }
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
    Ok(messages::Entity::find()
        .filter(messages::Column::ConversationId.eq(conversation_id))
        .filter(messages::Column::ClientMessageId.eq(client_id))
        .one(&state.db)
        .await?)
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
        return Ok(response(conversation, original.seq, Some(&reply), status_of(conversation)));
    }
    if status_of(conversation) != ConversationStatus::Bot {
        return Ok(response(conversation, original.seq, None, status_of(conversation)));
    }
    let history = store::earlier_questions(state, conversation.id, original.seq).await?;
    let Thought { reply, answer, change, ticket } =
        think(state, conversation, text, &history, original.seq, Default::default()).await?;
    let mut message = reply.message();
    message.reply_to = Some(original.seq);
    match store::turn(state, conversation.id, None, Some(message), change, Some(answer)).await {
        Ok((fresh, rows)) => finish(state, &fresh, original.seq, rows.first(), ticket).await,
        Err(e) if is_duplicate(&e) => {
            // A concurrent retry answered first.
            let existing = reply_to(state, conversation.id, original.seq).await?.ok_or(e)?;
            let fresh = find(state, &conversation.public_id).await?;
            Ok(response(&fresh, original.seq, Some(&existing), status_of(&fresh)))
        }
        Err(e) => Err(e),
    }
}

async fn reply_to(state: &AppState, conversation_id: i32, seq: i64) -> DomainResult<Option<messages::Model>> {
    Ok(messages::Entity::find()
        .filter(messages::Column::ConversationId.eq(conversation_id))
        .filter(messages::Column::ReplyTo.eq(seq))
        .one(&state.db)
        .await?)
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
        events.conversation(crate::events::ConversationEvent {
            kind: "delta".to_owned(),
            conversation_id: public_id.clone(),
            role: Some("assistant".to_owned()),
            delta: Some(words.to_owned()),
            reply_to: Some(answering),
            ..Default::default()
        });
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
        let (ticket, created) = tickets::open_for_conversation(&state.db, conversation, &escalation).await?;
        if created {
            tickets::announce(state, "ticket_created", &ticket).await;
            crate::notifications::triggers::escalated(state, &ticket).await;
        }
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
    change.status = Set(status.as_str().to_owned());
    change.language = Set(lang.code().to_owned());
    change.low_confidence_turns = Set(low_turns);
    Ok(Thought {
        answer: answers::row(Channel::Chat, Some(&conversation.public_id), &reply),
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
    let mut status = status_of(conversation);
    if let Some(ticket) = ticket
        && crate::tickets::routing::route(state, &ticket).await?.is_some()
    {
        status = ConversationStatus::Assigned;
    }
    Ok(response(conversation, asked, reply, status))
}

fn case_number(lang: Lang, ticket_id: &str) -> String {
    match lang {
        Lang::Es => format!("Tu número de caso es {ticket_id}."),
        Lang::En => format!("Your case number is {ticket_id}."),
    }
}

/// `POST /chat/escalate`: hands the conversation to a person, for the holder of its visitor
/// token. Idempotent: while a ticket is open, every call returns it. The client's `priority` is
/// ignored: the escalation policy sets it from the category and from what the customer wrote.
pub async fn escalate(
    state: &AppState,
    visitor_token: Option<&str>,
    req: &EscalateRequest,
) -> DomainResult<EscalateResponse> {
    let description = req.description.as_deref().map(str::trim).filter(|d| !d.is_empty());
    if description.is_some_and(|d| d.chars().count() > state.config.chat.max_message_chars) {
        return Err(DomainError::validation("description", "description is too long"));
    }
    let conversation = authorize_visitor(state, &req.conversation_id, visitor_token).await?;
    let detected =
        description.map(|d| escalation::decide(&escalation::Policy::default(), d, None, 0)).filter(|d| d.escalate);
    let category = req
        .category
        .map(|c| c.as_str())
        .or_else(|| detected.as_ref().and_then(|d| d.category).map(escalation::Category::as_str))
        .unwrap_or("human_requested")
        .to_owned();
    let priority = [
        Some(Priority::Medium),
        escalation::Category::named(&category).map(escalation::Category::priority),
        detected.map(|d| d.priority),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(Priority::Medium);
    if status_of(&conversation) == ConversationStatus::Closed {
        return Err(DomainError::Conflict("This conversation is closed; start a new one".into()));
    }
    let escalation = Escalation {
        subject: "The customer asked for a person".to_owned(),
        description: description.map_or_else(|| "Customer asked for a person".to_owned(), |d| redact::redact(d).text),
        category,
        priority,
    };
    let (ticket, created) = tickets::open_for_conversation(&state.db, &conversation, &escalation).await?;
    if created {
        tickets::announce(state, "ticket_created", &ticket).await;
        crate::notifications::triggers::escalated(state, &ticket).await;
        let lang = Lang::parse(&conversation.language).unwrap_or(Lang::Es);
        let notice =
            format!("{} {}", crate::assistant::local::say::handover(lang), case_number(lang, &ticket.ticket_id));
        let message = NewMessage {
            role: MessageRole::System,
            author_id: None,
            content: &notice,
            metadata: serde_json::json!({ "ticket_id": ticket.ticket_id, "event": "escalated" }),
            client_message_id: None,
            reply_to: None,
        };
        let change = conversations::ActiveModel {
            status: Set(ConversationStatus::Waiting.as_str().to_owned()),
            ..Default::default()
        };
        append(state, conversation.id, message, Some(change)).await?;
        crate::tickets::routing::route(state, &ticket).await?;
    }
    Ok(EscalateResponse {
        message: "Conversation escalated to human agent".to_owned(),
        ticket_id: ticket.ticket_id,
        conversation_id: conversation.public_id,
    })
}
