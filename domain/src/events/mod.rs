//! The event bus: every change a socket must hear about goes through here, so the conversation
//! and ticket logic never knows about sockets. Two streams:
//!
//! - per conversation, numbered by the messages' own sequence numbers (the database is the
//!   record: a customer socket that reconnects replays what it missed from there);
//! - for staff, numbered by the bus, with the last [`STAFF_BACKLOG`] events kept so a staff socket
//!   that reconnects gets what it missed (or is told to reload when it was gone too long).
//!
//! Both are broadcast channels: a slow subscriber lags (and resyncs) instead of stalling others.
//! With several servers on one PostgreSQL, every event is also told to the others as a [`Note`]
//! (the `fanout` module carries it), and each server numbers the staff events it hears itself.

mod others;
mod rooms;

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};

use tokio::sync::{broadcast, mpsc, watch};

pub use others::{Envelope, NOTE_BYTES, Note, TicketChange};
pub use rooms::{Rooms, Seat};

use crate::model::{CustomerFrame, Numbered, StaffFrame, StaffNews};

/// Staff events kept for resuming.
pub const STAFF_BACKLOG: usize = 2048;
const CHANNEL: usize = 1024;

/// Something staff should see, numbered by the bus.
#[derive(Debug, Clone)]
pub struct StaffEvent {
    pub seq: u64,
    pub news: StaffNews,
    /// The agent the conversation or ticket belongs to; agents only hear about their own and
    /// unassigned work.
    pub assigned_to: Option<i32>,
}

impl StaffEvent {
    /// Whether a staff member with `user_id` and this role should receive it.
    pub fn is_for(&self, user_id: i32, is_agent: bool) -> bool {
        !is_agent || self.assigned_to.is_none_or(|a| a == user_id)
    }

    /// The frame a staff socket writes for it.
    pub fn frame(&self) -> StaffFrame {
        StaffFrame::News(Box::new(Numbered { seq: self.seq, news: self.news.clone() }))
    }
}

/// What a reconnecting staff socket gets first.
pub enum StaffResume {
    /// These missed events, then live ones.
    Replay(Vec<StaffEvent>),
    /// Too much was missed: reload everything.
    Resync,
}

struct StaffLog {
    next: u64,
    recent: VecDeque<StaffEvent>,
}

/// The bus; one per process, shared through [`crate::AppState`].
pub struct EventBus {
    conversations: Rooms,
    staff: broadcast::Sender<StaffEvent>,
    log: Mutex<StaffLog>,
    pub customer_sockets: AtomicUsize,
    pub staff_sockets: AtomicUsize,
    /// This process, among the servers telling each other.
    instance: String,
    /// Where notes for the other servers go (PostgreSQL only).
    others: OnceLock<mpsc::Sender<Envelope>>,
    /// A note could not be queued: the others must be told to read everything again.
    lost: AtomicBool,
    /// Set when the server shuts down: every socket tells its client to reconnect, and closes.
    closing: watch::Sender<bool>,
    /// Moves when this server may have missed events: every socket reads everything again.
    resyncs: watch::Sender<u64>,
    /// Whether this server hears the others now (its `LISTEN` connection is up).
    listening: watch::Sender<bool>,
}

impl Default for EventBus {
    fn default() -> Self {
        EventBus {
            conversations: Rooms::default(),
            staff: broadcast::channel(CHANNEL).0,
            log: Mutex::new(StaffLog { next: staff_epoch(), recent: VecDeque::with_capacity(STAFF_BACKLOG) }),
            customer_sockets: AtomicUsize::new(0),
            staff_sockets: AtomicUsize::new(0),
            instance: uuid::Uuid::new_v4().simple().to_string(),
            others: OnceLock::new(),
            lost: AtomicBool::new(false),
            closing: watch::Sender::new(false),
            resyncs: watch::Sender::new(0),
            listening: watch::Sender::new(false),
        }
    }
}

/// Where this process's staff numbering starts: its start time in microseconds. Numbers a client
/// kept from an earlier process are then below every number this one gives (unless that process
/// gave more than a million a second), so resuming with one gets `resync`, not an empty replay.
/// Below 2^53 until the year 2255, so JavaScript reads them exactly.
fn staff_epoch() -> u64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    u64::try_from(now.as_micros()).unwrap_or(u64::MAX / 2).max(1)
}

impl EventBus {
    pub fn new() -> Self {
        Self::default()
    }

    /// Publishes a conversation's frame here and to the other servers (nobody listening is fine).
    pub fn conversation(&self, frame: CustomerFrame) {
        self.tell_others(|| Note::Conversation(frame.clone()));
        self.conversation_here(frame);
    }

    /// Publishes a conversation's frame to this server's sockets only.
    pub fn conversation_here(&self, frame: CustomerFrame) {
        self.conversations.send(frame);
    }

    /// Publishes staff news here and to the other servers.
    pub fn staff(&self, news: StaffNews, assigned_to: Option<i32>) {
        self.tell_others(|| Note::Staff { news: news.clone(), assigned_to });
        self.staff_here(news, assigned_to);
    }

    /// Tells every socket of this server to read everything again (what it heard may have gaps).
    /// A staff cursor from before this moment can no longer be replayed: it gets `resync` too.
    pub fn resync_here(&self) {
        {
            let mut log = self.log.lock().unwrap_or_else(PoisonError::into_inner);
            log.next += 1;
            log.recent.clear();
        }
        self.resyncs.send_modify(|n| *n += 1);
    }

    /// Moves whenever [`Self::resync_here`] is called.
    pub fn resyncs(&self) -> watch::Receiver<u64> {
        self.resyncs.subscribe()
    }

    /// Publishes staff news to this server's sockets, with its next staff sequence number.
    pub fn staff_here(&self, news: StaffNews, assigned_to: Option<i32>) {
        let mut log = self.log.lock().unwrap_or_else(PoisonError::into_inner);
        let event = StaffEvent { seq: log.next, news, assigned_to };
        log.next += 1;
        if log.recent.len() == STAFF_BACKLOG {
            log.recent.pop_front();
        }
        log.recent.push_back(event.clone());
        // Sent under the lock, so subscribers see events in sequence order.
        let _ = self.staff.send(event);
    }

    /// From now on, notes for the other servers go to `sender` (the `fanout` module).
    pub fn connect_others(&self, sender: mpsc::Sender<Envelope>) {
        let _ = self.others.set(sender);
    }

    /// Queues a note for the other servers, if there are any; `note` is built only then. A full
    /// queue loses it, and the others are then told to read everything again ([`Self::take_lost`]).
    pub fn tell_others(&self, note: impl FnOnce() -> Note) {
        if let Some(sender) = self.others.get()
            && sender.try_send(Envelope { from: self.instance.clone(), note: note() }).is_err()
        {
            self.lost.store(true, Ordering::Relaxed);
        }
    }

    /// Tells every socket, open or opening, to send its client away to reconnect (shutdown).
    pub fn close_sockets(&self) {
        self.closing.send_replace(true);
    }

    /// Resolves once [`Self::close_sockets`] was called.
    pub async fn closing(&self) {
        let _ = self.closing.subscribe().wait_for(|closing| *closing).await;
    }

    /// Whether this server tells its events to others (and hears theirs).
    pub fn shares_events(&self) -> bool {
        self.others.get().is_some()
    }

    /// Records whether this server hears the others now.
    pub fn set_listening(&self, listening: bool) {
        self.listening.send_replace(listening);
    }

    /// Resolves once this server hears the others.
    pub async fn listening(&self) {
        let _ = self.listening.subscribe().wait_for(|listening| *listening).await;
    }

    /// Whether a note was lost since the last call.
    pub fn take_lost(&self) -> bool {
        self.lost.swap(false, Ordering::Relaxed)
    }

    /// Whether a note came from this server (it has published its event already).
    pub fn is_mine(&self, envelope: &Envelope) -> bool {
        envelope.from == self.instance
    }

    /// This server's name among the others.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// Listens to conversation `public_id`'s events while the seat is held.
    pub fn join_conversation(&self, public_id: &str) -> Seat<'_> {
        self.conversations.join(public_id)
    }

    /// Listens to staff events from after `after_seq`, with what was missed since.
    pub fn subscribe_staff(&self, after_seq: Option<u64>) -> (StaffResume, broadcast::Receiver<StaffEvent>) {
        let log = self.log.lock().unwrap_or_else(PoisonError::into_inner);
        let receiver = self.staff.subscribe();
        let last = log.next - 1;
        let resume = match after_seq {
            None => StaffResume::Replay(Vec::new()),
            Some(after) if after == last => StaffResume::Replay(Vec::new()),
            // From another process (an earlier start): nothing here can fill the gap.
            Some(after) if after > last => StaffResume::Resync,
            Some(after) => match log.recent.front() {
                Some(oldest) if oldest.seq <= after + 1 => {
                    StaffResume::Replay(log.recent.iter().filter(|e| e.seq > after).cloned().collect())
                }
                _ => StaffResume::Resync,
            },
        };
        (resume, receiver)
    }

    /// The latest staff sequence number.
    pub fn staff_seq(&self) -> u64 {
        self.log.lock().unwrap_or_else(PoisonError::into_inner).next - 1
    }

    /// Connected sockets: (customers, staff).
    pub fn connections(&self) -> (usize, usize) {
        (self.customer_sockets.load(Ordering::Relaxed), self.staff_sockets.load(Ordering::Relaxed))
    }
}

/// Counts a socket while it lives.
pub struct SocketGuard<'a>(&'a AtomicUsize);

impl<'a> SocketGuard<'a> {
    pub fn new(counter: &'a AtomicUsize) -> Self {
        counter.fetch_add(1, Ordering::Relaxed);
        SocketGuard(counter)
    }
}

impl Drop for SocketGuard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NotificationNews, Presence, PresenceNews};

    fn news(n: i32) -> StaffNews {
        StaffNews::NotificationCreated(NotificationNews { user_id: 1, notification_id: n })
    }

    #[test]
    fn staff_resume_replays_what_was_missed_or_asks_for_a_resync() {
        let bus = EventBus::new();
        let first = bus.staff_seq() + 1;
        for i in 0..5 {
            bus.staff(news(i), None);
        }
        let StaffResume::Replay(missed) = bus.subscribe_staff(Some(first + 1)).0 else { panic!("replay expected") };
        assert_eq!(missed.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![first + 2, first + 3, first + 4]);
        assert!(matches!(bus.subscribe_staff(Some(first + 4)).0, StaffResume::Replay(v) if v.is_empty()));
        for i in 0..STAFF_BACKLOG {
            bus.staff(news(i as i32), None);
        }
        assert!(matches!(bus.subscribe_staff(Some(first)).0, StaffResume::Resync));
    }

    #[test]
    fn after_a_resync_no_earlier_cursor_is_replayed() {
        let bus = EventBus::new();
        bus.staff(news(1), None);
        let kept = bus.staff_seq();
        let resyncs = bus.resyncs();
        bus.resync_here();
        assert!(resyncs.has_changed().unwrap());
        assert!(matches!(bus.subscribe_staff(Some(kept)).0, StaffResume::Resync), "a client that missed the resync");
        let now = bus.staff_seq();
        assert!(matches!(bus.subscribe_staff(Some(now)).0, StaffResume::Replay(v) if v.is_empty()));
    }

    #[test]
    fn a_cursor_from_an_earlier_process_or_from_nowhere_gets_a_resync() {
        let before_restart = EventBus::new();
        before_restart.staff(news(1), None);
        let kept = before_restart.staff_seq();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let restarted = EventBus::new();
        assert!(restarted.staff_seq() > kept, "numbers go on rising across a restart");
        assert!(matches!(restarted.subscribe_staff(Some(kept)).0, StaffResume::Resync));
        restarted.staff(news(2), None);
        assert!(matches!(restarted.subscribe_staff(Some(kept)).0, StaffResume::Resync));
        for hostile in [u64::MAX, u64::MAX - 1, restarted.staff_seq() + 1] {
            assert!(matches!(restarted.subscribe_staff(Some(hostile)).0, StaffResume::Resync), "{hostile}");
        }
        assert!(matches!(restarted.subscribe_staff(Some(0)).0, StaffResume::Resync));
    }

    #[test]
    fn agents_hear_only_their_own_and_unassigned_work() {
        let presence = StaffNews::PresenceChanged(PresenceNews { user_id: 7, presence: Presence::Online });
        let event = StaffEvent { seq: 1, news: presence, assigned_to: Some(7) };
        assert!(event.is_for(7, true) && !event.is_for(8, true) && event.is_for(8, false));
        let open = StaffEvent { assigned_to: None, ..event };
        assert!(open.is_for(8, true));
    }
}
