//! Customers (the CRM): the bank's clients, with the indexes the list filters and the profile's
//! history (conversations by customer, tickets by e-mail) need.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Customers {
    Table,
    Id,
    FullName,
    Email,
    Phone,
    AccountNumber,
    CustomerType,
    Status,
    Preferences,
    Tags,
    Notes,
    AssignedAgentId,
    CreatedById,
    UpdatedById,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Conversations {
    Table,
    CustomerId,
    CustomerRef,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    CustomerEmail,
}

/// The indexes, with their names and tables (for `down`).
fn indexes() -> Vec<(&'static str, DynIden, IndexCreateStatement)> {
    use Customers as C;
    let on = |name: &'static str, table: DynIden, cols: Vec<DynIden>| {
        let mut index = Index::create();
        index.name(name).table(table.clone());
        for col in cols {
            index.col(col);
        }
        (name, table, index.to_owned())
    };
    let (conversations, tickets) = (Conversations::Table.into_iden(), Tickets::Table.into_iden());
    vec![
        on("idx_customers_status_type", C::Table.into_iden(), vec![C::Status.into_iden(), C::CustomerType.into_iden()]),
        on("idx_customers_agent", C::Table.into_iden(), vec![C::AssignedAgentId.into_iden()]),
        on("idx_customers_created", C::Table.into_iden(), vec![C::CreatedAt.into_iden()]),
        on("idx_conversations_customer", conversations.clone(), vec![Conversations::CustomerId.into_iden()]),
        on("idx_conversations_customer_ref", conversations, vec![Conversations::CustomerRef.into_iden()]),
        on("idx_tickets_customer_email", tickets, vec![Tickets::CustomerEmail.into_iden()]),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Customers as C;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(C::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(C::FullName).string_len(255).not_null())
                    // Unique, stored lower case; several customers may have none (NULLs never clash).
                    .col(ColumnDef::new(C::Email).string_len(254).null().unique_key())
                    .col(ColumnDef::new(C::Phone).string_len(32).null())
                    .col(ColumnDef::new(C::AccountNumber).string_len(64).null().unique_key())
                    .col(ColumnDef::new(C::CustomerType).string_len(16).not_null())
                    .col(ColumnDef::new(C::Status).string_len(16).not_null())
                    .col(ColumnDef::new(C::Preferences).json().not_null())
                    .col(ColumnDef::new(C::Tags).json().not_null())
                    .col(ColumnDef::new(C::Notes).text().null())
                    .col(ColumnDef::new(C::AssignedAgentId).integer().null())
                    .col(ColumnDef::new(C::CreatedById).integer().null())
                    .col(ColumnDef::new(C::UpdatedById).integer().null())
                    .col(ColumnDef::new(C::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(C::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        for (_, _, index) in indexes() {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in indexes().into_iter().rev() {
            manager.drop_index(Index::drop().name(name).table(table).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(Customers::Table).to_owned()).await
    }
}
