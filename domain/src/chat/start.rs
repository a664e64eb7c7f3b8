//! `POST /chat/start`: a new conversation, its greeting and the visitor token.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, DbBackend, EntityTrait, Set, TransactionTrait};

use super::{audit_identified, hash_token, new_token};
use crate::assistant::language::Lang;
use crate::audit::RequestMeta;
use crate::conversations::store::{self, NewMessage, to_out};
use crate::entities::conversations;
use crate::error::{DomainError, DomainResult};
use crate::model::{ConversationStatus, MessageRole, StartChatRequest, StartChatResponse};
use crate::state::AppState;

/// `POST /chat/start`: a new conversation with the greeting, and the visitor token for it.
pub async fn start(state: &AppState, req: &StartChatRequest, meta: &RequestMeta) -> DomainResult<StartChatResponse> {
    let visitor_id = req.user_id.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    if visitor_id.as_ref().is_some_and(|v| v.chars().count() > 128) {
        return Err(DomainError::validation("user_id", "user_id is at most 128 characters"));
    }
    let metadata = match &req.metadata {
        None | Some(serde_json::Value::Null) => serde_json::json!({}),
        Some(v @ serde_json::Value::Object(_)) if v.to_string().len() <= 8 * 1024 && crate::model::json_storable(v) => {
            v.clone()
        }
        Some(serde_json::Value::Object(_)) => {
            return Err(DomainError::validation("metadata", "metadata is at most 8 KB"));
        }
        Some(_) => return Err(DomainError::validation("metadata", "metadata must be an object")),
    };
    let inbox = match req.inbox.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => Some(crate::inboxes::find_active(state, key).await?),
        None => None,
    };
    let consent = crate::consents::gate(inbox.as_ref(), req.privacy_consent.as_deref())?;
    // A refused identity token does not stop the chat: it continues anonymously.
    let customer_ref = match (&inbox, req.identity_token.as_deref().map(str::trim).filter(|t| !t.is_empty())) {
        (Some(inbox), Some(token)) => crate::inboxes::verify_identity(
            &state.vault.open(crate::vault::Field::InboxSecret, &inbox.identity_secret)?,
            &inbox.key,
            token,
        ),
        _ => None,
    };
    let language = match req.language.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(code) => {
            Lang::parse(code).ok_or_else(|| DomainError::validation("language", "language is 'es' or 'en'"))?
        }
        None => metadata
            .get("language")
            .and_then(|v| v.as_str())
            .and_then(Lang::parse)
            .or_else(|| inbox.as_ref().and_then(|i| Lang::parse(&i.default_language)))
            .unwrap_or(state.assistant.settings().default_language),
    };
    let token = new_token();
    let now = Utc::now();
    let row = conversations::ActiveModel {
        id: sea_orm::NotSet,
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        visitor_id: Set(visitor_id),
        visitor_token_hash: Set(hash_token(&token)),
        customer_id: Set(crate::customers::linked(state, customer_ref.as_deref()).await?),
        status: Set(ConversationStatus::Bot),
        language: Set(language.code().to_owned()),
        metadata: Set(crate::conversations::seal_metadata(&state.vault, &metadata)),
        last_seq: Set(1),
        low_confidence_turns: Set(0),
        assigned_to: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        closed_at: Set(None),
        inbox_id: Set(inbox.as_ref().map(|i| i.id)),
        customer_ref: Set(state.vault.seal_opt(crate::vault::Field::ConversationCustomerRef, customer_ref.as_deref())),
        customer_ref_index: Set(customer_ref.as_deref().map(|r| crate::customers::account_index(&state.vault, r))),
        csat_score: Set(None),
        csat_comment: Set(None),
        rated_at: Set(None),
        recent_questions: Set(Some(serde_json::json!([]))),
        last_client_message_id: Set(None),
        agent_read_seq: Set(0),
        customer_read_seq: Set(0),
    };
    let custom =
        inbox.as_ref().and_then(|i| if language == Lang::En { i.greeting_en.clone() } else { i.greeting_es.clone() });
    let greeting = custom.unwrap_or_else(|| state.runtime.greeting(&state.config, language));
    let message = NewMessage {
        role: MessageRole::Assistant,
        author_id: None,
        content: &greeting,
        metadata: serde_json::json!({ "intent": "greeting", "language": language.code() }),
        client_message_id: None,
        reply_to: None,
    };
    // The conversation, its greeting and a consent are one transaction.
    let mut first = store::sealed_row(state, 0, 1, message, now);
    let consent = inbox.as_ref().map(|i| i.id).zip(consent);
    let code = language.code();
    let (conversation, mut stored) = if state.writer.backend() == DbBackend::Postgres {
        // One statement on a held connection ([`crate::db::Held`]); its conversation id is the
        // database's, filled in by the statement.
        let consent = consent.map(|(inbox_id, version)| {
            crate::consents::row(inbox_id, crate::consents::With::Conversation(0), version, code)
        });
        crate::conversations::one_statement::start(&state.held, row, first, consent).await?
    } else {
        state
            .writer
            .run(move |db| {
                Box::pin(async move {
                    let txn = db.begin().await?;
                    let conversation = row.insert(&txn).await?;
                    if let Some((inbox_id, version)) = consent {
                        let with = crate::consents::With::Conversation(conversation.id);
                        crate::consents::record(&txn, inbox_id, with, version, code).await?;
                    }
                    first.conversation_id = Set(conversation.id);
                    let stored = crate::entities::messages::Entity::insert(first).exec_with_returning(&txn).await?;
                    txn.commit().await?;
                    Ok((conversation, stored))
                })
            })
            .await?
    };
    // The stored row holds sealed text; the greeting is what was said.
    stored.content = greeting;
    store::publish(state, &conversation, &stored);
    if let Some(customer) = &customer_ref {
        audit_identified(state, &conversation.public_id, customer, meta).await?;
    }
    Ok(StartChatResponse {
        conversation_id: conversation.public_id,
        status: "started".to_owned(),
        messages: vec![to_out(&stored)],
        visitor_token: token,
        identified: customer_ref.is_some(),
        language: language.code().to_owned(),
    })
}
