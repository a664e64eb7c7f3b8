//! Service levels on tickets: when the first answer and the resolution are due (from the
//! priority's targets when the ticket opened or its priority changed), and when each breach was
//! first noticed — set once, by whichever server claims it, so supervisors hear of it once.

use sea_orm_migration::prelude::*;

#[derive(DeriveIden)]
enum Tickets {
    Table,
    FirstResponseDueAt,
    ResolutionDueAt,
    FirstResponseBreachedAt,
    ResolutionBreachedAt,
}

const INDEXES: [(&str, Tickets); 2] = [
    ("idx_tickets_first_response_due", Tickets::FirstResponseDueAt),
    ("idx_tickets_resolution_due", Tickets::ResolutionDueAt),
];

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in [
            Tickets::FirstResponseDueAt,
            Tickets::ResolutionDueAt,
            Tickets::FirstResponseBreachedAt,
            Tickets::ResolutionBreachedAt,
        ] {
            let def = ColumnDef::new(column).timestamp_with_time_zone().null().to_owned();
            manager.alter_table(Table::alter().table(Tickets::Table).add_column(def).to_owned()).await?;
        }
        for (name, column) in INDEXES {
            manager.create_index(Index::create().name(name).table(Tickets::Table).col(column).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, _) in INDEXES {
            manager.drop_index(Index::drop().name(name).table(Tickets::Table).to_owned()).await?;
        }
        for column in [
            Tickets::FirstResponseDueAt,
            Tickets::ResolutionDueAt,
            Tickets::FirstResponseBreachedAt,
            Tickets::ResolutionBreachedAt,
        ] {
            manager.alter_table(Table::alter().table(Tickets::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
