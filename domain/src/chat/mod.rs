//! Customer conversations: start one, send messages (stored before anything else; the assistant
//! answers while no person has the conversation), escalate to a person (one open ticket per
//! conversation), read the history with the visitor token.

mod escalate;
mod message;
pub mod read;
pub mod staff;
mod start;
pub mod visitor;
pub mod widget;

pub use escalate::escalate;
pub use message::send_customer_message;
pub use start::start;
pub use visitor::{authorize_visitor, history, messages_after};

use rand::RngCore;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

use crate::assistant::language::Lang;
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::entities::conversations;
use crate::error::{DomainError, DomainResult};
use crate::state::AppState;

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
        .one(&state.held)
        .await?
        .ok_or_else(not_found)
}

fn not_found() -> DomainError {
    DomainError::NotFound("Conversation not found".into())
}

/// A conversation linked to the bank's customer `customer` by a verified identity token: audited,
/// and the caller stops when the record cannot be written. The record holds the reference's blind
/// index, not the reference (an account number): the audit log is never rewritten, so it must not
/// hold what an erasure removes; whoever holds the index key can still match it.
pub(crate) async fn audit_identified(
    state: &AppState,
    public_id: &str,
    customer: &str,
    meta: &RequestMeta,
) -> DomainResult<()> {
    let entry = Entry::new("conversation.identified", Outcome::Success)
        .resource("conversation", public_id)
        .details(serde_json::json!({ "customer_ref_index": crate::customers::account_index(&state.vault, customer) }));
    state.audit.record(entry, meta).await
}

fn case_number(lang: Lang, ticket_id: &str) -> String {
    match lang {
        Lang::Es => format!("Tu número de caso es {ticket_id}."),
        Lang::En => format!("Your case number is {ticket_id}."),
    }
}
