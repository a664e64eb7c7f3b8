//! Keeps article embeddings in step with the knowledge base when an embeddings provider is
//! configured: an article is embedded when it is created or changed (after the change is
//! committed; a provider failure never fails the write), its vector is stored with the model and
//! a hash of the text, and stored vectors are loaded at start-up. Articles without a current
//! vector (a failed call, a new model) are embedded again by [`backfill`], which start-up runs in
//! the background. Only article text is sent: titles, tags, content and example questions, the
//! last already redacted.

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set, sea_query::OnConflict};
use sha2::{Digest, Sha256};

use crate::assistant::embeddings::BATCH;
use crate::entities::{article_embeddings, knowledge_articles};
use crate::error::DomainResult;
use crate::state::AppState;

/// Characters of an article sent to the provider (models have input limits; the start of an
/// article says what it is about).
const MAX_CHARS: usize = 6_000;

/// The text embedded for an article.
pub fn text_of(row: &knowledge_articles::Model) -> String {
    let tags: Vec<String> = serde_json::from_value(row.tags.clone()).unwrap_or_default();
    let examples: Vec<String> = row.examples.clone().and_then(|e| serde_json::from_value(e).ok()).unwrap_or_default();
    let text = format!("{}\n{}\n{}\n{}", row.title, examples.join("\n"), tags.join(", "), row.content);
    text.chars().take(MAX_CHARS).collect()
}

fn hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

fn to_bytes(vector: &[f32]) -> Vec<u8> {
    vector.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn from_bytes(bytes: &[u8]) -> Vec<f32> {
    bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// Follows one article's change: embeds it (active) or drops its vector (inactive).
pub async fn follow(state: &AppState, row: &knowledge_articles::Model) {
    let Some(embedder) = state.assistant.embedder() else { return };
    if !row.is_active {
        state.assistant.vectors_mut().remove(row.id);
        let _ = article_embeddings::Entity::delete_by_id(row.id).exec(&state.db).await;
        return;
    }
    let text = text_of(row);
    let digest = hash(&text);
    let stored = article_embeddings::Entity::find_by_id(row.id).one(&state.db).await.ok().flatten();
    if let Some(stored) = stored.filter(|s| s.content_hash == digest && s.model == embedder.model()) {
        state.assistant.vectors_mut().upsert(row.id, from_bytes(&stored.vector));
        return;
    }
    match embedder.embed(std::slice::from_ref(&text)).await {
        Ok(mut vectors) => {
            if let Some(vector) = vectors.pop()
                && let Err(error) = store(state, row.id, embedder.model(), &digest, &vector).await
            {
                tracing::warn!(article = row.id, %error, "cannot store an article's embedding");
            }
        }
        Err(error) => {
            tracing::warn!(article = row.id, %error, "cannot embed an article; it is found lexically until backfilled")
        }
    }
}

async fn store(state: &AppState, id: i32, model: &str, digest: &str, vector: &[f32]) -> DomainResult<()> {
    let row = article_embeddings::ActiveModel {
        article_id: Set(id),
        model: Set(model.to_owned()),
        dims: Set(i32::try_from(vector.len()).unwrap_or(i32::MAX)),
        vector: Set(to_bytes(vector)),
        content_hash: Set(digest.to_owned()),
        updated_at: Set(Utc::now()),
    };
    let columns = [
        article_embeddings::Column::Model,
        article_embeddings::Column::Dims,
        article_embeddings::Column::Vector,
        article_embeddings::Column::ContentHash,
        article_embeddings::Column::UpdatedAt,
    ];
    article_embeddings::Entity::insert(row)
        .on_conflict(OnConflict::column(article_embeddings::Column::ArticleId).update_columns(columns).to_owned())
        .exec(&state.db)
        .await?;
    state.assistant.vectors_mut().upsert(id, vector.to_vec());
    Ok(())
}

/// Loads the stored vectors of active articles that are current (same model, same text); returns
/// how many articles still need one.
pub async fn load(state: &AppState, active: &[knowledge_articles::Model]) -> DomainResult<usize> {
    let Some(embedder) = state.assistant.embedder() else { return Ok(0) };
    let stored = article_embeddings::Entity::find()
        .filter(article_embeddings::Column::Model.eq(embedder.model()))
        .all(&state.db)
        .await?;
    let mut vectors = state.assistant.vectors_mut();
    let mut missing = 0;
    for row in active {
        match stored.iter().find(|s| s.article_id == row.id) {
            Some(s) if s.content_hash == hash(&text_of(row)) => vectors.upsert(row.id, from_bytes(&s.vector)),
            _ => missing += 1,
        }
    }
    Ok(missing)
}

/// Embeds every active article without a current vector, `BATCH` at a time; returns how many
/// were embedded. Stops at the first provider failure (the next start-up tries again).
pub async fn backfill(state: &AppState) -> DomainResult<usize> {
    let Some(embedder) = state.assistant.embedder() else { return Ok(0) };
    let rows =
        knowledge_articles::Entity::find().filter(knowledge_articles::Column::IsActive.eq(true)).all(&state.db).await?;
    let pending: Vec<&knowledge_articles::Model> =
        rows.iter().filter(|r| !state.assistant.vectors().contains(r.id)).collect();
    let mut done = 0;
    for batch in pending.chunks(BATCH) {
        let texts: Vec<String> = batch.iter().map(|r| text_of(r)).collect();
        let vectors = match embedder.embed(&texts).await {
            Ok(vectors) => vectors,
            Err(error) => {
                tracing::warn!(%error, done, "embedding backfill stopped; lexical retrieval covers the rest");
                break;
            }
        };
        for ((row, text), vector) in batch.iter().zip(&texts).zip(vectors) {
            store(state, row.id, embedder.model(), &hash(text), &vector).await?;
            done += 1;
        }
    }
    Ok(done)
}
