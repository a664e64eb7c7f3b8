//! The conversation list's order (most recently active first, then by id) as an index: without it
//! every page sorted the whole table (10 ms of SQLite's time a page at 5,700 conversations).

use sea_orm_migration::prelude::*;

#[derive(DeriveIden)]
enum Conversations {
    Table,
    UpdatedAt,
    Id,
}

const NAME: &str = "idx_conversations_updated_id";

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let index = Index::create()
            .name(NAME)
            .table(Conversations::Table)
            .col(Conversations::UpdatedAt)
            .col(Conversations::Id)
            .to_owned();
        manager.create_index(index).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(NAME).table(Conversations::Table).to_owned()).await
    }
}
