//! What one server tells the others about an event. What the database keeps travels as ids and
//! is read there again (a message, a ticket, an article, the settings); what it does not keep
//! (typing, an answer being written, a rating's announcement) travels whole, as it is small.

use serde::{Deserialize, Serialize};

use super::ConversationEvent;

/// The most a note may take: PostgreSQL's `NOTIFY` carries less than 8,000 bytes.
pub const NOTE_BYTES: usize = 7_900;

/// One event, told to the other servers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// A message was stored in a conversation (by its public id): read it and announce it.
    Message { conversation_id: String, seq: i64 },
    /// A ticket (by database id) was created, assigned or changed status (`kind`): read and announce it.
    Ticket { kind: String, id: i32 },
    /// A staff event the database does not keep.
    Staff { kind: String, data: serde_json::Value, assigned_to: Option<i32> },
    /// A conversation event the database does not keep.
    Conversation(ConversationEvent),
    /// A knowledge-base article changed: read it into the assistant's index.
    Article { id: i32 },
    /// The system settings changed: read them again.
    Settings,
    /// Notes were lost: every socket reads everything again, and so do the assistant and settings.
    Resync,
}

/// A note with the server it comes from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Envelope {
    pub from: String,
    #[serde(flatten)]
    pub note: Note,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_read_back_as_they_were_written() {
        let notes = [
            Note::Message { conversation_id: "c".into(), seq: 3 },
            Note::Ticket { kind: "ticket_assigned".into(), id: 9 },
            Note::Staff {
                kind: "typing".into(),
                data: serde_json::json!({ "role": "customer" }),
                assigned_to: Some(2),
            },
            Note::Conversation(ConversationEvent {
                kind: "delta".into(),
                delta: Some("Hola".into()),
                ..Default::default()
            }),
            Note::Settings,
        ];
        for note in notes {
            let text = serde_json::to_string(&Envelope { from: "a".into(), note: note.clone() }).unwrap();
            let back: Envelope = serde_json::from_str(&text).unwrap();
            assert_eq!(back.from, "a");
            assert_eq!(serde_json::to_string(&back.note).unwrap(), serde_json::to_string(&note).unwrap(), "{text}");
        }
    }
}
