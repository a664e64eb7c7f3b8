//! A customer's data rights: `GET /customers/{id}/data-export` (everything held about them, one
//! JSON document or a ZIP of CSV files, streamed; ADMIN and SUPERVISOR; audited) and
//! `POST /customers/{id}/erase` (their personal data removed or irreversibly anonymised everywhere;
//! ADMIN; audited with a reason).
//!
//! What is "theirs" is what their profile shows: conversations linked to the customer or to their
//! verified identity (the account number), and tickets from those conversations or sent from their
//! e-mail address.

mod erase;
mod export;
mod zip;

pub use erase::erase;
pub use export::{Format, Pieces, export};

use sea_orm::{EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{conversations, customers, tickets};
use crate::error::{DomainError, DomainResult};
use crate::model::CustomerOut;
use crate::state::AppState;

/// What replaces erased text.
pub const ERASED: &str = "[erased]";

/// A customer and what is held about them.
struct Holdings {
    customer: CustomerOut,
    conversations: Vec<conversations::Model>,
    tickets: Vec<tickets::Model>,
}

impl Holdings {
    fn conversation_ids(&self) -> Vec<i32> {
        self.conversations.iter().map(|c| c.id).collect()
    }

    fn public_ids(&self) -> Vec<String> {
        self.conversations.iter().map(|c| c.public_id.clone()).collect()
    }

    fn ticket_ids(&self) -> Vec<i32> {
        self.tickets.iter().map(|t| t.id).collect()
    }

    fn case_numbers(&self) -> Vec<String> {
        self.tickets.iter().map(|t| t.ticket_id.clone()).collect()
    }
}

async fn holdings(state: &AppState, id: i32) -> DomainResult<Holdings> {
    let row = customers::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(|| DomainError::NotFound("Customer not found".into()))?;
    let customer = crate::customers::out(&state.vault, row)?;
    let conversations = conversations::Entity::find()
        .filter(crate::customers::their_conversations(&state.vault, &customer))
        .order_by_asc(conversations::Column::Id)
        .all(&state.db)
        .await?;
    let theirs = crate::customers::their_tickets(&state.vault, &customer, &conversations);
    let tickets = if theirs.is_empty() {
        Vec::new()
    } else {
        tickets::Entity::find().filter(theirs).order_by_asc(tickets::Column::Id).all(&state.db).await?
    };
    Ok(Holdings { customer, conversations, tickets })
}
