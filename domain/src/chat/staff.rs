//! What staff do with conversations: list and read them (any staff), write to the customer,
//! take one over from the assistant, hand it back, close it. An AGENT acts on conversations that
//! are theirs or nobody's; SUPERVISOR and ADMIN on all. Every action is audited.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::find;
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::conversations::out;
use crate::conversations::store::{NewMessage, append, to_out};
use crate::entities::{conversations, messages, tickets};
use crate::error::{DomainError, DomainResult, refused_message};
use crate::model::{
    ChatMessageOut, ConversationDetail, ConversationFilter, ConversationOut, ConversationStatus, MessageRole,
    MessageText, Role, TicketStatus,
};
use crate::state::AppState;
use crate::tickets::TicketChange;
use crate::tickets::actions::WORKERS;

async fn open_ticket(state: &AppState, conversation_id: i32) -> DomainResult<Option<tickets::Model>> {
    Ok(tickets::Entity::find().filter(tickets::Column::OpenConversationId.eq(conversation_id)).one(&state.db).await?)
}

/// `GET /conversations` (any staff): most recently active first, with the total for paging.
pub async fn list(
    state: &AppState,
    actor: &CurrentUser,
    filter: &ConversationFilter,
) -> DomainResult<(Vec<ConversationOut>, u64)> {
    actor.require(&Role::ALL)?;
    let mut query = conversations::Entity::find();
    if let Some(status) = filter.status {
        query = query.filter(conversations::Column::Status.eq(status));
    }
    if let Some(agent) = filter.assigned_to {
        query = query.filter(conversations::Column::AssignedTo.eq(agent));
    }
    let page = crate::model::Page::new(filter.skip, filter.limit)?;
    let ordered =
        query.clone().order_by_desc(conversations::Column::UpdatedAt).order_by_desc(conversations::Column::Id);
    let (rows, total) = crate::sql::paged::<_, conversations::Model>(&state.db, ordered, query, page).await?;
    let open: Vec<tickets::Model> = tickets::Entity::find()
        .filter(tickets::Column::OpenConversationId.is_in(rows.iter().map(|c| c.id).collect::<Vec<_>>()))
        .all(&state.db)
        .await?;
    // Each conversation's latest message: one indexed (conversation, seq) lookup per row.
    let latest = rows.iter().filter(|c| c.last_seq > 0).fold(Condition::any(), |any, c| {
        any.add(
            Condition::all().add(messages::Column::ConversationId.eq(c.id)).add(messages::Column::Seq.eq(c.last_seq)),
        )
    });
    let last: Vec<messages::Model> = if rows.iter().any(|c| c.last_seq > 0) {
        crate::conversations::store::opened(state, messages::Entity::find().filter(latest).all(&state.db).await?)?
    } else {
        Vec::new()
    };
    let unread = unread(state, &rows).await?;
    let list = rows
        .iter()
        .map(|c| {
            Ok(ConversationOut {
                last_message: last.iter().find(|m| m.conversation_id == c.id).map(to_out),
                unread: unread.iter().find(|u| u.0 == c.id).map_or(0, |u| u64::try_from(u.1).unwrap_or(0)),
                ..out(&state.vault, c, open.iter().find(|t| t.open_conversation_id == Some(c.id)))?
            })
        })
        .collect::<DomainResult<_>>()?;
    Ok((list, total))
}

/// Per conversation, the customer's messages after what a person has read: one grouped count over
/// the (conversation, seq) index.
async fn unread(state: &AppState, rows: &[conversations::Model]) -> DomainResult<Vec<(i32, i64)>> {
    let after = rows.iter().filter(|c| c.last_seq > c.agent_read_seq).fold(Condition::any(), |any, c| {
        any.add(
            Condition::all()
                .add(messages::Column::ConversationId.eq(c.id))
                .add(messages::Column::Seq.gt(c.agent_read_seq)),
        )
    });
    if after.is_empty() {
        return Ok(Vec::new());
    }
    Ok(messages::Entity::find()
        .select_only()
        .column(messages::Column::ConversationId)
        .column_as(messages::Column::Id.count(), "n")
        .filter(messages::Column::Role.eq(MessageRole::Customer))
        .filter(after)
        .group_by(messages::Column::ConversationId)
        .into_tuple()
        .all(&state.db)
        .await?)
}

/// How long one staff member's reading of one transcript counts as one view in the audit log (a
/// live page re-reads it on every new message).
const VIEW_WINDOW_MINUTES: i64 = 10;

/// `GET /conversations/{id}` (any staff): the conversation and its whole transcript. Reading a
/// customer's transcript is audited (`CONVERSATION_VIEWED`, once per reader and window), and the
/// transcript is not shown when the record cannot be written.
pub async fn get(
    state: &AppState,
    actor: &CurrentUser,
    id: &str,
    meta: &RequestMeta,
) -> DomainResult<ConversationDetail> {
    actor.require(&Role::ALL)?;
    let conversation = find(state, id).await?;
    let seen = crate::entities::audit_log::Entity::find()
        .filter(crate::entities::audit_log::Column::Action.eq("CONVERSATION_VIEWED"))
        .filter(crate::entities::audit_log::Column::ActorId.eq(actor.id))
        .filter(crate::entities::audit_log::Column::ResourceId.eq(conversation.public_id.as_str()))
        .filter(
            crate::entities::audit_log::Column::CreatedAt
                .gt(Utc::now() - chrono::Duration::minutes(VIEW_WINDOW_MINUTES)),
        )
        .count(&state.db)
        .await?;
    if seen == 0 {
        let entry = Entry::new("CONVERSATION_VIEWED", Outcome::Success)
            .actor(actor.id, &actor.username)
            .resource("conversation", &conversation.public_id);
        state.audit.record(entry, meta).await?;
    }
    let rows = messages::Entity::find()
        .filter(messages::Column::ConversationId.eq(conversation.id))
        .order_by_asc(messages::Column::Seq)
        .all(&state.db)
        .await?;
    let rows = crate::conversations::store::opened(state, rows)?;
    let ticket = open_ticket(state, conversation.id).await?;
    Ok(ConversationDetail {
        conversation: out(&state.vault, &conversation, ticket.as_ref())?,
        messages: rows.iter().map(to_out).collect(),
    })
}

/// An AGENT may act only on conversations that are theirs or nobody's; nobody on closed ones.
pub(crate) fn may_act(actor: &CurrentUser, conversation: &conversations::Model) -> DomainResult<()> {
    actor.require(&WORKERS)?;
    if actor.role == Role::Agent && conversation.assigned_to.is_some_and(|a| a != actor.id) {
        return Err(DomainError::Forbidden("This conversation belongs to another agent".into()));
    }
    Ok(())
}

fn not_closed(conversation: &conversations::Model) -> DomainResult<()> {
    if conversation.status == ConversationStatus::Closed {
        return Err(DomainError::Conflict("This conversation is closed".into()));
    }
    Ok(())
}

/// Records a staff action on a conversation before it happens: the customer is written to (and
/// staff are told) as the action goes, so nothing happens unless its record is written first (fail
/// closed).
async fn audit(
    state: &AppState,
    actor: &CurrentUser,
    action: &'static str,
    id: &str,
    meta: &RequestMeta,
) -> DomainResult<()> {
    let entry = Entry::new(action, Outcome::Success).actor(actor.id, &actor.username).resource("conversation", id);
    state.audit.record(entry, meta).await
}

/// Whether [`claim`] would take the conversation.
fn claimable(actor: &CurrentUser, conversation: &conversations::Model) -> bool {
    !(conversation.assigned_to == Some(actor.id) && conversation.status == ConversationStatus::Assigned)
}

/// Makes `actor` the owner: the conversation is ASSIGNED to them, and so is its open ticket if
/// nobody has it yet. Returns whether ownership changed.
async fn claim(state: &AppState, actor: &CurrentUser, conversation: &conversations::Model) -> DomainResult<bool> {
    if !claimable(actor, conversation) {
        return Ok(false);
    }
    if let Some(ticket) = open_ticket(state, conversation.id).await?
        && ticket.assigned_to.is_none()
    {
        let mut active = ticket.into_active_model();
        active.assigned_to = Set(Some(actor.id));
        active.status = Set(TicketStatus::InProgress);
        active.updated_at = Set(Utc::now());
        let assigned = active.update(&state.db).await?;
        crate::tickets::announce(state, TicketChange::Assigned, &assigned).await;
    }
    let notice = format!("{} joined the conversation.", actor.full_name);
    system_message(state, conversation, &notice, "agent_joined", ConversationStatus::Assigned, Some(actor.id)).await?;
    Ok(true)
}

async fn system_message(
    state: &AppState,
    conversation: &conversations::Model,
    text: &str,
    event: &str,
    status: ConversationStatus,
    assigned_to: Option<i32>,
) -> DomainResult<messages::Model> {
    let message = NewMessage {
        role: MessageRole::System,
        author_id: assigned_to,
        content: text,
        metadata: serde_json::json!({ "event": event }),
        client_message_id: None,
        reply_to: None,
    };
    let change = conversations::ActiveModel {
        status: Set(status),
        assigned_to: Set(assigned_to),
        closed_at: Set((status == ConversationStatus::Closed).then(Utc::now)),
        low_confidence_turns: Set(0),
        ..Default::default()
    };
    append(state, conversation.id, message, Some(change)).await
}

/// `POST /conversations/{id}/messages`: an agent writes to the customer (taking the conversation
/// over first if the assistant or the queue had it).
pub async fn agent_message(
    state: &AppState,
    actor: &CurrentUser,
    id: &str,
    content: &str,
    meta: &RequestMeta,
) -> DomainResult<ChatMessageOut> {
    let conversation = find(state, id).await?;
    may_act(actor, &conversation)?;
    not_closed(&conversation)?;
    let content =
        MessageText::new(content, state.config.chat.max_message_chars).map_err(refused_message("content"))?.as_str();
    audit(state, actor, "conversation.message", &conversation.public_id, meta).await?;
    claim(state, actor, &conversation).await?;
    let message = NewMessage {
        role: MessageRole::Agent,
        author_id: Some(actor.id),
        content,
        metadata: serde_json::json!({ "author_name": actor.full_name }),
        client_message_id: None,
        reply_to: None,
    };
    let stored = append(state, conversation.id, message, None).await?;
    if let Some(ticket) = open_ticket(state, conversation.id).await?
        && ticket.first_response_at.is_none()
    {
        let mut active = ticket.into_active_model();
        active.first_response_at = Set(Some(stored.created_at));
        active.update(&state.db).await?;
    }
    Ok(to_out(&stored))
}

/// `POST /conversations/{id}/takeover`: a person takes the conversation from the assistant.
pub async fn take_over(
    state: &AppState,
    actor: &CurrentUser,
    id: &str,
    meta: &RequestMeta,
) -> DomainResult<ConversationDetail> {
    let conversation = find(state, id).await?;
    may_act(actor, &conversation)?;
    not_closed(&conversation)?;
    if claimable(actor, &conversation) {
        audit(state, actor, "conversation.takeover", &conversation.public_id, meta).await?;
        claim(state, actor, &conversation).await?;
    }
    get(state, actor, id, meta).await
}

/// `POST /conversations/{id}/handback`: the assistant answers again.
pub async fn hand_back(
    state: &AppState,
    actor: &CurrentUser,
    id: &str,
    meta: &RequestMeta,
) -> DomainResult<ConversationDetail> {
    let step = Step {
        es: "Continúas con el asistente virtual. ¿En qué más puedo ayudarte?",
        en: "You are back with the virtual assistant. How else can I help?",
        event: "handed_back",
        status: ConversationStatus::Bot,
        action: "conversation.handback",
    };
    finish_step(state, actor, id, step, meta).await
}

/// `POST /conversations/{id}/close`.
pub async fn close(
    state: &AppState,
    actor: &CurrentUser,
    id: &str,
    meta: &RequestMeta,
) -> DomainResult<ConversationDetail> {
    let step = Step {
        es: "Esta conversación ha finalizado. Gracias por contactarnos.",
        en: "This conversation has been closed. Thank you for contacting us.",
        event: "conversation_closed",
        status: ConversationStatus::Closed,
        action: "conversation.close",
    };
    finish_step(state, actor, id, step, meta).await
}

/// A hand-over step the customer is told about: a system message in their language, a new
/// status, an audit record.
struct Step {
    es: &'static str,
    en: &'static str,
    event: &'static str,
    status: ConversationStatus,
    action: &'static str,
}

async fn finish_step(
    state: &AppState,
    actor: &CurrentUser,
    id: &str,
    step: Step,
    meta: &RequestMeta,
) -> DomainResult<ConversationDetail> {
    let conversation = find(state, id).await?;
    may_act(actor, &conversation)?;
    not_closed(&conversation)?;
    let text = match crate::assistant::language::Lang::parse(&conversation.language) {
        Some(crate::assistant::language::Lang::En) => step.en,
        _ => step.es,
    };
    // Closing keeps the owner on record; handing back gives the conversation to the assistant.
    let owner = if step.status == ConversationStatus::Closed { conversation.assigned_to } else { None };
    audit(state, actor, step.action, &conversation.public_id, meta).await?;
    system_message(state, &conversation, text, step.event, step.status, owner).await?;
    get(state, actor, id, meta).await
}
