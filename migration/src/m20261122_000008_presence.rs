//! Agent presence (online / away / offline, and when each agent last got a ticket, for
//! round-robin) and work sessions (for working-hours reports).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AgentPresence {
    Table,
    UserId,
    Status,
    LastAssignedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum WorkSessions {
    Table,
    Id,
    UserId,
    StartedAt,
    EndedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use AgentPresence as P;
        use WorkSessions as W;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(P::UserId).integer().not_null().primary_key())
                    .col(ColumnDef::new(P::Status).string_len(16).not_null())
                    .col(ColumnDef::new(P::LastAssignedAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(P::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_agent_presence_status").table(P::Table).col(P::Status).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(W::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(W::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(W::UserId).integer().not_null())
                    .col(ColumnDef::new(W::StartedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(W::EndedAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_work_sessions_user_started")
                    .table(W::Table)
                    .col(W::UserId)
                    .col(W::StartedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(WorkSessions::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(AgentPresence::Table).to_owned()).await
    }
}
