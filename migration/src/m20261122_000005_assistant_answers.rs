//! The accuracy log: every answer the assistant gave, with what it was based on, for staff to
//! review and mark helpful or wrong. Questions are stored redacted.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AssistantAnswers {
    Table,
    Id,
    CreatedAt,
    Channel,
    ConversationId,
    Question,
    Answer,
    Language,
    Intent,
    Sources,
    Confidence,
    Provider,
    LatencyMs,
    Escalated,
    Verdict,
    VerdictNote,
    VerdictBy,
    VerdictAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use AssistantAnswers as A;
        manager
            .create_table(
                Table::create()
                    .table(A::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(A::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(A::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(A::Channel).string_len(16).not_null())
                    .col(ColumnDef::new(A::ConversationId).string_len(36).null())
                    .col(ColumnDef::new(A::Question).text().not_null())
                    .col(ColumnDef::new(A::Answer).text().not_null())
                    .col(ColumnDef::new(A::Language).string_len(8).not_null())
                    .col(ColumnDef::new(A::Intent).string_len(32).not_null())
                    .col(ColumnDef::new(A::Sources).json().not_null())
                    .col(ColumnDef::new(A::Confidence).double().not_null())
                    .col(ColumnDef::new(A::Provider).string_len(32).not_null())
                    .col(ColumnDef::new(A::LatencyMs).big_integer().not_null())
                    .col(ColumnDef::new(A::Escalated).boolean().not_null())
                    .col(ColumnDef::new(A::Verdict).string_len(16).null())
                    .col(ColumnDef::new(A::VerdictNote).text().null())
                    .col(ColumnDef::new(A::VerdictBy).integer().null())
                    .col(ColumnDef::new(A::VerdictAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_assistant_answers_created_at", A::CreatedAt),
            ("idx_assistant_answers_verdict", A::Verdict),
            ("idx_assistant_answers_confidence", A::Confidence),
            ("idx_assistant_answers_conversation", A::ConversationId),
        ] {
            manager.create_index(Index::create().name(name).table(A::Table).col(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AssistantAnswers::Table).to_owned()).await
    }
}
