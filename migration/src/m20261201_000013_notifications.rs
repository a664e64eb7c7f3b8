//! Notifications: an outbox. Every e-mail or SMS is stored PENDING first and delivered by a
//! background worker (SENT, or FAILED after its last attempt), so nothing is lost to a crash or an
//! SMTP outage. Staff notifications also feed the admin panel's bell (`read_at`).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Notifications {
    Table,
    Id,
    UserId,
    RecipientEmail,
    RecipientPhone,
    NotificationType,
    Category,
    Status,
    Subject,
    Body,
    Html,
    ResourceType,
    ResourceId,
    SentAt,
    DeliveryAttempts,
    ErrorMessage,
    NextAttemptAt,
    LockedUntil,
    ReadAt,
    CreatedAt,
    UpdatedAt,
}

const INDEXES: [&str; 3] =
    ["idx_notifications_user_created", "idx_notifications_status_due", "idx_notifications_category"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Notifications as N;
        manager
            .create_table(
                Table::create()
                    .table(N::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(N::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(N::UserId).integer().null())
                    .col(ColumnDef::new(N::RecipientEmail).string_len(254).null())
                    .col(ColumnDef::new(N::RecipientPhone).string_len(32).null())
                    .col(ColumnDef::new(N::NotificationType).string_len(8).not_null())
                    .col(ColumnDef::new(N::Category).string_len(16).not_null())
                    .col(ColumnDef::new(N::Status).string_len(12).not_null())
                    .col(ColumnDef::new(N::Subject).string_len(255).not_null())
                    .col(ColumnDef::new(N::Body).text().not_null())
                    .col(ColumnDef::new(N::Html).text().null())
                    .col(ColumnDef::new(N::ResourceType).string_len(32).null())
                    .col(ColumnDef::new(N::ResourceId).string_len(64).null())
                    .col(ColumnDef::new(N::SentAt).big_integer().null())
                    .col(ColumnDef::new(N::DeliveryAttempts).integer().not_null())
                    .col(ColumnDef::new(N::ErrorMessage).text().null())
                    .col(ColumnDef::new(N::NextAttemptAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(N::LockedUntil).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(N::ReadAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(N::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(N::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        let columns: [&[N]; 3] = [&[N::UserId, N::CreatedAt], &[N::Status, N::NextAttemptAt], &[N::Category]];
        for (name, cols) in INDEXES.iter().zip(columns) {
            let mut index = Index::create();
            index.name(*name).table(N::Table);
            for col in cols {
                index.col(*col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in INDEXES {
            manager.drop_index(Index::drop().name(name).table(Notifications::Table).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(Notifications::Table).to_owned()).await
    }
}
