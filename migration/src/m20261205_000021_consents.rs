//! The privacy notice a customer accepts before the chat: the inbox keeps its notice (required or
//! not, a version and the text in each language, JSON), and `consents` keeps each acceptance — the
//! version, the language it was read in and when — with the conversation or offline message it
//! came with. A consent holds no personal data of its own.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Inboxes {
    Table,
    PrivacyNotice,
}

#[derive(DeriveIden)]
enum Consents {
    Table,
    Id,
    InboxId,
    ConversationId,
    TicketId,
    Version,
    Language,
    AcceptedAt,
}

const BY_CONVERSATION: &str = "idx_consents_conversation_id";
const BY_TICKET: &str = "idx_consents_ticket_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Consents as C;
        let column = ColumnDef::new(Inboxes::PrivacyNotice).json().null().to_owned();
        manager.alter_table(Table::alter().table(Inboxes::Table).add_column(column).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(C::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(C::InboxId).integer().null())
                    .col(ColumnDef::new(C::ConversationId).integer().null())
                    .col(ColumnDef::new(C::TicketId).integer().null())
                    .col(ColumnDef::new(C::Version).string_len(32).not_null())
                    .col(ColumnDef::new(C::Language).string_len(8).not_null())
                    .col(ColumnDef::new(C::AcceptedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        for (name, column) in [(BY_CONVERSATION, C::ConversationId), (BY_TICKET, C::TicketId)] {
            manager.create_index(Index::create().name(name).table(C::Table).col(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Consents::Table).to_owned()).await?;
        let drop = Table::alter().table(Inboxes::Table).drop_column(Inboxes::PrivacyNotice).to_owned();
        manager.alter_table(drop).await
    }
}
