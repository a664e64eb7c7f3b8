//! Indexes for the analytics aggregates: counting by day over messages, conversations and
//! tickets, and the averages of ratings and response times, without reading whole tables.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Messages {
    Table,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Conversations {
    Table,
    CreatedAt,
    Status,
    AssignedTo,
    CsatScore,
    LastSeq,
}

#[derive(DeriveIden)]
enum AssistantAnswers {
    Table,
    CreatedAt,
    Confidence,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    ResolvedAt,
    FirstResponseAt,
    CreatedAt,
}

fn indexes() -> Vec<(&'static str, DynIden, IndexCreateStatement)> {
    let on = |name: &'static str, table: DynIden, cols: Vec<DynIden>| {
        let mut index = Index::create();
        index.name(name).table(table.clone());
        for col in cols {
            index.col(col);
        }
        (name, table, index.to_owned())
    };
    vec![
        on("idx_messages_created", Messages::Table.into_iden(), vec![Messages::CreatedAt.into_iden()]),
        // Covers the period figures, so they never read the table's rows.
        on(
            "idx_conversations_created",
            Conversations::Table.into_iden(),
            vec![
                Conversations::CreatedAt.into_iden(),
                Conversations::Status.into_iden(),
                Conversations::AssignedTo.into_iden(),
                Conversations::CsatScore.into_iden(),
                Conversations::LastSeq.into_iden(),
            ],
        ),
        on(
            "idx_assistant_answers_created_confidence",
            AssistantAnswers::Table.into_iden(),
            vec![AssistantAnswers::CreatedAt.into_iden(), AssistantAnswers::Confidence.into_iden()],
        ),
        on("idx_conversations_csat", Conversations::Table.into_iden(), vec![Conversations::CsatScore.into_iden()]),
        on(
            "idx_tickets_resolved",
            Tickets::Table.into_iden(),
            vec![Tickets::ResolvedAt.into_iden(), Tickets::CreatedAt.into_iden()],
        ),
        on(
            "idx_tickets_first_response",
            Tickets::Table.into_iden(),
            vec![Tickets::FirstResponseAt.into_iden(), Tickets::CreatedAt.into_iden()],
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (_, _, index) in indexes() {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in indexes().into_iter().rev() {
            manager.drop_index(Index::drop().name(name).table(table).to_owned()).await?;
        }
        Ok(())
    }
}
