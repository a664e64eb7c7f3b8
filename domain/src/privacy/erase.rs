//! `POST /customers/{id}/erase` (ADMIN, with a reason): the customer's personal data removed or
//! irreversibly anonymised everywhere, in one transaction with its audit record
//! (`CUSTOMER_ERASED`, which keeps the reason and the counts, not the data):
//! - transcripts: every message of their conversations reads "[erased]";
//! - conversations: identity links cut (customer, verified identity, visitor id), pre-chat details,
//!   the assistant's memory of their questions and their rating comment dropped; status, dates and
//!   the score stay for the figures;
//! - tickets: customer name, e-mail, subject and description erased, notes erased;
//! - the answer log: the questions they asked dropped, and any of them staff taught the assistant
//!   (an article's example questions) forgotten;
//! - notifications: alerts about their tickets blanked, e-mails to them deleted;
//! - the profile: name "[erased]", every other personal field emptied, INACTIVE.
//!
//! The audit log is never rewritten (its chain stays valid); it holds ids, not personal data.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionTrait};

use super::{ERASED, Holdings, holdings};
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::{assistant_answers, conversations, customers, messages, notifications, ticket_notes, tickets};
use crate::error::{DomainError, DomainResult};
use crate::model::{CustomerStatus, EraseRequest, ErasureReport, Role};
use crate::state::AppState;
use crate::vault::Field;

pub async fn erase(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    req: &EraseRequest,
    meta: &RequestMeta,
) -> DomainResult<ErasureReport> {
    actor.require(&[Role::Admin])?;
    let reason = req.reason.trim();
    if !(5..=500).contains(&reason.chars().count()) {
        return Err(DomainError::validation("reason", "Say why, in 5 to 500 characters"));
    }
    let held = holdings(state, id).await?;
    let (conversation_ids, ticket_ids) = (held.conversation_ids(), held.ticket_ids());
    let taught = taught(state, &held).await?;
    let now = Utc::now();
    let txn = state.db.begin().await?;
    let messages = messages::Entity::update_many()
        .col_expr(messages::Column::Content, Expr::value(ERASED))
        .filter(messages::Column::ConversationId.is_in(conversation_ids.clone()))
        .exec(&txn)
        .await?
        .rows_affected;
    let no_text: Option<String> = None;
    let conversations = conversations::Entity::update_many()
        .col_expr(conversations::Column::CustomerId, Expr::value(Option::<i32>::None))
        .col_expr(conversations::Column::CustomerRef, Expr::value(no_text.clone()))
        .col_expr(conversations::Column::CustomerRefIndex, Expr::value(no_text.clone()))
        .col_expr(conversations::Column::VisitorId, Expr::value(no_text.clone()))
        .col_expr(conversations::Column::CsatComment, Expr::value(no_text.clone()))
        .col_expr(conversations::Column::RecentQuestions, Expr::value(Option::<serde_json::Value>::None))
        .col_expr(conversations::Column::Metadata, Expr::value(serde_json::json!({})))
        .filter(conversations::Column::Id.is_in(conversation_ids))
        .exec(&txn)
        .await?
        .rows_affected;
    let tickets = tickets::Entity::update_many()
        .col_expr(tickets::Column::CustomerName, Expr::value(ERASED))
        .col_expr(tickets::Column::CustomerEmail, Expr::value(no_text.clone()))
        .col_expr(tickets::Column::CustomerEmailIndex, Expr::value(no_text.clone()))
        .col_expr(tickets::Column::Subject, Expr::value(ERASED))
        .col_expr(tickets::Column::Description, Expr::value(ERASED))
        .filter(tickets::Column::Id.is_in(ticket_ids.clone()))
        .exec(&txn)
        .await?
        .rows_affected;
    let notes = ticket_notes::Entity::update_many()
        .col_expr(ticket_notes::Column::Body, Expr::value(ERASED))
        .filter(ticket_notes::Column::TicketId.is_in(ticket_ids))
        .exec(&txn)
        .await?
        .rows_affected;
    let answers = assistant_answers::Entity::update_many()
        .col_expr(assistant_answers::Column::Question, Expr::value(ERASED))
        .col_expr(assistant_answers::Column::VerdictNote, Expr::value(no_text.clone()))
        .filter(assistant_answers::Column::ConversationId.is_in(held.public_ids()))
        .exec(&txn)
        .await?
        .rows_affected;
    let (examples, articles) = crate::knowledge::forget_examples(&txn, actor, &taught).await?;
    let mut notified = notifications::Entity::update_many()
        .col_expr(notifications::Column::Subject, Expr::value(ERASED))
        .col_expr(notifications::Column::Body, Expr::value(ERASED))
        .col_expr(notifications::Column::Html, Expr::value(no_text.clone()))
        .filter(notifications::Column::ResourceType.eq("ticket"))
        .filter(notifications::Column::ResourceId.is_in(held.case_numbers()))
        .exec(&txn)
        .await?
        .rows_affected;
    if let Some(email) = &held.customer.email {
        // E-mails to the customer (receipts): theirs, not staff's; gone, sent or not.
        notified += notifications::Entity::delete_many()
            .filter(notifications::Column::UserId.is_null())
            .filter(notifications::Column::RecipientEmail.eq(email.as_str()))
            .exec(&txn)
            .await?
            .rows_affected;
    }
    let mut profile = customers::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| DomainError::NotFound("Customer not found".into()))?
        .into_active_model();
    profile.full_name = Set(ERASED.to_owned());
    let personal = [&mut profile.email, &mut profile.phone, &mut profile.account_number, &mut profile.address];
    for field in personal.into_iter().chain([&mut profile.notes]) {
        *field = Set(None);
    }
    for index in [&mut profile.email_index, &mut profile.phone_index, &mut profile.account_index] {
        *index = Set(None);
    }
    profile.tags = Set(serde_json::json!([]));
    profile.preferences = Set(serde_json::json!({}));
    profile.status = Set(CustomerStatus::Inactive);
    profile.updated_by_id = Set(Some(actor.id));
    profile.updated_at = Set(now);
    profile.update(&txn).await?;
    let report = ErasureReport {
        customer_id: id,
        conversations,
        messages,
        tickets,
        notes,
        answers,
        examples,
        notifications: notified,
        erased_at: now,
    };
    let entry = Entry::new("CUSTOMER_ERASED", Outcome::Success)
        .actor(actor.id, &actor.username)
        .resource("customer", id)
        .details(serde_json::json!({ "reason": reason, "report": report }));
    state.audit.commit_with(txn, entry, meta).await?;
    crate::knowledge::republish(state, &articles).await;
    Ok(report)
}

/// Their questions that staff taught the assistant, reviewing its answers: `(article, question)`.
async fn taught(state: &AppState, held: &Holdings) -> DomainResult<Vec<(i32, String)>> {
    let answers = assistant_answers::Entity::find()
        .filter(assistant_answers::Column::ConversationId.is_in(held.public_ids()))
        .filter(assistant_answers::Column::CorrectArticleId.is_not_null())
        .all(&state.db)
        .await?;
    let mut taught = Vec::new();
    for answer in answers {
        if let Some(article) = answer.correct_article_id {
            taught.push((article, state.vault.open(Field::AnswerQuestion, &answer.question)?));
        }
    }
    Ok(taught)
}
