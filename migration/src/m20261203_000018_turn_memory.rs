//! What answering the next customer message needs, kept on the conversation so a turn reads one
//! row: the customer's last few questions (redacted) for follow-ups, and the client id of their
//! latest message, so its retry is answered from the stored reply without asking the assistant again.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Conversations {
    Table,
    RecentQuestions,
    LastClientMessageId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        let columns = [
            ColumnDef::new(Conversations::RecentQuestions).json().null().to_owned(),
            ColumnDef::new(Conversations::LastClientMessageId).string_len(64).null().to_owned(),
        ];
        for column in columns {
            manager.alter_table(Table::alter().table(Conversations::Table).add_column(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Conversations::LastClientMessageId, Conversations::RecentQuestions] {
            manager.alter_table(Table::alter().table(Conversations::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
