//! Knowledge-base articles the assistant answers from. Search runs on the assistant's in-process
//! index, so the table only needs indexes for the staff list (category, activity, recency).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KnowledgeArticles {
    Table,
    Id,
    Title,
    Content,
    Category,
    Tags,
    Language,
    IsActive,
    Version,
    CreatedBy,
    UpdatedBy,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use KnowledgeArticles as K;
        manager
            .create_table(
                Table::create()
                    .table(K::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(K::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(K::Title).string_len(255).not_null())
                    .col(ColumnDef::new(K::Content).text().not_null())
                    .col(ColumnDef::new(K::Category).string_len(64).not_null())
                    .col(ColumnDef::new(K::Tags).json().not_null())
                    .col(ColumnDef::new(K::Language).string_len(8).not_null())
                    .col(ColumnDef::new(K::IsActive).boolean().not_null())
                    .col(ColumnDef::new(K::Version).integer().not_null())
                    .col(ColumnDef::new(K::CreatedBy).integer().null())
                    .col(ColumnDef::new(K::UpdatedBy).integer().null())
                    .col(ColumnDef::new(K::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(K::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_knowledge_active_category")
                    .table(K::Table)
                    .col(K::IsActive)
                    .col(K::Category)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_knowledge_updated_at").table(K::Table).col(K::UpdatedAt).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(KnowledgeArticles::Table).to_owned()).await
    }
}
