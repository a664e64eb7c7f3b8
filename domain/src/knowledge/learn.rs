//! What the assistant learns from staff: a reviewer who names the right article for a wrong answer
//! adds the customer's question to that article's examples; a customer's erasure takes it back.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter, Set,
    TransactionTrait,
};

use super::{commit_audited, examples_of, published, to_out, validate};
use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::knowledge_articles;
use crate::error::{DomainError, DomainResult};
use crate::model::ArticleOut;
use crate::state::AppState;

/// Adds `question` (redacted) to the examples of the active article `id`, dropping the oldest
/// when full, and bumps its version: the assistant learns from a review. The caller checks roles
/// and audits. A question the article already has changes nothing.
/// The article and its audit record (`assistant.example_learned`, naming the answer `answer_id`
/// taught from) commit together.
pub async fn learn_example(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    question: &str,
    answer_id: i64,
    meta: &RequestMeta,
) -> DomainResult<ArticleOut> {
    let row = knowledge_articles::Entity::find_by_id(id)
        .filter(knowledge_articles::Column::IsActive.eq(true))
        .one(&state.db)
        .await?
        .ok_or_else(|| DomainError::validation("article_id", "No active article has this id"))?;
    let mut examples = examples_of(&row);
    let learned = validate::examples(&[question.to_owned()])?;
    let entry = |version: i32| {
        Entry::new("assistant.example_learned", Outcome::Success)
            .resource("knowledge_article", id)
            .details(serde_json::json!({ "answer_id": answer_id, "version": version }))
    };
    let known = |q: &String| examples.iter().any(|e| e.to_lowercase() == q.to_lowercase());
    let Some(question) = learned.into_iter().next().filter(|q| !known(q)) else {
        // Nothing new to learn: the teaching is still on record.
        state.audit.record(entry(row.version).actor(actor.id, &actor.username), meta).await?;
        return Ok(to_out(&row));
    };
    examples.push(question);
    if examples.len() > validate::MAX_EXAMPLES {
        examples.remove(0);
    }
    let txn = state.db.begin().await?;
    let updated = with_examples(row, &examples, actor).update(&txn).await?;
    commit_audited(state, txn, actor, entry(updated.version), meta).await?;
    Ok(published(state, &updated).await)
}

/// `row` with these example questions, as a new version by `actor`.
fn with_examples(
    row: knowledge_articles::Model,
    examples: &[String],
    actor: &CurrentUser,
) -> knowledge_articles::ActiveModel {
    let version = row.version + 1;
    let mut active = row.into_active_model();
    active.examples = Set(Some(serde_json::json!(examples)));
    active.version = Set(version);
    active.updated_by = Set(Some(actor.id));
    active.updated_at = Set(Utc::now());
    active
}

/// Forgets questions the assistant was taught from a customer's answers (their erasure): each
/// `(article, question)` leaves that article's examples, whose version goes up, in the caller's
/// transaction. Returns how many went and the changed articles, for [`republish`] once committed.
pub async fn forget_examples(
    txn: &DatabaseTransaction,
    actor: &CurrentUser,
    taught: &[(i32, String)],
) -> DomainResult<(u64, Vec<knowledge_articles::Model>)> {
    let ids = taught.iter().map(|(id, _)| *id);
    let rows = knowledge_articles::Entity::find().filter(knowledge_articles::Column::Id.is_in(ids)).all(txn).await?;
    let (mut forgotten, mut changed) = (0, Vec::new());
    for row in rows {
        // As `learn_example` stored them.
        let gone: Vec<String> = taught
            .iter()
            .filter(|(id, _)| *id == row.id)
            .filter_map(|(_, q)| validate::examples(std::slice::from_ref(q)).ok()?.into_iter().next())
            .map(|q| q.to_lowercase())
            .collect();
        let mut examples = examples_of(&row);
        let before = examples.len();
        examples.retain(|e| !gone.contains(&e.to_lowercase()));
        if examples.len() == before {
            continue;
        }
        forgotten += (before - examples.len()) as u64;
        changed.push(with_examples(row, &examples, actor).update(txn).await?);
    }
    Ok((forgotten, changed))
}

/// Brings the assistant (here and on the other instances) up to date with committed articles.
pub async fn republish(state: &AppState, rows: &[knowledge_articles::Model]) {
    for row in rows {
        published(state, row).await;
    }
}
