//! The audit trail. Refusals and failures are recorded on the pool, outside any caller's
//! transaction, so a record survives when the operation it describes fails. A privileged change is
//! recorded inside its own transaction ([`AuditLog::commit_with`]): the change and its record
//! commit together, and when the record cannot be written the change does not happen (fail
//! closed). Each record's `hash` is an HMAC-SHA256, with a key kept outside the database
//! (`JOXAI_AUDIT_KEY`), of its content and the previous record's hash: editing or deleting a record
//! breaks the chain, and someone who can write to the database cannot forge a new one. The
//! previous hash is unique, so two servers appending at once cannot fork the chain: the one that
//! loses re-reads the end and links after the winner.

pub mod viewer;

use std::sync::Arc;

use chrono::{SubsecRound, Utc};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryOrder, Set,
    TransactionTrait,
};
use sha2::{Digest, Sha256};
use tokio::sync::Mutex;

use crate::auth::CurrentUser;
use crate::entities::audit_log;
use crate::error::{DomainResult, is_unique_clash};

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

/// The keys records are sealed with: the current one, and older ones that still verify older
/// records (key rotation).
#[derive(Clone)]
pub struct AuditKeys {
    pub current: Vec<u8>,
    pub previous: Vec<Vec<u8>>,
}

/// Writes audit records. Cloning shares the chain lock.
#[derive(Clone)]
pub struct AuditLog {
    db: DatabaseConnection,
    // Serialises appends within this process; the unique previous hash does so across servers.
    chain: Arc<Mutex<()>>,
    keys: Arc<AuditKeys>,
}

/// Appends that may lose a race with another server before giving up. Each lost race means another
/// server appended a record meanwhile, so this bounds how many records the other servers may write
/// while one waits: 8 was too few when two servers each write a burst of 15 (seen in CI, rarely).
const APPEND_ATTEMPTS: usize = 64;

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// The action of the record retention appends before pruning the oldest records: verification
/// starts after the last pruned id, from its hash.
pub const PRUNED: &str = "AUDIT_PRUNED";

impl AuditLog {
    pub fn new(db: DatabaseConnection, keys: AuditKeys) -> Self {
        AuditLog { db, chain: Arc::new(Mutex::new(())), keys: Arc::new(keys) }
    }

    /// The keys, for verifying the chain.
    pub fn keys(&self) -> &AuditKeys {
        &self.keys
    }

    /// Appends `entry`. Failures are logged and returned; callers on a failure path may ignore them.
    pub async fn record(&self, entry: Entry, meta: &RequestMeta) -> DomainResult<()> {
        let _guard = self.chain.lock().await;
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.append(&entry, meta).await {
                // Another server appended after the same record: link after theirs.
                Err(e) if attempt < APPEND_ATTEMPTS && is_unique_clash(&e) => {
                    continue;
                }
                Err(e) => {
                    tracing::error!(error = %e, action = entry.action, "audit record could not be written");
                    return Err(e.into());
                }
                Ok(()) => return Ok(()),
            }
        }
    }

    /// Appends `entry` inside `txn`: the caller's change and its record commit together or not at
    /// all, and an error here must abort the change. Each attempt runs in a savepoint, so losing
    /// the race for the end of the chain to another server only retries the record. (No
    /// in-process lock: the transaction may already hold the database's write lock.)
    pub async fn record_in(&self, txn: &DatabaseTransaction, entry: Entry, meta: &RequestMeta) -> DomainResult<()> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let savepoint = txn.begin().await?;
            match self.append_on(&savepoint, &entry, meta).await {
                Ok(()) => {
                    savepoint.commit().await?;
                    return Ok(());
                }
                Err(e) if attempt < APPEND_ATTEMPTS && is_unique_clash(&e) => {
                    savepoint.rollback().await?;
                }
                Err(e) => {
                    tracing::error!(error = %e, action = entry.action, "audit record could not be written");
                    return Err(e.into());
                }
            }
        }
    }

    /// Commits `txn` with the record that `actor` did `action` on the `kind` resource `id`: the
    /// change and its record stand together or not at all (fail closed).
    pub async fn commit_by(
        &self,
        actor: &CurrentUser,
        txn: DatabaseTransaction,
        action: &'static str,
        kind: &'static str,
        id: impl ToString,
        meta: &RequestMeta,
    ) -> DomainResult<()> {
        let entry = Entry::new(action, Outcome::Success).actor(actor.id, &actor.username).resource(kind, id);
        self.commit_with(txn, entry, meta).await
    }

    /// Records `entry` in `txn` and commits it: the change stands only with its record.
    pub async fn commit_with(&self, txn: DatabaseTransaction, entry: Entry, meta: &RequestMeta) -> DomainResult<()> {
        self.record_in(&txn, entry, meta).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn append(&self, entry: &Entry, meta: &RequestMeta) -> Result<(), sea_orm::DbErr> {
        self.append_on(&self.db, entry, meta).await
    }

    async fn append_on<C: ConnectionTrait>(
        &self,
        db: &C,
        entry: &Entry,
        meta: &RequestMeta,
    ) -> Result<(), sea_orm::DbErr> {
        let prev = audit_log::Entity::find()
            .order_by_desc(audit_log::Column::Id)
            .one(db)
            .await?
            .map(|r| r.hash)
            .unwrap_or_else(|| GENESIS.to_owned());
        // Microsecond precision survives both databases unchanged, so the hash re-computes.
        let created_at = Utc::now().trunc_subsecs(6);
        let mut row = audit_log::Model {
            id: 0,
            created_at,
            actor_id: entry.actor_id,
            actor_name: entry.actor_name.clone(),
            action: entry.action.to_owned(),
            resource_type: entry.resource_type.map(str::to_owned),
            resource_id: entry.resource_id.clone(),
            ip: meta.ip.clone(),
            user_agent: meta.user_agent.as_ref().map(|s| truncate(s, 512)),
            endpoint: meta.endpoint.as_ref().map(|s| truncate(s, 512)),
            method: meta.method.clone(),
            details: entry.details.clone(),
            outcome: entry.outcome.as_str().to_owned(),
            prev_hash: prev,
            hash: String::new(),
        };
        row.hash = seal(&self.keys.current, &row);
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
        active.insert(db).await.map(drop)
    }

    /// Re-computes the chain and returns the id of the first record that does not match, if any.
    pub async fn verify(&self) -> DomainResult<Option<i64>> {
        Ok(viewer::check_chain(&self.db, &self.keys).await?.first_broken_id)
    }
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// What a record's seal covers: its content and the previous record's hash.
fn content(row: &audit_log::Model) -> String {
    serde_json::json!([
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
    ])
    .to_string()
}

/// The record's HMAC-SHA256 under `key`, hex.
fn seal(key: &[u8], row: &audit_log::Model) -> String {
    hex::encode(hmac_sha256(key, content(row).as_bytes()))
}

/// How records were hashed before they were sealed with a key: they still verify, but only
/// before the first sealed record, which pins them.
fn legacy_hash(row: &audit_log::Model) -> String {
    hex::encode(Sha256::digest(content(row).as_bytes()))
}

/// HMAC-SHA256 (RFC 2104).
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(block.map(|b| b ^ 0x36));
    inner.update(message);
    let mut outer = Sha256::new();
    outer.update(block.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231() {
        let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(hex::encode(mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        let long_key = [0xaau8; 131];
        let mac = hmac_sha256(&long_key, b"Test Using Larger Than Block-Size Key - Hash Key First");
        assert_eq!(hex::encode(mac), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }
}
