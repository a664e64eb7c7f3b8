//! Live conversations: the list staff watch, one conversation with its transcript, and what an
//! agent does in it (reply, take over, hand back, close). Roles are checked by the domain
//! services (an AGENT acts on conversations that are theirs or nobody's).

use domain::model::{CannedResponse, ConversationDetail, ConversationOut};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// One page of conversations and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConversationPage {
    pub conversations: Vec<ConversationOut>,
    pub total: u64,
    pub skip: u64,
    pub limit: u64,
}

/// Everything the conversation pane shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConversationView {
    pub detail: ConversationDetail,
    /// Canned responses for the reply box.
    pub canned: Vec<CannedResponse>,
}

/// Conversations, most recently active first, filtered by status (empty means any); `mine` keeps
/// the signed-in staff member's; `skip` pages by 25.
#[server(prefix = "/_sfn", endpoint = "conversations/list")]
pub async fn list_conversations(status: String, mine: bool, skip: u64) -> Result<ConversationPage, AppError> {
    use domain::model::{ConversationFilter, Role};
    let Ctx { state, user, .. } = Ctx::require(&Role::ALL).await?;
    let filter = ConversationFilter {
        status: Some(status.trim()).filter(|s| !s.is_empty()).map(str::parse).transpose().map_err(AppError::invalid)?,
        assigned_to: mine.then_some(user.id),
        skip: Some(skip),
        limit: Some(25),
    };
    let (conversations, total) = domain::chat::staff::list(&state, &user, &filter).await?;
    Ok(ConversationPage { conversations, total, skip, limit: 25 })
}

/// A conversation with its transcript and the canned responses.
#[server(prefix = "/_sfn", endpoint = "conversations/get")]
pub async fn get_conversation(conversation_id: String) -> Result<ConversationView, AppError> {
    let Ctx { state, user, meta } = Ctx::require(&domain::model::Role::ALL).await?;
    let detail = domain::chat::staff::get(&state, &user, &conversation_id, &meta).await?;
    let canned = domain::canned::list(&state, &user).await?;
    Ok(ConversationView { detail, canned })
}

/// Writes to the customer.
#[server(prefix = "/_sfn", endpoint = "conversations/reply")]
pub async fn reply(conversation_id: String, content: String) -> Result<(), AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    domain::chat::staff::agent_message(&state, &user, &conversation_id, &content, &meta).await?;
    Ok(())
}

/// The signed-in person has read the transcript up to `up_to` (the customer sees it read).
#[server(prefix = "/_sfn", endpoint = "conversations/read")]
pub async fn mark_read(conversation_id: String, up_to: i64) -> Result<(), AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    domain::chat::read::by_staff(&state, &user, &conversation_id, up_to).await?;
    Ok(())
}

/// Takes over, hands back or closes a conversation (`action`: takeover, handback, close).
#[server(prefix = "/_sfn", endpoint = "conversations/act")]
pub async fn act_on_conversation(conversation_id: String, action: String) -> Result<(), AppError> {
    use domain::chat::staff;
    let Ctx { state, user, meta } = Ctx::new().await?;
    match action.as_str() {
        "takeover" => staff::take_over(&state, &user, &conversation_id, &meta).await?,
        "handback" => staff::hand_back(&state, &user, &conversation_id, &meta).await?,
        "close" => staff::close(&state, &user, &conversation_id, &meta).await?,
        _ => return Err(AppError::invalid("Unknown action")),
    };
    Ok(())
}
