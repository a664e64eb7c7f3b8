//! The customer's last few questions (redacted) kept on the conversation, so answering a message
//! reads one row instead of also querying the message history for follow-ups.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Conversations {
    Table,
    RecentQuestions,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let column = ColumnDef::new(Conversations::RecentQuestions).json().null().to_owned();
        manager.alter_table(Table::alter().table(Conversations::Table).add_column(column).to_owned()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Conversations::Table).drop_column(Conversations::RecentQuestions).to_owned(),
            )
            .await
    }
}
