//! The assistant's index follows the stored articles: all of them at start-up (and when this
//! server may have missed changes), one at a time after each change — here or on another server.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{embed, examples_of, tags_of};
use crate::assistant::index::{Doc, Index};
use crate::entities::knowledge_articles;
use crate::error::DomainResult;
use crate::state::AppState;

pub(super) fn doc(row: &knowledge_articles::Model) -> Doc {
    Doc {
        id: row.id,
        title: row.title.clone(),
        content: row.content.clone(),
        tags: tags_of(row),
        examples: examples_of(row),
        category: row.category.clone(),
        language: row.language.clone(),
    }
}

/// Keeps the assistant's index in step with one stored article.
pub(super) fn sync_index(state: &AppState, row: &knowledge_articles::Model) {
    let mut index = state.assistant.index_mut();
    if row.is_active {
        index.upsert(doc(row));
    } else {
        index.remove(row.id);
    }
}

/// Builds the index from every active article, and loads their stored embeddings (start-up).
/// Articles whose embedding is missing or stale are embedded in the background.
pub async fn load_index(state: &AppState) -> DomainResult<usize> {
    let rows =
        knowledge_articles::Entity::find().filter(knowledge_articles::Column::IsActive.eq(true)).all(&state.db).await?;
    let mut index = Index::new();
    for row in &rows {
        index.upsert(doc(row));
    }
    let count = index.len();
    *state.assistant.index_mut() = index;
    if embed::load(state, &rows).await? > 0 {
        let state = state.clone();
        tokio::spawn(async move {
            match embed::backfill(&state).await {
                Ok(done) => tracing::info!(done, "articles embedded"),
                Err(error) => tracing::warn!(%error, "embedding backfill failed"),
            }
        });
    }
    Ok(count)
}

/// Reads article `id` again into the index (another server changed it).
pub async fn reload(state: &AppState, id: i32) -> DomainResult<()> {
    match knowledge_articles::Entity::find_by_id(id).one(&state.db).await? {
        Some(row) => {
            sync_index(state, &row);
            embed::follow(state, &row).await;
        }
        None => {
            state.assistant.index_mut().remove(id);
            state.assistant.vectors_mut().remove(id);
        }
    }
    Ok(())
}
