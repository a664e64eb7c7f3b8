//! The audit trail. Records are written on the pool, outside any caller's transaction, so a record
//! survives when the operation it describes fails. Each record's `hash` covers its content and the
//! previous record's hash, so editing or deleting a record breaks the chain.

pub mod viewer;

use std::sync::Arc;

use chrono::{SubsecRound, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, QueryOrder, Set};
use sha2::{Digest, Sha256};
use tokio::sync::Mutex;

use crate::entities::audit_log;
use crate::error::DomainResult;

/// Where a request came from: attached to every audit record.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub endpoint: Option<String>,
    pub method: Option<String>,
}

/// How the audited action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
        }
    }
}

/// One record to write.
#[derive(Debug, Clone)]
pub struct Entry {
    pub actor_id: Option<i32>,
    pub actor_name: Option<String>,
    pub action: &'static str,
    pub resource_type: Option<&'static str>,
    pub resource_id: Option<String>,
    pub details: serde_json::Value,
    pub outcome: Outcome,
}

impl Entry {
    /// A record of `action` with no actor, resource or details yet.
    pub fn new(action: &'static str, outcome: Outcome) -> Self {
        Entry {
            actor_id: None,
            actor_name: None,
            action,
            resource_type: None,
            resource_id: None,
            details: serde_json::json!({}),
            outcome,
        }
    }

    pub fn actor(mut self, id: i32, name: &str) -> Self {
        self.actor_id = Some(id);
        self.actor_name = Some(name.to_owned());
        self
    }

    pub fn resource(mut self, kind: &'static str, id: impl ToString) -> Self {
        self.resource_type = Some(kind);
        self.resource_id = Some(id.to_string());
        self
    }

    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = details;
        self
    }
}

/// Writes audit records. Cloning shares the chain lock.
#[derive(Clone)]
pub struct AuditLog {
    db: DatabaseConnection,
    // Serialises appends within this process so each record links to its true predecessor.
    chain: Arc<Mutex<()>>,
}

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

impl AuditLog {
    pub fn new(db: DatabaseConnection) -> Self {
        AuditLog { db, chain: Arc::new(Mutex::new(())) }
    }

    /// Appends `entry`. Failures are logged and returned; callers on a failure path may ignore them.
    pub async fn record(&self, entry: Entry, meta: &RequestMeta) -> DomainResult<()> {
        let _guard = self.chain.lock().await;
        let prev = audit_log::Entity::find()
            .order_by_desc(audit_log::Column::Id)
            .one(&self.db)
            .await?
            .map(|r| r.hash)
            .unwrap_or_else(|| GENESIS.to_owned());
        // Microsecond precision survives both databases unchanged, so the hash re-computes.
        let created_at = Utc::now().trunc_subsecs(6);
        let mut row = audit_log::Model {
            id: 0,
            created_at,
            actor_id: entry.actor_id,
            actor_name: entry.actor_name,
            action: entry.action.to_owned(),
            resource_type: entry.resource_type.map(str::to_owned),
            resource_id: entry.resource_id,
            ip: meta.ip.clone(),
            user_agent: meta.user_agent.as_ref().map(|s| truncate(s, 512)),
            endpoint: meta.endpoint.as_ref().map(|s| truncate(s, 512)),
            method: meta.method.clone(),
            details: entry.details,
            outcome: entry.outcome.as_str().to_owned(),
            prev_hash: prev,
            hash: String::new(),
        };
        row.hash = content_hash(&row);
        let active = audit_log::ActiveModel {
            id: sea_orm::NotSet,
            created_at: Set(row.created_at),
            actor_id: Set(row.actor_id),
            actor_name: Set(row.actor_name),
            action: Set(row.action),
            resource_type: Set(row.resource_type),
            resource_id: Set(row.resource_id),
            ip: Set(row.ip),
            user_agent: Set(row.user_agent),
            endpoint: Set(row.endpoint),
            method: Set(row.method),
            details: Set(row.details),
            outcome: Set(row.outcome),
            prev_hash: Set(row.prev_hash),
            hash: Set(row.hash),
        };
        if let Err(e) = active.insert(&self.db).await {
            tracing::error!(error = %e, action = entry.action, "audit record could not be written");
            return Err(e.into());
        }
        Ok(())
    }

    /// Re-computes the chain and returns the id of the first record that does not match, if any.
    pub async fn verify(&self) -> DomainResult<Option<i64>> {
        Ok(viewer::check_chain(&self.db).await?.first_broken_id)
    }
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

fn content_hash(row: &audit_log::Model) -> String {
    let content = serde_json::json!([
        row.created_at.timestamp_micros(),
        row.actor_id,
        row.actor_name,
        row.action,
        row.resource_type,
        row.resource_id,
        row.ip,
        row.user_agent,
        row.endpoint,
        row.method,
        row.details,
        row.outcome,
        row.prev_hash,
    ]);
    let mut hasher = Sha256::new();
    hasher.update(content.to_string().as_bytes());
    hex::encode(hasher.finalize())
}
