//! One successor per audit record: two servers appending at once cannot fork the chain; the one
//! that loses re-reads the end of the chain and links after the winner.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    PrevHash,
}

const INDEX: &str = "idx_audit_log_prev_hash_unique";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create().name(INDEX).table(AuditLog::Table).col(AuditLog::PrevHash).unique().to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(INDEX).table(AuditLog::Table).to_owned()).await
    }
}
