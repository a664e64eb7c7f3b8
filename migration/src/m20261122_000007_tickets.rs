//! Tickets (a conversation handed to a person, or opened by staff) and their internal notes.
//! `open_conversation_id` holds the conversation id while the ticket is open and is unique, so a
//! conversation can never have two open tickets — however many escalations race.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
    TicketId,
    ConversationId,
    OpenConversationId,
    CustomerName,
    CustomerEmail,
    Subject,
    Description,
    Status,
    Priority,
    Category,
    AssignedTo,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    FirstResponseAt,
    ResolvedAt,
}

#[derive(DeriveIden)]
enum TicketNotes {
    Table,
    Id,
    TicketId,
    AuthorId,
    Body,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use TicketNotes as N;
        use Tickets as T;
        manager
            .create_table(
                Table::create()
                    .table(T::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(T::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(T::TicketId).string_len(16).not_null().unique_key())
                    .col(ColumnDef::new(T::ConversationId).integer().null())
                    .col(ColumnDef::new(T::OpenConversationId).integer().null().unique_key())
                    .col(ColumnDef::new(T::CustomerName).string_len(255).not_null())
                    .col(ColumnDef::new(T::CustomerEmail).string_len(255).null())
                    .col(ColumnDef::new(T::Subject).string_len(255).not_null())
                    .col(ColumnDef::new(T::Description).text().not_null())
                    .col(ColumnDef::new(T::Status).string_len(16).not_null())
                    .col(ColumnDef::new(T::Priority).string_len(16).not_null())
                    .col(ColumnDef::new(T::Category).string_len(64).not_null())
                    .col(ColumnDef::new(T::AssignedTo).integer().null())
                    .col(ColumnDef::new(T::CreatedBy).integer().null())
                    .col(ColumnDef::new(T::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(T::UpdatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(T::FirstResponseAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(T::ResolvedAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_tickets_status_priority_created", vec![T::Status, T::Priority, T::CreatedAt]),
            ("idx_tickets_assigned_status", vec![T::AssignedTo, T::Status]),
            ("idx_tickets_conversation", vec![T::ConversationId]),
            ("idx_tickets_created", vec![T::CreatedAt]),
        ] {
            let mut index = Index::create();
            index.name(name).table(T::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(N::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(N::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(N::TicketId).integer().not_null())
                    .col(ColumnDef::new(N::AuthorId).integer().not_null())
                    .col(ColumnDef::new(N::Body).text().not_null())
                    .col(ColumnDef::new(N::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_ticket_notes_ticket")
                            .from(N::Table, N::TicketId)
                            .to(T::Table, T::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_ticket_notes_ticket").table(N::Table).col(N::TicketId).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(TicketNotes::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Tickets::Table).to_owned()).await
    }
}
