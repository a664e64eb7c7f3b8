//! Field encryption at rest. Personal data (message text, customer profiles, ticket stories,
//! answer-log questions, inbox secrets) is stored sealed with AES-256-GCM: each value with its
//! own random nonce, the id of the key that sealed it, and the column it belongs to as associated
//! data (a value copied into another column does not open). Keys come from configuration
//! ([`KeyRing`], newest first), never from the database.
//!
//! Equality lookups on sealed columns (an e-mail, a phone, an account number) go through blind
//! indexes: a keyed HMAC of the normalised value, stored beside it.

mod keys;
pub mod rotate;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

pub use keys::{KeyOrigin, KeyRing, generate_key};

use crate::error::{DomainError, DomainResult};

/// What every sealed value starts with: format version 1.
const PREFIX: &str = "jx1:";
const NONCE: usize = 12;

/// The columns that hold sealed values; the name is bound into each value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    MessageContent,
    ConversationMemory,
    ConversationMetadata,
    ConversationComment,
    ConversationCustomerRef,
    TicketDescription,
    TicketCustomerName,
    TicketCustomerEmail,
    TicketSubject,
    TicketNote,
    CustomerName,
    CustomerEmail,
    CustomerPhone,
    CustomerAccount,
    CustomerNotes,
    CustomerAddress,
    AnswerQuestion,
    InboxSecret,
    NotificationBody,
    NotificationHtml,
}

impl Field {
    /// `table.column`, the associated data of the value.
    pub fn column(self) -> &'static str {
        match self {
            Field::MessageContent => "messages.content",
            Field::ConversationMemory => "conversations.recent_questions",
            Field::ConversationMetadata => "conversations.metadata",
            Field::ConversationComment => "conversations.csat_comment",
            Field::ConversationCustomerRef => "conversations.customer_ref",
            Field::TicketDescription => "tickets.description",
            Field::TicketCustomerName => "tickets.customer_name",
            Field::TicketCustomerEmail => "tickets.customer_email",
            Field::TicketSubject => "tickets.subject",
            Field::TicketNote => "ticket_notes.body",
            Field::CustomerName => "customers.full_name",
            Field::CustomerEmail => "customers.email",
            Field::CustomerPhone => "customers.phone",
            Field::CustomerAccount => "customers.account_number",
            Field::CustomerNotes => "customers.notes",
            Field::CustomerAddress => "customers.address",
            Field::AnswerQuestion => "assistant_answers.question",
            Field::InboxSecret => "inboxes.identity_secret",
            Field::NotificationBody => "notifications.body",
            Field::NotificationHtml => "notifications.html",
        }
    }
}

/// Seals and opens field values with the configured key ring.
#[derive(Clone)]
pub struct Vault {
    /// Newest first; the first seals.
    keys: Vec<(String, Aes256Gcm)>,
    /// HMAC-SHA256 keyed with the index key, cloned for each blind index.
    index: Hmac<Sha256>,
    /// False only in development with `JOXAI_DATA_ENCRYPTION=off` (new values stay plain).
    sealing: bool,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|(id, _)| id.as_str()).collect();
        f.debug_struct("Vault").field("keys", &ids).field("sealing", &self.sealing).finish()
    }
}

impl Vault {
    pub fn new(ring: &KeyRing) -> Self {
        Vault {
            keys: ring.keys.iter().map(|(id, key)| (id.clone(), Aes256Gcm::new(key.into()))).collect(),
            index: index_mac(&ring.index),
            sealing: ring.sealing,
        }
    }

    /// The id of the key new values are sealed with.
    pub fn current_key(&self) -> &str {
        self.keys.first().map(|(id, _)| id.as_str()).unwrap_or("")
    }

    /// `text` sealed for `field` with the newest key.
    pub fn seal(&self, field: Field, text: &str) -> String {
        let Some((id, cipher)) = self.keys.first().filter(|_| self.sealing) else { return text.to_owned() };
        let mut nonce = [0u8; NONCE];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let payload = Payload { msg: text.as_bytes(), aad: field.column().as_bytes() };
        // Encryption with a valid key and nonce cannot fail for inputs under 64 GiB.
        let sealed = cipher.encrypt(&Nonce::from(nonce), payload).unwrap_or_default();
        let mut raw = Vec::with_capacity(NONCE + sealed.len());
        raw.extend_from_slice(&nonce);
        raw.extend_from_slice(&sealed);
        let mut out = String::with_capacity(PREFIX.len() + id.len() + 1 + raw.len() * 4 / 3 + 4);
        out.push_str(PREFIX);
        out.push_str(id);
        out.push(':');
        URL_SAFE_NO_PAD.encode_string(&raw, &mut out);
        out
    }

    pub fn seal_opt(&self, field: Field, text: Option<&str>) -> Option<String> {
        text.map(|t| self.seal(field, t))
    }

    /// The text of a stored value. A value that is not sealed (written before encryption was
    /// configured) is returned as it is; a sealed one that does not open is an error.
    pub fn open(&self, field: Field, stored: &str) -> DomainResult<String> {
        let Some(rest) = stored.strip_prefix(PREFIX) else { return Ok(stored.to_owned()) };
        let broken = |why: &str| DomainError::Internal(format!("a sealed {} does not open: {why}", field.column()));
        let (id, body) = rest.split_once(':').ok_or_else(|| broken("no key id"))?;
        let (_, cipher) =
            self.keys.iter().find(|(k, _)| k == id).ok_or_else(|| broken(&format!("key {id} is not configured")))?;
        let raw = URL_SAFE_NO_PAD.decode(body).map_err(|_| broken("not base64"))?;
        if raw.len() < NONCE + 16 {
            return Err(broken("too short"));
        }
        let (nonce, sealed) = raw.split_at(NONCE);
        let nonce: [u8; NONCE] = nonce.try_into().map_err(|_| broken("too short"))?;
        let payload = Payload { msg: sealed, aad: field.column().as_bytes() };
        let plain = cipher.decrypt(&Nonce::from(nonce), payload).map_err(|_| broken("damaged or wrong key"))?;
        String::from_utf8(plain).map_err(|_| broken("not UTF-8"))
    }

    pub fn open_opt(&self, field: Field, stored: Option<&str>) -> DomainResult<Option<String>> {
        stored.map(|s| self.open(field, s)).transpose()
    }

    /// A ticket as read from the database, with its customer's name and e-mail and its subject
    /// opened (the description is opened where it is shown).
    pub fn open_ticket(
        &self,
        mut row: crate::entities::tickets::Model,
    ) -> DomainResult<crate::entities::tickets::Model> {
        row.customer_name = self.open(Field::TicketCustomerName, &row.customer_name)?;
        row.customer_email = self.open_opt(Field::TicketCustomerEmail, row.customer_email.as_deref())?;
        row.subject = self.open(Field::TicketSubject, &row.subject)?;
        Ok(row)
    }

    /// True when `stored` is sealed with the newest key (rotation leaves it alone), or when
    /// sealing is off and the value is plain.
    pub fn is_current(&self, stored: &str) -> bool {
        match stored.strip_prefix(PREFIX).and_then(|rest| rest.split_once(':')) {
            Some((id, _)) => self.sealing && id == self.current_key(),
            None => !self.sealing,
        }
    }

    /// The blind index of a normalised value: 32 hex digits of an HMAC-SHA256 under the index
    /// key, bound to the column. Equal values give equal indexes; nothing else can be learnt.
    pub fn blind(&self, field: Field, normalised: &str) -> String {
        let mut mac = self.index.clone();
        mac.update(field.column().as_bytes());
        mac.update(&[0]);
        mac.update(normalised.as_bytes());
        hex::encode(&mac.finalize().into_bytes()[..16])
    }

    pub fn blind_opt(&self, field: Field, normalised: Option<&str>) -> Option<String> {
        normalised.map(|v| self.blind(field, v))
    }
}

/// HMAC pads a key shorter than its 64-byte block with zeros, so this is HMAC under `key`.
fn index_mac(key: &[u8; 32]) -> Hmac<Sha256> {
    let mut block = [0u8; 64];
    block[..32].copy_from_slice(key);
    <Hmac<Sha256> as KeyInit>::new(&block.into())
}

#[cfg(test)]
mod tests;
