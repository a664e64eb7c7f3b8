//! The audit trail of privileged actions. Each record carries the hash of the previous one so
//! tampering is detectable.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    CreatedAt,
    ActorId,
    ActorName,
    Action,
    ResourceType,
    ResourceId,
    Ip,
    UserAgent,
    Endpoint,
    Method,
    Details,
    Outcome,
    PrevHash,
    Hash,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(AuditLog::Id).big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(AuditLog::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(AuditLog::ActorId).integer().null())
                    .col(ColumnDef::new(AuditLog::ActorName).string_len(255).null())
                    .col(ColumnDef::new(AuditLog::Action).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::ResourceType).string_len(64).null())
                    .col(ColumnDef::new(AuditLog::ResourceId).string_len(64).null())
                    .col(ColumnDef::new(AuditLog::Ip).string_len(64).null())
                    .col(ColumnDef::new(AuditLog::UserAgent).string_len(512).null())
                    .col(ColumnDef::new(AuditLog::Endpoint).string_len(512).null())
                    .col(ColumnDef::new(AuditLog::Method).string_len(16).null())
                    .col(ColumnDef::new(AuditLog::Details).json().not_null())
                    .col(ColumnDef::new(AuditLog::Outcome).string_len(16).not_null())
                    .col(ColumnDef::new(AuditLog::PrevHash).string_len(64).not_null())
                    .col(ColumnDef::new(AuditLog::Hash).string_len(64).not_null())
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_audit_log_created_at", AuditLog::CreatedAt),
            ("idx_audit_log_actor", AuditLog::ActorId),
            ("idx_audit_log_action", AuditLog::Action),
        ] {
            manager.create_index(Index::create().name(name).table(AuditLog::Table).col(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AuditLog::Table).to_owned()).await
    }
}
