//! Tickets: opened when a conversation is escalated (one open ticket per conversation, however
//! many escalations race) or by staff; listed with filters and a stable order.

pub mod actions;
mod open;
pub mod queue;
pub mod routing;
pub mod sla;

pub use open::{Escalation, NewTicket, Opened, insert, open_for_conversation, opened};

use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DbErr, EntityTrait, FromQueryResult, JoinType, Order, QueryFilter, QueryOrder, QueryResult,
    QuerySelect, Select, SelectModel, Selector,
};

use crate::auth::CurrentUser;
use crate::entities::{conversations, tickets, users};
use crate::error::{DomainError, DomainResult};
pub use crate::events::TicketChange;
use crate::model::{Role, TicketFilter, TicketOut};
use crate::sql::Columns;
use crate::state::AppState;
use crate::vault::Field;

/// `TKT-` and 8 random upper-case hex digits.
pub fn new_ticket_id() -> String {
    let mut bytes = [0u8; 4];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!("TKT-{}", hex::encode_upper(bytes))
}

/// The blind index a ticket's customer e-mail is found by (compared in lower case).
pub fn email_index(vault: &crate::vault::Vault, email: &str) -> String {
    vault.blind(Field::TicketCustomerEmail, &email.trim().to_lowercase())
}

/// The API view of tickets already read, with assignee names and conversation ids filled in (one
/// query, through the same joins as [`named`]).
pub async fn to_out(state: &AppState, rows: Vec<tickets::Model>) -> DomainResult<Vec<TicketOut>> {
    let linked = rows.iter().filter(|t| t.assigned_to.is_some() || t.conversation_id.is_some());
    let ids: Vec<i32> = linked.map(|t| t.id).collect();
    let names: Vec<(i32, Option<String>, Option<String>)> = if ids.is_empty() {
        Vec::new()
    } else {
        with_names(tickets::Entity::find().select_only().column(tickets::Column::Id))
            .filter(tickets::Column::Id.is_in(ids))
            .into_tuple()
            .all(&state.db)
            .await?
    };
    rows.into_iter()
        .map(|ticket| {
            let (assigned_to_name, conversation_public_id) =
                names.iter().find(|n| n.0 == ticket.id).map_or((None, None), |n| (n.1.clone(), n.2.clone()));
            out(state, Named { ticket, assigned_to_name, conversation_public_id })
        })
        .collect()
}

/// A ticket with what staff see instead of its internal ids, read in the same query.
struct Named {
    ticket: tickets::Model,
    assigned_to_name: Option<String>,
    /// Not `conversation_id`: the ticket has a column of that name.
    conversation_public_id: Option<String>,
}

impl FromQueryResult for Named {
    /// The ticket's columns in the entity's order, then the two that [`with_names`] joins in: read by
    /// position (a page of 100 tickets spent a quarter of its CPU finding columns by name).
    fn from_query_result(row: &QueryResult, _pre: &str) -> Result<Self, DbErr> {
        let mut c = Columns::of(row)?;
        let ticket = tickets::Model {
            id: c.read()?,
            ticket_id: c.read()?,
            conversation_id: c.read()?,
            open_conversation_id: c.read()?,
            customer_name: c.read()?,
            customer_email: c.read()?,
            customer_email_index: c.read()?,
            subject: c.read()?,
            description: c.read()?,
            status: c.parsed()?,
            priority: c.parsed()?,
            category: c.read()?,
            assigned_to: c.read()?,
            created_by: c.read()?,
            created_at: c.read()?,
            updated_at: c.read()?,
            first_response_at: c.read()?,
            resolved_at: c.read()?,
            first_response_due_at: c.read()?,
            resolution_due_at: c.read()?,
            first_response_breached_at: c.read()?,
            resolution_breached_at: c.read()?,
        };
        Ok(Named { ticket, assigned_to_name: c.read()?, conversation_public_id: c.read()? })
    }
}

/// `query` with the assignee's name and the conversation's public id joined in, as the last two
/// columns.
fn with_names(query: Select<tickets::Entity>) -> Select<tickets::Entity> {
    let assignee = tickets::Entity::belongs_to(users::Entity).from(tickets::Column::AssignedTo).to(users::Column::Id);
    let conversation = tickets::Entity::belongs_to(conversations::Entity)
        .from(tickets::Column::ConversationId)
        .to(conversations::Column::Id);
    query
        .join(JoinType::LeftJoin, assignee.into())
        .join(JoinType::LeftJoin, conversation.into())
        .column_as(users::Column::FullName, "assigned_to_name")
        .column_as(conversations::Column::PublicId, "conversation_public_id")
}

/// Whole tickets, named.
fn named(query: Select<tickets::Entity>) -> Selector<SelectModel<Named>> {
    with_names(query).into_model::<Named>()
}

fn out(state: &AppState, named: Named) -> DomainResult<TicketOut> {
    let t = state.vault.open_ticket(named.ticket)?;
    Ok(TicketOut {
        id: t.id,
        conversation_id: named.conversation_public_id,
        assigned_to_name: named.assigned_to_name,
        status: t.status,
        priority: t.priority,
        ticket_id: t.ticket_id,
        customer_name: t.customer_name,
        customer_email: t.customer_email,
        subject: t.subject,
        description: state.vault.open(Field::TicketDescription, &t.description)?,
        category: t.category,
        assigned_to: t.assigned_to,
        created_at: t.created_at,
        updated_at: t.updated_at,
        first_response_at: t.first_response_at,
        resolved_at: t.resolved_at,
        first_response_due_at: t.first_response_due_at,
        resolution_due_at: t.resolution_due_at,
    })
}

/// Tells staff about a ticket change, here and on the other servers.
pub async fn announce(state: &AppState, change: TicketChange, ticket: &tickets::Model) {
    announce_here(state, change, ticket).await;
    state.events.tell_others(|| crate::events::Note::Ticket { change, id: ticket.id });
    // The waiting customers' places moved: told off the request's path.
    let (state, ticket) = (state.clone(), ticket.clone());
    tokio::spawn(async move {
        if let Err(error) = queue::tell(&state, &ticket).await {
            tracing::warn!(%error, "could not tell waiting customers their place");
        }
    });
}

/// Tells this server's staff sockets about a ticket change.
async fn announce_here(state: &AppState, change: TicketChange, ticket: &tickets::Model) {
    match to_out(state, vec![ticket.clone()]).await {
        Ok(mut out) => {
            if let Some(t) = out.pop() {
                state.events.staff_here(change.news(t), ticket.assigned_to);
            }
        }
        Err(error) => tracing::warn!(%error, ticket = ticket.ticket_id, "could not announce a ticket change"),
    }
}

/// Tells this server's staff sockets about a change another server made to ticket `id`.
pub async fn announce_theirs(state: &AppState, change: TicketChange, id: i32) -> DomainResult<()> {
    if let Some(ticket) = tickets::Entity::find_by_id(id).one(&state.db).await? {
        announce_here(state, change, &ticket).await;
    }
    Ok(())
}

/// `GET /tickets` (any staff): newest first, or nearest deadline first (`sort=due`); ties by id,
/// newest first. With the total matching for paging.
pub async fn list(state: &AppState, actor: &CurrentUser, filter: &TicketFilter) -> DomainResult<(Vec<TicketOut>, u64)> {
    actor.require(&Role::ALL)?;
    let mut query = tickets::Entity::find();
    if let Some(status) = filter.status {
        query = query.filter(tickets::Column::Status.eq(status));
    }
    if let Some(priority) = filter.priority {
        query = query.filter(tickets::Column::Priority.eq(priority));
    }
    if let Some(agent) = filter.assigned_to {
        query = query.filter(tickets::Column::AssignedTo.eq(agent));
    }
    let page = crate::model::Page::new(filter.skip, filter.limit)?;
    let counting = query.clone();
    let query = match filter.sort.as_deref().map(str::trim) {
        None | Some("") | Some("newest") => query.order_by_desc(tickets::Column::CreatedAt),
        // The deadline still ahead (as `TicketOut::next_due`), nearest first; none last.
        Some("due") => {
            // Qualified: the names are joined in, and conversations have a status too.
            let next = "CASE WHEN tickets.status IN ('OPEN', 'IN_PROGRESS') THEN COALESCE(CASE WHEN \
                        tickets.first_response_at IS NULL THEN tickets.first_response_due_at END, \
                        tickets.resolution_due_at) END";
            query
                .order_by(Expr::cust(format!("CASE WHEN ({next}) IS NULL THEN 1 ELSE 0 END")), Order::Asc)
                .order_by(Expr::cust(next), Order::Asc)
        }
        Some(_) => return Err(DomainError::validation("sort", "sort is newest or due")),
    };
    let query = with_names(query.order_by_desc(tickets::Column::Id));
    let (rows, total) = crate::sql::paged::<_, Named>(&state.db, query, counting, page).await?;
    Ok((rows.into_iter().map(|row| out(state, row)).collect::<DomainResult<_>>()?, total))
}

/// `GET /tickets/{ticket_id}` (any staff).
pub async fn get(state: &AppState, actor: &CurrentUser, ticket_id: &str) -> DomainResult<TicketOut> {
    actor.require(&Role::ALL)?;
    let row =
        named(tickets::Entity::find().filter(tickets::Column::TicketId.eq(ticket_id.trim().to_ascii_uppercase())))
            .one(&state.db)
            .await?
            .ok_or_else(|| DomainError::NotFound("Ticket not found".into()))?;
    out(state, row)
}

#[cfg(test)]
mod tests {
    use sea_orm::{IdenStatic, Iterable};

    use crate::entities::tickets;

    /// `Named` reads a ticket's columns by position: a column added to the entity must be read there too.
    #[test]
    fn named_reads_the_ticket_columns_in_the_entitys_order() {
        let columns: Vec<&str> = tickets::Column::iter().map(|c| c.as_str()).collect();
        assert_eq!(
            columns,
            [
                "id",
                "ticket_id",
                "conversation_id",
                "open_conversation_id",
                "customer_name",
                "customer_email",
                "customer_email_index",
                "subject",
                "description",
                "status",
                "priority",
                "category",
                "assigned_to",
                "created_by",
                "created_at",
                "updated_at",
                "first_response_at",
                "resolved_at",
                "first_response_due_at",
                "resolution_due_at",
                "first_response_breached_at",
                "resolution_breached_at",
            ]
        );
    }
}
