//! Read state: how far a person on the bank's side and the customer have read each conversation
//! (message numbers), for read receipts both ways and unread counts.

use sea_orm_migration::prelude::*;

#[derive(DeriveIden)]
enum Conversations {
    Table,
    AgentReadSeq,
    CustomerReadSeq,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Conversations::AgentReadSeq, Conversations::CustomerReadSeq] {
            let def = ColumnDef::new(column).big_integer().not_null().default(0).to_owned();
            manager.alter_table(Table::alter().table(Conversations::Table).add_column(def).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Conversations::AgentReadSeq, Conversations::CustomerReadSeq] {
            manager.alter_table(Table::alter().table(Conversations::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
