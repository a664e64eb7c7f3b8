//! Inboxes — one per bank website that embeds the widget: its public key, the origins allowed to
//! frame it, its look, greeting, language, pre-chat form, business hours and the secret that
//! signs customers' identity tokens. Conversations learn their inbox, the verified customer
//! reference, and the customer's rating (CSAT).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Inboxes {
    Table,
    Id,
    Key,
    Name,
    AllowedOrigins,
    ThemeColor,
    Position,
    GreetingEs,
    GreetingEn,
    DefaultLanguage,
    PrechatForm,
    BusinessHours,
    IdentitySecret,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Conversations {
    Table,
    InboxId,
    CustomerRef,
    CsatScore,
    CsatComment,
    RatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Inboxes as I;
        manager
            .create_table(
                Table::create()
                    .table(I::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(I::Id).integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new(I::Key).string_len(40).not_null().unique_key())
                    .col(ColumnDef::new(I::Name).string_len(255).not_null())
                    .col(ColumnDef::new(I::AllowedOrigins).json().not_null())
                    .col(ColumnDef::new(I::ThemeColor).string_len(7).not_null())
                    .col(ColumnDef::new(I::Position).string_len(8).not_null())
                    .col(ColumnDef::new(I::GreetingEs).text().null())
                    .col(ColumnDef::new(I::GreetingEn).text().null())
                    .col(ColumnDef::new(I::DefaultLanguage).string_len(8).not_null())
                    .col(ColumnDef::new(I::PrechatForm).boolean().not_null())
                    .col(ColumnDef::new(I::BusinessHours).json().null())
                    .col(ColumnDef::new(I::IdentitySecret).string_len(128).not_null())
                    .col(ColumnDef::new(I::Active).boolean().not_null())
                    .col(ColumnDef::new(I::CreatedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(I::UpdatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite adds one at a time.
        let columns = [
            ColumnDef::new(Conversations::InboxId).integer().null().to_owned(),
            ColumnDef::new(Conversations::CustomerRef).string_len(128).null().to_owned(),
            ColumnDef::new(Conversations::CsatScore).small_integer().null().to_owned(),
            ColumnDef::new(Conversations::CsatComment).text().null().to_owned(),
            ColumnDef::new(Conversations::RatedAt).timestamp_with_time_zone().null().to_owned(),
        ];
        for column in columns {
            manager.alter_table(Table::alter().table(Conversations::Table).add_column(column).to_owned()).await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_conversations_inbox")
                    .table(Conversations::Table)
                    .col(Conversations::InboxId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("idx_conversations_inbox").table(Conversations::Table).to_owned())
            .await?;
        let columns = [
            Conversations::RatedAt,
            Conversations::CsatComment,
            Conversations::CsatScore,
            Conversations::CustomerRef,
            Conversations::InboxId,
        ];
        for column in columns {
            manager.alter_table(Table::alter().table(Conversations::Table).drop_column(column).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(Inboxes::Table).to_owned()).await
    }
}
