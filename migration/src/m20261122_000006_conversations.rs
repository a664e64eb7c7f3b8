//! Conversations and their messages. A conversation's public id is a v4 UUID; the visitor token
//! that reads its history is stored only as a hash. Messages are numbered per conversation
//! (`seq`), so a client that reconnects asks for what came after the last number it saw.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Conversations {
    Table,
    Id,
    PublicId,
    VisitorId,
    VisitorTokenHash,
    CustomerId,
    Status,
    Language,
    Metadata,
    LastSeq,
    LowConfidenceTurns,
    AssignedTo,
    CreatedAt,
    UpdatedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum Messages {
    Table,
    Id,
    ConversationId,
    Seq,
    Role,
    AuthorId,
    Content,
    Metadata,
    ClientMessageId,
    ReplyTo,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Conversations as C;
        use Messages as M;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(C::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(C::PublicId).string_len(36).not_null().unique_key())
                    .col(ColumnDef::new(C::VisitorId).string_len(128).null())
                    .col(ColumnDef::new(C::VisitorTokenHash).string_len(64).not_null())
                    .col(ColumnDef::new(C::CustomerId).integer().null())
                    .col(ColumnDef::new(C::Status).string_len(16).not_null())
                    .col(ColumnDef::new(C::Language).string_len(8).not_null())
                    .col(ColumnDef::new(C::Metadata).json().not_null())
                    .col(ColumnDef::new(C::LastSeq).big_integer().not_null())
                    .col(ColumnDef::new(C::LowConfidenceTurns).integer().not_null())
                    .col(ColumnDef::new(C::AssignedTo).integer().null())
                    .col(ColumnDef::new(C::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(C::UpdatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(C::ClosedAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_conversations_status_updated")
                    .table(C::Table)
                    .col(C::Status)
                    .col(C::UpdatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_conversations_assigned").table(C::Table).col(C::AssignedTo).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(M::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(M::ConversationId).integer().not_null())
                    .col(ColumnDef::new(M::Seq).big_integer().not_null())
                    .col(ColumnDef::new(M::Role).string_len(16).not_null())
                    .col(ColumnDef::new(M::AuthorId).integer().null())
                    .col(ColumnDef::new(M::Content).text().not_null())
                    .col(ColumnDef::new(M::Metadata).json().not_null())
                    .col(ColumnDef::new(M::ClientMessageId).string_len(64).null())
                    .col(ColumnDef::new(M::ReplyTo).big_integer().null())
                    .col(ColumnDef::new(M::CreatedAt).timestamp_with_time_zone().not_null())
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_messages_conversation")
                            .from(M::Table, M::ConversationId)
                            .to(C::Table, C::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One number per message, one stored copy per client message id, one reply per message.
        for (name, cols) in [
            ("ux_messages_conversation_seq", [M::ConversationId, M::Seq]),
            ("ux_messages_client_id", [M::ConversationId, M::ClientMessageId]),
            ("ux_messages_reply_to", [M::ConversationId, M::ReplyTo]),
        ] {
            let mut index = Index::create();
            index.name(name).table(M::Table).unique();
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Messages::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Conversations::Table).to_owned()).await
    }
}
