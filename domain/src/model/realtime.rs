//! The realtime protocol: every frame the server writes on a WebSocket and every frame a client
//! sends, as tagged enums whose `type` names the variant in snake_case. The server writes only
//! these, the admin panel reads staff frames with them, and the widget — which carries no JSON
//! library — reads the same names from [`names`].

use serde::{Deserialize, Serialize};

use super::{ChatMessageOut, ConversationStatus, Presence, TicketOut};

/// A frame on a customer's conversation socket (`GET /chat/ws`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CustomerFrame {
    /// A stored message from the customer, the assistant or an agent.
    NewMessage(Stored),
    /// The system's note that a person was asked for (a ticket opened).
    Escalated(Stored),
    /// The system's note that an agent joined.
    AgentJoined(Stored),
    /// The system's note that the assistant answers again.
    HandedBack(Stored),
    /// The system's note that the conversation was closed.
    ConversationClosed(Stored),
    /// Someone types (never numbered).
    Typing(Typing),
    /// The next words of an answer an LLM is writing (never numbered; the stored answer follows).
    Delta(Delta),
    /// The answer to a client's `ping`: the last number this socket sent.
    Pong { seq: i64 },
    /// A person has read the customer's messages up to `up_to` (not numbered).
    Read(ReadMark),
    /// The customer's place in the queue for a person (not numbered); an empty `text` once a
    /// person has the conversation.
    Queue(QueueNews),
}

impl CustomerFrame {
    /// The frame announcing a stored message: typed by the system event it records, if any.
    pub fn stored(conversation_id: String, message: ChatMessageOut) -> CustomerFrame {
        let event = message.metadata.get("event").and_then(|e| e.as_str()).unwrap_or_default().to_owned();
        let stored = Stored { conversation_id, seq: message.seq, message };
        match event.as_str() {
            names::ESCALATED => CustomerFrame::Escalated(stored),
            names::AGENT_JOINED => CustomerFrame::AgentJoined(stored),
            names::HANDED_BACK => CustomerFrame::HandedBack(stored),
            names::CONVERSATION_CLOSED => CustomerFrame::ConversationClosed(stored),
            _ => CustomerFrame::NewMessage(stored),
        }
    }

    /// The conversation it belongs to (none for `pong`).
    pub fn conversation_id(&self) -> Option<&str> {
        match self {
            CustomerFrame::NewMessage(s)
            | CustomerFrame::Escalated(s)
            | CustomerFrame::AgentJoined(s)
            | CustomerFrame::HandedBack(s)
            | CustomerFrame::ConversationClosed(s) => Some(&s.conversation_id),
            CustomerFrame::Read(r) => Some(&r.conversation_id),
            CustomerFrame::Queue(q) => Some(&q.conversation_id),
            CustomerFrame::Typing(t) => Some(&t.conversation_id),
            CustomerFrame::Delta(d) => Some(&d.conversation_id),
            CustomerFrame::Pong { .. } => None,
        }
    }

    /// The stored message's number, for frames that carry one.
    pub fn seq(&self) -> Option<i64> {
        match self {
            CustomerFrame::NewMessage(s)
            | CustomerFrame::Escalated(s)
            | CustomerFrame::AgentJoined(s)
            | CustomerFrame::HandedBack(s)
            | CustomerFrame::ConversationClosed(s) => Some(s.seq),
            _ => None,
        }
    }
}

/// `read`: messages up to `up_to` were read (by a person, for the customer; by the customer, for
/// staff).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReadMark {
    pub conversation_id: String,
    pub up_to: i64,
}

/// `queue`: the customer waits for a person, `position` in line (1 is next), about
/// `wait_minutes`; `text` says so, or when the bank opens, in the conversation's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct QueueNews {
    pub conversation_id: String,
    pub position: u32,
    pub wait_minutes: u32,
    pub text: String,
}

/// A stored message on its conversation's stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Stored {
    pub conversation_id: String,
    pub seq: i64,
    pub message: ChatMessageOut,
}

/// `typing`: `role` is `customer` or `agent`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Typing {
    pub conversation_id: String,
    /// Always null: typing is not numbered.
    pub seq: Option<i64>,
    pub role: String,
}

/// `delta`: `role` is `assistant`; `reply_to` numbers the customer message being answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Delta {
    pub conversation_id: String,
    /// Always null: the stored answer is numbered when it comes.
    pub seq: Option<i64>,
    pub role: String,
    pub delta: String,
    pub reply_to: i64,
}

/// A frame on a staff socket (`GET /ws`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum StaffFrame {
    /// First on every socket: where the stream is, and who listens.
    Hello { seq: u64, user_id: i32 },
    /// Too much was missed (or the cursor is from another server or an earlier start): reload.
    Resync { seq: u64 },
    /// The answer to a client's `ping`: the stream's position.
    Pong { seq: u64 },
    /// Something that happened, numbered by the stream.
    #[serde(untagged)]
    News(Box<Numbered>),
}

/// A staff event with its number in the stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Numbered {
    pub seq: u64,
    #[serde(flatten)]
    pub news: StaffNews,
}

/// What staff hear about: `type`, with the details in `data`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(tag = "type", content = "data", rename_all = "snake_case")]
pub enum StaffNews {
    TicketCreated(TicketOut),
    TicketAssigned(TicketOut),
    TicketStatusChanged(TicketOut),
    NewMessage(MessageNews),
    Typing(TypingNews),
    PresenceChanged(PresenceNews),
    NotificationCreated(NotificationNews),
    ConversationRated(RatingNews),
    /// The customer read a conversation's messages up to a number.
    CustomerRead(ReadMark),
}

impl StaffNews {
    /// The conversation it is about, if any.
    pub fn conversation_id(&self) -> Option<&str> {
        match self {
            StaffNews::TicketCreated(t) | StaffNews::TicketAssigned(t) | StaffNews::TicketStatusChanged(t) => {
                t.conversation_id.as_deref()
            }
            StaffNews::NewMessage(m) => Some(&m.conversation_id),
            StaffNews::Typing(t) => Some(&t.conversation_id),
            StaffNews::ConversationRated(r) => Some(&r.conversation_id),
            StaffNews::CustomerRead(r) => Some(&r.conversation_id),
            StaffNews::PresenceChanged(_) | StaffNews::NotificationCreated(_) => None,
        }
    }

    /// Whether it is about tickets.
    pub fn is_ticket(&self) -> bool {
        matches!(self, StaffNews::TicketCreated(_) | StaffNews::TicketAssigned(_) | StaffNews::TicketStatusChanged(_))
    }
}

/// `new_message`: a message stored in a conversation, with the conversation's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MessageNews {
    pub conversation_id: String,
    pub status: ConversationStatus,
    pub message: ChatMessageOut,
}

/// `typing`: the customer of a conversation types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TypingNews {
    pub conversation_id: String,
    pub role: String,
}

/// `presence_changed`: an agent went online, away or offline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PresenceNews {
    pub user_id: i32,
    pub presence: Presence,
}

/// `notification_created`: only the id travels; each bell asks for its own count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct NotificationNews {
    pub user_id: i32,
    pub notification_id: i32,
}

/// `conversation_rated`: the customer rated the conversation (1–5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RatingNews {
    pub conversation_id: String,
    pub score: i32,
}

/// What a client may send on either socket; anything else is ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientFrame {
    /// Answered with `pong`.
    Ping,
    /// The sender types: a customer on their own conversation; staff name the conversation.
    Typing {
        #[serde(default)]
        conversation_id: Option<String>,
    },
    /// The customer has seen the messages up to `up_to`.
    Read { up_to: i64 },
}

/// The wire names, for code that reads frames without serde (the widget).
pub mod names {
    pub const TYPE: &str = "type";
    pub const SEQ: &str = "seq";
    pub const MESSAGE: &str = "message";
    pub const ROLE: &str = "role";
    pub const DELTA: &str = "delta";
    pub const CONVERSATION_ID: &str = "conversation_id";
    pub const NEW_MESSAGE: &str = "new_message";
    pub const ESCALATED: &str = "escalated";
    pub const AGENT_JOINED: &str = "agent_joined";
    pub const HANDED_BACK: &str = "handed_back";
    pub const CONVERSATION_CLOSED: &str = "conversation_closed";
    pub const TYPING: &str = "typing";
    pub const PING: &str = "ping";
    pub const PONG: &str = "pong";
    pub const READ: &str = "read";
    pub const UP_TO: &str = "up_to";
    pub const QUEUE: &str = "queue";
    pub const TEXT: &str = "text";
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message(seq: i64, event: Option<&str>) -> ChatMessageOut {
        serde_json::from_value(json!({
            "id": seq, "seq": seq, "role": "system", "content": "x", "timestamp": "2026-12-04T00:00:00Z",
            "metadata": event.map_or(json!({}), |e| json!({ "event": e })),
        }))
        .unwrap()
    }

    #[test]
    fn customer_frames_keep_their_wire_shape() {
        let frame = CustomerFrame::stored("c".into(), message(3, Some("agent_joined")));
        let wire = serde_json::to_value(&frame).unwrap();
        assert_eq!((wire["type"].as_str(), wire["seq"].as_i64()), (Some(names::AGENT_JOINED), Some(3)));
        assert_eq!(wire[names::CONVERSATION_ID], "c");
        assert_eq!(serde_json::from_value::<CustomerFrame>(wire).unwrap(), frame);
        let plain = serde_json::to_value(CustomerFrame::stored("c".into(), message(4, None))).unwrap();
        assert_eq!(plain[names::TYPE], names::NEW_MESSAGE);
        let typing = CustomerFrame::Typing(Typing { conversation_id: "c".into(), seq: None, role: "agent".into() });
        assert_eq!(
            serde_json::to_value(&typing).unwrap(),
            json!({ "type": "typing", "conversation_id": "c", "seq": null, "role": "agent" })
        );
        assert_eq!(serde_json::to_value(CustomerFrame::Pong { seq: 7 }).unwrap(), json!({ "type": "pong", "seq": 7 }));
    }

    #[test]
    fn staff_frames_keep_their_wire_shape() {
        let hello = StaffFrame::Hello { seq: 9, user_id: 2 };
        assert_eq!(serde_json::to_value(&hello).unwrap(), json!({ "type": "hello", "seq": 9, "user_id": 2 }));
        let news = StaffFrame::News(Box::new(Numbered {
            seq: 10,
            news: StaffNews::PresenceChanged(PresenceNews { user_id: 2, presence: Presence::Online }),
        }));
        let wire = serde_json::to_value(&news).unwrap();
        assert_eq!(
            wire,
            json!({ "type": "presence_changed", "seq": 10, "data": { "user_id": 2, "presence": "online" } })
        );
        assert_eq!(serde_json::from_value::<StaffFrame>(wire).unwrap(), news);
        let resync: StaffFrame = serde_json::from_value(json!({ "type": "resync", "seq": 4 })).unwrap();
        assert_eq!(resync, StaffFrame::Resync { seq: 4 });
        assert!(serde_json::from_value::<StaffFrame>(json!({ "type": "made_up", "seq": 1, "data": {} })).is_err());
    }

    #[test]
    fn client_frames_read_as_before() {
        let typing: ClientFrame = serde_json::from_str(r#"{"type":"typing","conversation_id":"c"}"#).unwrap();
        assert_eq!(typing, ClientFrame::Typing { conversation_id: Some("c".into()) });
        assert_eq!(
            serde_json::from_str::<ClientFrame>(r#"{"type":"typing"}"#).unwrap(),
            ClientFrame::Typing { conversation_id: None }
        );
        assert_eq!(serde_json::from_str::<ClientFrame>(r#"{"type":"ping"}"#).unwrap(), ClientFrame::Ping);
    }
}
