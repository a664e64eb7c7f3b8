//! What the widget does besides messages: the customer rates the conversation, leaves a message
//! outside business hours (it becomes a ticket), or proves who they are with the bank's token.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

use super::authorize_visitor;
use crate::assistant::redact;
use crate::entities::{conversations, tickets as ticket_rows};
use crate::error::{DomainError, DomainResult, refused_message};
use crate::model::{
    Email, IdentifyRequest, MessageText, OfflineMessageRequest, OfflineMessageResponse, Priority, RatingOut,
    RatingRequest,
};
use crate::state::AppState;
use crate::tickets::{self, NewTicket, Opened};

/// Offline messages (each with a receipt e-mail) one address may get in an hour.
const OFFLINE_PER_ADDRESS_PER_HOUR: u64 = 3;

/// `POST /chat/{id}/rating` with the visitor token: CSAT 1–5 and an optional comment (PII
/// redacted). Rating again replaces the rating.
pub async fn rate(state: &AppState, id: &str, token: Option<&str>, req: &RatingRequest) -> DomainResult<RatingOut> {
    let conversation = authorize_visitor(state, id, token).await?;
    if !(1..=5).contains(&req.score) {
        return Err(DomainError::validation("score", "score is 1 to 5"));
    }
    let comment = req.comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
    if comment.is_some_and(|c| c.chars().count() > 1000) {
        return Err(DomainError::validation("comment", "comment is at most 1,000 characters"));
    }
    let comment = comment.map(|c| redact::redact(c).text);
    let now = Utc::now();
    conversations::ActiveModel {
        id: Set(conversation.id),
        csat_score: Set(Some(req.score as i16)),
        csat_comment: Set(state.vault.seal_opt(crate::vault::Field::ConversationComment, comment.as_deref())),
        rated_at: Set(Some(now)),
        ..Default::default()
    }
    .update(&state.db)
    .await?;
    let rated = crate::model::RatingNews { conversation_id: conversation.public_id.clone(), score: req.score };
    state.events.staff(crate::model::StaffNews::ConversationRated(rated), conversation.assigned_to);
    Ok(RatingOut { score: req.score, comment, rated_at: now })
}

/// `POST /chat/offline` → 201: a message left when nobody answers becomes an open ticket in the
/// queue (category `offline`), with the customer's name and e-mail to answer by mail.
pub async fn offline(state: &AppState, req: &OfflineMessageRequest) -> DomainResult<OfflineMessageResponse> {
    let inbox = crate::inboxes::find_active(state, &req.inbox).await?;
    let consent = crate::consents::gate(Some(&inbox), req.privacy_consent.as_deref())?;
    let name = req.name.trim();
    if name.is_empty() || name.chars().count() > 128 {
        return Err(DomainError::validation("name", "Name is 1 to 128 characters"));
    }
    let email = Email::parse(&req.email)
        .ok_or_else(|| DomainError::validation("email", "A valid e-mail address is required"))?
        .into_string();
    let text = MessageText::new(&req.message, state.config.chat.max_message_chars)
        .map_err(refused_message("message"))?
        .as_str();
    let english = req.language.as_deref().map(str::trim) == Some("en")
        || (req.language.is_none() && inbox.default_language == "en");
    let now = Utc::now();
    // The form sends a receipt to the address it is given: a few an hour per address, counted in
    // the database so every instance sees the same count.
    let recent = ticket_rows::Entity::find()
        .filter(ticket_rows::Column::CustomerEmailIndex.eq(tickets::email_index(&state.vault, &email)))
        .filter(ticket_rows::Column::Category.eq("offline"))
        .filter(ticket_rows::Column::CreatedAt.gt(now - chrono::Duration::hours(1)))
        .count(&state.db)
        .await?;
    if recent >= OFFLINE_PER_ADDRESS_PER_HOUR {
        return Err(DomainError::TooMany("Too many messages for this e-mail address; please try again later".into()));
    }
    let subject = format!("Offline message from {}", inbox.name);
    let ticket = NewTicket {
        subject: &subject,
        description: redact::redact(text).text,
        category: "offline",
        priority: Priority::Medium,
        customer_name: name,
        customer_email: Some(email),
        conversation_id: None,
        created_by: None,
    };
    let txn = state.db.begin().await?;
    let row = tickets::insert(&txn, state, &ticket).await?;
    if let Some(version) = consent {
        let with = crate::consents::With::Ticket(row.id);
        crate::consents::record(&txn, inbox.id, with, version, if english { "en" } else { "es" }).await?;
    }
    txn.commit().await?;
    tickets::opened(state, &row, Opened::Offline { english }).await;
    tickets::routing::route(state, &row).await?;
    let message = if english {
        format!("Thank you. We will answer by e-mail; your case number is {}.", row.ticket_id)
    } else {
        format!("Gracias. Te responderemos por correo; tu número de caso es {}.", row.ticket_id)
    };
    Ok(OfflineMessageResponse { ticket_id: row.ticket_id, message })
}

/// `POST /chat/identify` with the visitor token: links the conversation to the bank's customer
/// when the token holds (200 `{identified: true}`); otherwise the chat stays anonymous
/// (`{identified: false}`), as a refused token must not stop a customer from chatting.
pub async fn identify(
    state: &AppState,
    token: Option<&str>,
    req: &IdentifyRequest,
    meta: &crate::audit::RequestMeta,
) -> DomainResult<bool> {
    let conversation = authorize_visitor(state, &req.conversation_id, token).await?;
    let Some(inbox_id) = conversation.inbox_id else { return Ok(false) };
    let Some(inbox) = crate::entities::inboxes::Entity::find_by_id(inbox_id).one(&state.db).await? else {
        return Ok(false);
    };
    let Some(customer) = crate::inboxes::verify_identity(
        &state.vault.open(crate::vault::Field::InboxSecret, &inbox.identity_secret)?,
        &inbox.key,
        &req.identity_token,
    ) else {
        return Ok(false);
    };
    super::audit_identified(state, &conversation.public_id, &customer, meta).await?;
    let customer_id = crate::customers::linked(state, Some(&customer)).await?;
    conversations::ActiveModel {
        id: Set(conversation.id),
        customer_ref: Set(Some(state.vault.seal(crate::vault::Field::ConversationCustomerRef, &customer))),
        customer_ref_index: Set(Some(crate::customers::account_index(&state.vault, &customer))),
        customer_id: Set(customer_id),
        ..Default::default()
    }
    .update(&state.db)
    .await?;
    Ok(true)
}
