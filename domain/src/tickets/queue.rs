//! The customer's place in the queue for a person: position among the tickets waiting for one
//! (in the order routing hands them out — most urgent, then oldest), an estimated wait from
//! recent first-response times and the agents online, or, outside business hours, when the bank
//! opens. Told on the customer's socket (`queue` frames) when they connect and whenever the queue
//! changes; an empty text once a person has the conversation.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};

use crate::entities::{agent_presence, conversations, tickets};
use crate::error::DomainResult;
use crate::model::{BusinessHours, CustomerFrame, Presence, QueueNews, TicketStatus};
use crate::sql::{Sql, mean};
use crate::state::AppState;

/// Waiting tickets looked at (a longer queue shows its tail as this).
const LONGEST: u64 = 500;
/// Minutes a customer is assumed to wait per place when there is no recent history.
const DEFAULT_MINUTES: f64 = 5.0;

const DAYS_ES: [&str; 7] = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"];
const DAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The tickets waiting for a person that came from conversations, in the order they are handed out.
async fn waiting(state: &AppState) -> DomainResult<Vec<tickets::Model>> {
    let mut queue = tickets::Entity::find()
        .filter(tickets::Column::Status.eq(TicketStatus::Open))
        .filter(tickets::Column::AssignedTo.is_null())
        .filter(tickets::Column::OpenConversationId.is_not_null())
        .limit(LONGEST)
        .all(&state.db)
        .await?;
    queue.sort_by(|a, b| b.priority.cmp(&a.priority).then(a.created_at.cmp(&b.created_at)).then(a.id.cmp(&b.id)));
    Ok(queue)
}

/// Minutes per place in line: the mean first response of the last week's tickets, shared by the
/// agents online.
async fn minutes_per_place(state: &AppState) -> DomainResult<f64> {
    let s = Sql(state.db.get_database_backend());
    let query = format!(
        "SELECT {} AS m FROM tickets WHERE first_response_at IS NOT NULL AND created_at >= ?",
        s.avg(&s.minutes("first_response_at", "created_at"))
    );
    let week = Utc::now() - chrono::Duration::days(7);
    let mean = mean(&s.one(&state.db, &query, vec![week.into()]).await?, "m")?;
    let online = agent_presence::Entity::find()
        .filter(agent_presence::Column::Status.eq(Presence::Online))
        .count(&state.db)
        .await?
        .max(1);
    Ok(if mean > 0.0 { mean } else { DEFAULT_MINUTES } / online as f64)
}

/// The frame for `conversation` at `position` (1 is next), under its inbox's `hours`.
fn frame(
    conversation: &conversations::Model,
    hours: Option<&BusinessHours>,
    position: u32,
    per_place: f64,
) -> CustomerFrame {
    let english = conversation.language == "en";
    let wait_minutes = (f64::from(position) * per_place).ceil().max(1.0) as u32;
    let now = Utc::now();
    let closed = hours.filter(|h| !crate::inboxes::open_at(h, now));
    let text = match (closed.and_then(|h| crate::inboxes::next_opening(h, now)), english) {
        (Some((day, at)), true) => {
            format!("We are closed now. A person will answer when we open, {} at {at}.", DAYS_EN[day])
        }
        (Some((day, at)), false) => {
            format!("Ahora estamos cerrados. Una persona te responderá cuando abramos, el {} a las {at}.", DAYS_ES[day])
        }
        (None, true) => {
            format!("You are number {position} in line for a person. Estimated wait: about {wait_minutes} min.")
        }
        (None, false) => {
            format!(
                "Eres el número {position} en la fila para hablar con una persona. \
                 Espera estimada: unos {wait_minutes} min."
            )
        }
    };
    let news = QueueNews { conversation_id: conversation.public_id.clone(), position, wait_minutes, text };
    CustomerFrame::Queue(news)
}

/// The queue frame for conversation `id` now: its place, or an empty text when it waits for nobody.
pub async fn of_conversation(state: &AppState, id: i32) -> DomainResult<Option<CustomerFrame>> {
    let queue = waiting(state).await?;
    let Some(place) = queue.iter().position(|t| t.open_conversation_id == Some(id)) else { return Ok(None) };
    let Some(conversation) = conversations::Entity::find_by_id(id).one(&state.db).await? else { return Ok(None) };
    let per_place = minutes_per_place(state).await?;
    let hours = crate::inboxes::hours_for(state, conversation.inbox_id).await?;
    let position = u32::try_from(place + 1).unwrap_or(u32::MAX);
    Ok(Some(frame(&conversation, hours.as_ref(), position, per_place)))
}

/// Tells every waiting customer their place, and the customer of `changed` (when it no longer
/// waits) that the wait is over.
pub async fn tell(state: &AppState, changed: &tickets::Model) -> DomainResult<()> {
    let queue = waiting(state).await?;
    let ids: Vec<i32> = queue.iter().filter_map(|t| t.open_conversation_id).collect();
    if let Some(id) = changed.conversation_id.filter(|id| !ids.contains(id))
        && let Some(c) = conversations::Entity::find_by_id(id)
            .select_only()
            .column(conversations::Column::PublicId)
            .into_tuple::<String>()
            .one(&state.db)
            .await?
    {
        let news = QueueNews { conversation_id: c, position: 0, wait_minutes: 0, text: String::new() };
        state.events.conversation(CustomerFrame::Queue(news));
    }
    if ids.is_empty() {
        return Ok(());
    }
    let rows =
        conversations::Entity::find().filter(conversations::Column::Id.is_in(ids.clone())).all(&state.db).await?;
    let rows: HashMap<i32, conversations::Model> = rows.into_iter().map(|c| (c.id, c)).collect();
    let per_place = minutes_per_place(state).await?;
    // Each inbox's hours are read once, however many of its customers wait.
    let mut hours: HashMap<Option<i32>, Option<BusinessHours>> = HashMap::new();
    for (place, id) in ids.iter().enumerate() {
        let Some(conversation) = rows.get(id) else { continue };
        if let Entry::Vacant(slot) = hours.entry(conversation.inbox_id) {
            slot.insert(crate::inboxes::hours_for(state, conversation.inbox_id).await?);
        }
        let position = u32::try_from(place + 1).unwrap_or(u32::MAX);
        let inbox_hours = hours.get(&conversation.inbox_id).and_then(Option::as_ref);
        state.events.conversation(frame(conversation, inbox_hours, position, per_place));
    }
    Ok(())
}
