//! The agent workspace: tickets, their conversations, replies, notes. Roles are checked by the
//! domain services (an AGENT works on its own and unassigned tickets).

use domain::model::{CannedResponse, ConversationDetail, NoteOut, TicketOut};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// One page of tickets and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketPage {
    pub tickets: Vec<TicketOut>,
    pub total: u64,
    pub skip: u64,
    pub limit: u64,
}

/// Everything the ticket page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TicketView {
    pub ticket: TicketOut,
    pub conversation: Option<ConversationDetail>,
    pub notes: Vec<NoteOut>,
    /// The signed-in staff member, for "assign to me".
    pub me: i32,
    /// Canned responses for the reply box.
    pub canned: Vec<CannedResponse>,
}

/// Tickets filtered by status and priority (empty means any); `mine` keeps the signed-in
/// staff member's; `sort` is `due` (nearest deadline first) or `newest`; `skip` pages by 25.
#[server(prefix = "/_sfn", endpoint = "tickets/list")]
pub async fn list_tickets(
    status: String,
    priority: String,
    mine: bool,
    sort: String,
    skip: u64,
) -> Result<TicketPage, AppError> {
    use domain::model::{Role, TicketFilter};
    let Ctx { state, user, .. } = Ctx::require(&Role::ALL).await?;
    let parse_err = |e: String| AppError::invalid(e);
    let filter = TicketFilter {
        status: Some(status.trim()).filter(|s| !s.is_empty()).map(str::parse).transpose().map_err(parse_err)?,
        priority: Some(priority.trim()).filter(|s| !s.is_empty()).map(str::parse).transpose().map_err(parse_err)?,
        assigned_to: mine.then_some(user.id),
        sort: Some(sort),
        skip: Some(skip),
        limit: Some(25),
    };
    let (tickets, total) = domain::tickets::list(&state, &user, &filter).await?;
    Ok(TicketPage { tickets, total, skip, limit: 25 })
}

/// A ticket with its conversation and notes.
#[server(prefix = "/_sfn", endpoint = "tickets/get")]
pub async fn get_ticket(ticket_id: String) -> Result<TicketView, AppError> {
    let Ctx { state, user, meta } = Ctx::require(&domain::model::Role::ALL).await?;
    let ticket = domain::tickets::get(&state, &user, &ticket_id).await?;
    let conversation = match &ticket.conversation_id {
        Some(id) => Some(domain::chat::staff::get(&state, &user, id, &meta).await?),
        None => None,
    };
    let notes = domain::tickets::actions::notes(&state, &user, &ticket_id).await?;
    let canned = domain::canned::list(&state, &user).await?;
    Ok(TicketView { ticket, conversation, notes, me: user.id, canned })
}

/// Assigns a ticket to the signed-in staff member.
#[server(prefix = "/_sfn", endpoint = "tickets/take")]
pub async fn take_ticket(ticket_id: String) -> Result<TicketOut, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    Ok(domain::tickets::actions::assign(&state, &user, &ticket_id, user.id, &meta).await?)
}

/// Changes a ticket's status, priority or both (whichever is not empty), at once.
#[server(prefix = "/_sfn", endpoint = "tickets/update")]
pub async fn update_ticket(ticket_id: String, status: String, priority: String) -> Result<TicketOut, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    let given = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let status = given(&status).map(|s| s.parse()).transpose().map_err(AppError::invalid)?;
    let priority = given(&priority).map(|s| s.parse()).transpose().map_err(AppError::invalid)?;
    Ok(domain::tickets::actions::update(&state, &user, &ticket_id, status, priority, &meta).await?)
}

/// Leaves an internal note.
#[server(prefix = "/_sfn", endpoint = "tickets/note")]
pub async fn add_note(ticket_id: String, body: String) -> Result<NoteOut, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    let req = domain::model::CreateNoteRequest { body };
    Ok(domain::tickets::actions::add_note(&state, &user, &ticket_id, &req, &meta).await?)
}

/// The signed-in staff member as routing sees them (presence, load, today's working time).
#[server(prefix = "/_sfn", endpoint = "agents/me")]
pub async fn my_presence() -> Result<domain::model::AgentOut, AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    domain::tickets::routing::agents(&state, &user)
        .await?
        .into_iter()
        .find(|a| a.id == user.id)
        .ok_or_else(|| AppError::invalid("Viewers do not take tickets"))
}

/// Sets the signed-in staff member's presence (online, away, offline).
#[server(prefix = "/_sfn", endpoint = "agents/presence")]
pub async fn set_my_presence(status: String) -> Result<domain::model::AgentOut, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    let presence = status.parse().map_err(AppError::invalid)?;
    Ok(domain::tickets::routing::set_presence(&state, &user, presence, &meta).await?)
}
