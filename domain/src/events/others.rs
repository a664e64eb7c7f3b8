//! What one server tells the others about an event. What the database keeps travels as ids and
//! is read there again (a message, a ticket, an article, the settings); what it does not keep
//! (typing, an answer being written, a rating's announcement) travels whole, as it is small.

use serde::{Deserialize, Serialize};

use crate::model::{CustomerFrame, StaffNews, TicketOut};

/// The most a note may take: PostgreSQL's `NOTIFY` carries less than 8,000 bytes.
pub const NOTE_BYTES: usize = 7_900;

/// One event, told to the other servers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// A message was stored in a conversation (by its public id): read it and announce it.
    Message { conversation_id: String, seq: i64 },
    /// A ticket (by database id) was created, assigned or changed status: read and announce it.
    Ticket { change: TicketChange, id: i32 },
    /// Staff news the database does not keep.
    Staff { news: StaffNews, assigned_to: Option<i32> },
    /// A conversation's frame the database does not keep (typing, an answer being written).
    Conversation(CustomerFrame),
    /// A knowledge-base article changed: read it into the assistant's index.
    Article { id: i32 },
    /// The system settings changed: read them again.
    Settings,
    /// Notes were lost: every socket reads everything again, and so do the assistant and settings.
    Resync,
}

/// What happened to a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketChange {
    Created,
    Assigned,
    StatusChanged,
}

impl TicketChange {
    /// The staff news announcing `ticket` after this change.
    pub fn news(self, ticket: TicketOut) -> StaffNews {
        match self {
            TicketChange::Created => StaffNews::TicketCreated(ticket),
            TicketChange::Assigned => StaffNews::TicketAssigned(ticket),
            TicketChange::StatusChanged => StaffNews::TicketStatusChanged(ticket),
        }
    }
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
    use crate::model::{Presence, PresenceNews, Typing};

    #[test]
    fn notes_read_back_as_they_were_written() {
        let notes = [
            Note::Message { conversation_id: "c".into(), seq: 3 },
            Note::Ticket { change: TicketChange::Assigned, id: 9 },
            Note::Staff {
                news: StaffNews::PresenceChanged(PresenceNews { user_id: 2, presence: Presence::Away }),
                assigned_to: Some(2),
            },
            Note::Conversation(CustomerFrame::Typing(Typing {
                conversation_id: "c".into(),
                seq: None,
                role: "agent".into(),
            })),
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
