//! SeaORM entities, one file per table. The schema itself lives in the `migration` crate.

pub mod agent_presence;
pub mod article_embeddings;
pub mod assistant_answers;
pub mod audit_log;
pub mod canned_responses;
pub mod consents;
pub mod conversations;
pub mod customers;
pub mod inboxes;
pub mod knowledge_articles;
pub mod login_failures;
pub mod messages;
pub mod notifications;
pub mod refresh_tokens;
pub mod settings;
pub mod ticket_notes;
pub mod tickets;
pub mod users;
pub mod work_sessions;
