//! Database schema, as ordered migrations. Used as a library at start-up (`Migrator::up`) and by
//! `joxai migrate`; every migration runs up → down → up on SQLite and PostgreSQL in the tests.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_users;
mod m20261122_000002_refresh_tokens;
mod m20261122_000003_audit_log;
mod m20261122_000004_knowledge;
mod m20261122_000005_assistant_answers;
mod m20261122_000006_conversations;
mod m20261122_000007_tickets;
mod m20261122_000008_presence;
mod m20261122_000009_canned_responses;
mod m20261122_000010_inboxes;
mod m20261201_000011_customers;
mod m20261201_000012_settings;
mod m20261201_000013_notifications;
mod m20261201_000014_analytics_indexes;
mod m20261203_000015_assistant_learning;
mod m20261203_000016_login_failures;
mod m20261203_000017_audit_chain_unique;
mod m20261203_000018_turn_memory;
mod m20261204_000019_sealed_fields;
mod m20261204_000020_more_sealed_fields;
mod m20261205_000021_consents;
mod m20261205_000022_customer_address;
mod m20261205_000023_ticket_sla;
mod m20261205_000024_read_state;
mod m20261207_000025_conversation_recency;

/// All migrations, oldest first.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_users::Migration),
            Box::new(m20261122_000002_refresh_tokens::Migration),
            Box::new(m20261122_000003_audit_log::Migration),
            Box::new(m20261122_000004_knowledge::Migration),
            Box::new(m20261122_000005_assistant_answers::Migration),
            Box::new(m20261122_000006_conversations::Migration),
            Box::new(m20261122_000007_tickets::Migration),
            Box::new(m20261122_000008_presence::Migration),
            Box::new(m20261122_000009_canned_responses::Migration),
            Box::new(m20261122_000010_inboxes::Migration),
            Box::new(m20261201_000011_customers::Migration),
            Box::new(m20261201_000012_settings::Migration),
            Box::new(m20261201_000013_notifications::Migration),
            Box::new(m20261201_000014_analytics_indexes::Migration),
            Box::new(m20261203_000015_assistant_learning::Migration),
            Box::new(m20261203_000016_login_failures::Migration),
            Box::new(m20261203_000017_audit_chain_unique::Migration),
            Box::new(m20261203_000018_turn_memory::Migration),
            Box::new(m20261204_000019_sealed_fields::Migration),
            Box::new(m20261204_000020_more_sealed_fields::Migration),
            Box::new(m20261205_000021_consents::Migration),
            Box::new(m20261205_000022_customer_address::Migration),
            Box::new(m20261205_000023_ticket_sla::Migration),
            Box::new(m20261205_000024_read_state::Migration),
            Box::new(m20261207_000025_conversation_recency::Migration),
        ]
    }
}
