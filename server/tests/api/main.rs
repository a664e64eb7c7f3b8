//! Integration tests: each spawns the real server on 127.0.0.1:0 against a fresh database —
//! a SQLite file, or a fresh PostgreSQL database when `TEST_DATABASE_URL` is set.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod admin_panel;
mod agents;
mod analytics;
mod assistant;
mod audit;
mod auth;
mod canned;
mod chat;
mod cli;
mod consent;
mod conversations;
mod customers;
mod embed;
mod embeddings;
mod errors;
mod export;
mod fuzz;
mod harness;
mod health;
mod inboxes;
mod instances;
mod knowledge;
mod learning;
mod llm;
mod metrics;
mod migrations;
mod notifications;
mod openapi;
mod privacy;
mod rate_limit;
mod realtime;
mod retention;
mod sealed;
mod settings;
mod sla;
mod sms;
mod smtp;
mod system;
mod tickets;
mod users;
mod waiting;
