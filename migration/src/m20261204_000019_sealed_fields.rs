//! Personal data sealed at rest (AES-256-GCM, see `domain::vault`): sealed values are longer than
//! the text they hold, so PostgreSQL's length-limited columns become `TEXT` (SQLite does not
//! enforce lengths). Customers get blind indexes — keyed hashes of the e-mail, phone and account
//! number — for equality lookups and uniqueness, since the sealed values themselves differ every
//! time they are written.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Customers {
    Table,
    EmailIndex,
    PhoneIndex,
    AccountIndex,
}

/// `(table, column, length before)` of the columns that now hold sealed values.
const WIDENED: [(&str, &str, u32); 7] = [
    ("customers", "full_name", 255),
    ("customers", "email", 254),
    ("customers", "phone", 32),
    ("customers", "account_number", 64),
    ("tickets", "customer_name", 255),
    ("tickets", "customer_email", 255),
    ("inboxes", "identity_secret", 128),
];

/// `(name, column, unique)`.
const INDEXES: [(&str, Customers, bool); 3] = [
    ("idx_customers_email_index", Customers::EmailIndex, true),
    ("idx_customers_phone_index", Customers::PhoneIndex, false),
    ("idx_customers_account_index", Customers::AccountIndex, true),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            for (table, column, _) in WIDENED {
                let sql = format!("ALTER TABLE {table} ALTER COLUMN {column} TYPE TEXT");
                manager.get_connection().execute_unprepared(&sql).await?;
            }
        }
        // One column per statement: SQLite adds one at a time.
        for column in [Customers::EmailIndex, Customers::PhoneIndex, Customers::AccountIndex] {
            let column = ColumnDef::new(column).string_len(32).null().to_owned();
            manager.alter_table(Table::alter().table(Customers::Table).add_column(column).to_owned()).await?;
        }
        for (name, column, unique) in INDEXES {
            let mut index = Index::create();
            index.name(name).table(Customers::Table).col(column);
            if unique {
                index.unique();
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, _, _) in INDEXES {
            manager.drop_index(Index::drop().name(name).table(Customers::Table).to_owned()).await?;
        }
        for column in [Customers::AccountIndex, Customers::PhoneIndex, Customers::EmailIndex] {
            manager.alter_table(Table::alter().table(Customers::Table).drop_column(column).to_owned()).await?;
        }
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            for (table, column, length) in WIDENED {
                let sql = format!("ALTER TABLE {table} ALTER COLUMN {column} TYPE VARCHAR({length})");
                manager.get_connection().execute_unprepared(&sql).await?;
            }
        }
        Ok(())
    }
}
