//! What the assistant learns: example questions per article (written by staff or learned from a
//! review that named the right article), the article a reviewer picked on a wrong answer, and the
//! articles' embeddings when an embeddings provider is configured (bytes of little-endian `f32`,
//! compared in process, so both databases store them the same way).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KnowledgeArticles {
    Table,
    Examples,
}

#[derive(DeriveIden)]
enum AssistantAnswers {
    Table,
    CorrectArticleId,
}

#[derive(DeriveIden)]
enum ArticleEmbeddings {
    Table,
    ArticleId,
    Model,
    Dims,
    Vector,
    ContentHash,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(KnowledgeArticles::Table)
                    .add_column(ColumnDef::new(KnowledgeArticles::Examples).json().null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AssistantAnswers::Table)
                    .add_column(ColumnDef::new(AssistantAnswers::CorrectArticleId).integer().null())
                    .to_owned(),
            )
            .await?;
        use ArticleEmbeddings as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(E::ArticleId).integer().not_null().primary_key())
                    .col(ColumnDef::new(E::Model).string_len(128).not_null())
                    .col(ColumnDef::new(E::Dims).integer().not_null())
                    .col(ColumnDef::new(E::Vector).binary().not_null())
                    .col(ColumnDef::new(E::ContentHash).string_len(64).not_null())
                    .col(ColumnDef::new(E::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ArticleEmbeddings::Table).to_owned()).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AssistantAnswers::Table)
                    .drop_column(AssistantAnswers::CorrectArticleId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(KnowledgeArticles::Table).drop_column(KnowledgeArticles::Examples).to_owned(),
            )
            .await
    }
}
