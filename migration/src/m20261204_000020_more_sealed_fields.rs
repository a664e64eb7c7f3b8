//! A ticket's customer name, e-mail and subject, and a conversation's verified customer reference,
//! metadata and rating comment are sealed at rest (`domain::vault`): the subject and the reference
//! become `TEXT` on PostgreSQL, and the ticket's e-mail and the conversation's reference get blind
//! indexes — keyed hashes — for finding a customer's tickets and conversations and counting the
//! offline messages one address sent.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tickets {
    Table,
    CustomerEmailIndex,
}

#[derive(DeriveIden)]
enum Conversations {
    Table,
    CustomerRefIndex,
}

const INDEX: &str = "idx_tickets_customer_email_index";
const REF_INDEX: &str = "idx_conversations_customer_ref_index";
/// `(table, column, length before)`.
const WIDENED: [(&str, &str, u32); 2] = [("tickets", "subject", 255), ("conversations", "customer_ref", 128)];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            for (table, column, _) in WIDENED {
                let sql = format!("ALTER TABLE {table} ALTER COLUMN {column} TYPE TEXT");
                manager.get_connection().execute_unprepared(&sql).await?;
            }
        }
        let column = ColumnDef::new(Tickets::CustomerEmailIndex).string_len(32).null().to_owned();
        manager.alter_table(Table::alter().table(Tickets::Table).add_column(column).to_owned()).await?;
        let index = Index::create().name(INDEX).table(Tickets::Table).col(Tickets::CustomerEmailIndex).to_owned();
        manager.create_index(index).await?;
        let column = ColumnDef::new(Conversations::CustomerRefIndex).string_len(32).null().to_owned();
        manager.alter_table(Table::alter().table(Conversations::Table).add_column(column).to_owned()).await?;
        let index =
            Index::create().name(REF_INDEX).table(Conversations::Table).col(Conversations::CustomerRefIndex).to_owned();
        manager.create_index(index).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(REF_INDEX).table(Conversations::Table).to_owned()).await?;
        let drop = Table::alter().table(Conversations::Table).drop_column(Conversations::CustomerRefIndex).to_owned();
        manager.alter_table(drop).await?;
        manager.drop_index(Index::drop().name(INDEX).table(Tickets::Table).to_owned()).await?;
        let drop = Table::alter().table(Tickets::Table).drop_column(Tickets::CustomerEmailIndex).to_owned();
        manager.alter_table(drop).await?;
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            for (table, column, length) in WIDENED {
                let sql = format!("ALTER TABLE {table} ALTER COLUMN {column} TYPE VARCHAR({length})");
                manager.get_connection().execute_unprepared(&sql).await?;
            }
        }
        Ok(())
    }
}
