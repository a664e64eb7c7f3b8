//! Canned responses: ready-made replies agents insert with a shortcut.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CannedResponses {
    Table,
    Id,
    Shortcut,
    Title,
    Content,
    Language,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use CannedResponses as C;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(C::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(C::Shortcut).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(C::Title).string_len(255).not_null())
                    .col(ColumnDef::new(C::Content).text().not_null())
                    .col(ColumnDef::new(C::Language).string_len(8).not_null())
                    .col(ColumnDef::new(C::CreatedBy).integer().null())
                    .col(ColumnDef::new(C::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(C::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CannedResponses::Table).to_owned()).await
    }
}
