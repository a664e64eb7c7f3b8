//! Read receipts both ways. A person on the bank's side marks a transcript read up to a message
//! (`POST /conversations/{id}/read`): the customer's widget hears it. The customer's widget says
//! what it has shown (a `read` frame on its socket): staff hear it. Marks only move forward and
//! never past the last message.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::find;
use super::staff::may_act;
use crate::auth::CurrentUser;
use crate::entities::conversations;
use crate::error::DomainResult;
use crate::model::{CustomerFrame, ReadMark, StaffNews};
use crate::state::AppState;

/// Moves `column` of conversation `id` up to `up_to` (capped at its last message); whether it moved.
async fn advance(state: &AppState, id: i32, column: conversations::Column, up_to: i64) -> DomainResult<bool> {
    let moved = conversations::Entity::update_many()
        .col_expr(column, Expr::value(up_to))
        .filter(conversations::Column::Id.eq(id))
        .filter(column.lt(up_to))
        .filter(conversations::Column::LastSeq.gte(up_to))
        .exec(&state.db)
        .await?;
    Ok(moved.rows_affected == 1)
}

/// A person read the transcript up to `up_to`: ADMIN, SUPERVISOR, or the AGENT whose it is (or
/// nobody's). Returns the conversation's read marks `(agent, customer)`.
pub async fn by_staff(state: &AppState, actor: &CurrentUser, id: &str, up_to: i64) -> DomainResult<(i64, i64)> {
    let conversation = find(state, id).await?;
    may_act(actor, &conversation)?;
    let up_to = up_to.min(conversation.last_seq);
    if up_to > conversation.agent_read_seq
        && advance(state, conversation.id, conversations::Column::AgentReadSeq, up_to).await?
    {
        let mark = ReadMark { conversation_id: conversation.public_id.clone(), up_to };
        state.events.conversation(CustomerFrame::Read(mark));
        return Ok((up_to, conversation.customer_read_seq));
    }
    Ok((conversation.agent_read_seq, conversation.customer_read_seq))
}

/// The customer's widget showed the messages up to `up_to`: staff hear it (the assignee, or
/// everyone when nobody has it).
pub async fn by_customer(state: &AppState, id: i32, public_id: &str, up_to: i64) -> DomainResult<()> {
    if advance(state, id, conversations::Column::CustomerReadSeq, up_to).await? {
        let assigned = conversations::Entity::find_by_id(id).one(&state.db).await?.and_then(|c| c.assigned_to);
        let mark = ReadMark { conversation_id: public_id.to_owned(), up_to };
        state.events.staff(StaffNews::CustomerRead(mark), assigned);
    }
    Ok(())
}
