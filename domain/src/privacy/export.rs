//! `GET /customers/{id}/data-export` (ADMIN, SUPERVISOR): everything held about a customer as one
//! document — the profile, every conversation with its transcript, every ticket with its notes,
//! the ratings they gave, the privacy notices they accepted and the audit records about them. The
//! export is itself audited (`CUSTOMER_DATA_EXPORTED`) before it is returned, and refused when that
//! cannot be recorded.

use chrono::Utc;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};

use super::holdings;
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::{audit_log, messages, ticket_notes, users};
use crate::error::DomainResult;
use crate::model::{ConversationDetail, CustomerDataExport, NoteOut, RatingRecord, Role, TicketRecord};
use crate::state::AppState;
use crate::vault::Field;

pub async fn export(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    meta: &RequestMeta,
) -> DomainResult<CustomerDataExport> {
    actor.require(&[Role::Admin, Role::Supervisor])?;
    let held = holdings(state, id).await?;
    let lines = messages::Entity::find()
        .filter(messages::Column::ConversationId.is_in(held.conversation_ids()))
        .order_by_asc(messages::Column::ConversationId)
        .order_by_asc(messages::Column::Seq)
        .all(&state.db)
        .await?;
    let lines = crate::conversations::store::opened(state, lines)?;
    let conversations = held
        .conversations
        .iter()
        .map(|c| {
            Ok(ConversationDetail {
                conversation: crate::conversations::out(&state.vault, c, None)?,
                messages: lines
                    .iter()
                    .filter(|m| m.conversation_id == c.id)
                    .map(crate::conversations::store::to_out)
                    .collect(),
            })
        })
        .collect::<DomainResult<_>>()?;
    let mut ratings = Vec::new();
    for c in &held.conversations {
        if let Some(score) = c.csat_score {
            ratings.push(RatingRecord {
                conversation_id: c.public_id.clone(),
                score: i32::from(score),
                comment: state.vault.open_opt(Field::ConversationComment, c.csat_comment.as_deref())?,
                rated_at: c.rated_at,
            });
        }
    }
    let notes = ticket_notes::Entity::find()
        .filter(ticket_notes::Column::TicketId.is_in(held.ticket_ids()))
        .order_by_asc(ticket_notes::Column::Id)
        .all(&state.db)
        .await?;
    let authors =
        users::Entity::find().filter(users::Column::Id.is_in(notes.iter().map(|n| n.author_id))).all(&state.db).await?;
    let mut tickets = Vec::with_capacity(held.tickets.len());
    for (row, ticket) in held.tickets.iter().zip(crate::tickets::to_out(state, held.tickets.clone()).await?) {
        let mut theirs = Vec::new();
        for note in notes.iter().filter(|n| n.ticket_id == row.id) {
            theirs.push(NoteOut {
                id: note.id,
                author_id: note.author_id,
                author_name: authors.iter().find(|a| a.id == note.author_id).map(|a| a.full_name.clone()),
                body: state.vault.open(Field::TicketNote, &note.body)?,
                created_at: note.created_at,
            });
        }
        tickets.push(TicketRecord { ticket, notes: theirs });
    }
    let consents = crate::consents::of(&state.db, &held.conversations, &held.tickets).await?;
    let on = |kind: &str, ids: Vec<String>| {
        Condition::all().add(audit_log::Column::ResourceType.eq(kind)).add(audit_log::Column::ResourceId.is_in(ids))
    };
    let about = Condition::any()
        .add(on("customer", vec![id.to_string()]))
        .add(on("conversation", held.public_ids()))
        .add(on("ticket", held.case_numbers()));
    let audit = audit_log::Entity::find()
        .filter(about)
        .order_by_asc(audit_log::Column::Id)
        .all(&state.db)
        .await?
        .into_iter()
        .map(crate::audit::viewer::out)
        .collect();
    let entry = Entry::new("CUSTOMER_DATA_EXPORTED", Outcome::Success)
        .actor(actor.id, &actor.username)
        .resource("customer", id);
    state.audit.record(entry, meta).await?;
    Ok(CustomerDataExport {
        exported_at: Utc::now(),
        customer: held.customer,
        conversations,
        tickets,
        ratings,
        consents,
        audit,
    })
}
