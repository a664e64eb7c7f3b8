//! Settings: system-wide (ADMIN writes; some public) and per user, as JSON values by key.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Settings {
    Table,
    Id,
    /// `system:KEY` or `user:ID:KEY`: one row per key and owner, on every database.
    ScopeKey,
    Key,
    Value,
    SettingType,
    UserId,
    Category,
    Description,
    IsPublic,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Settings as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(S::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(S::ScopeKey).string_len(160).not_null().unique_key())
                    .col(ColumnDef::new(S::Key).string_len(100).not_null())
                    .col(ColumnDef::new(S::Value).json().not_null())
                    .col(ColumnDef::new(S::SettingType).string_len(8).not_null())
                    .col(ColumnDef::new(S::UserId).integer().null())
                    .col(ColumnDef::new(S::Category).string_len(64).not_null())
                    .col(ColumnDef::new(S::Description).text().null())
                    .col(ColumnDef::new(S::IsPublic).boolean().not_null())
                    .col(ColumnDef::new(S::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(S::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_settings_type_user_category")
                    .table(S::Table)
                    .col(S::SettingType)
                    .col(S::UserId)
                    .col(S::Category)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("idx_settings_type_user_category").table(Settings::Table).to_owned())
            .await?;
        manager.drop_table(Table::drop().table(Settings::Table).to_owned()).await
    }
}
