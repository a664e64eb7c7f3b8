//! Failed sign-ins per username, shared by every server on the database: after a few in a row the
//! name is locked for a growing time, however many addresses the guesses come from.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LoginFailures {
    Table,
    UsernameKey,
    Failures,
    LockedUntil,
    LastFailureAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use LoginFailures as F;
        manager
            .create_table(
                Table::create()
                    .table(F::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(F::UsernameKey).string_len(255).not_null().primary_key())
                    .col(ColumnDef::new(F::Failures).integer().not_null())
                    .col(ColumnDef::new(F::LockedUntil).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(F::LastFailureAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(LoginFailures::Table).to_owned()).await
    }
}
