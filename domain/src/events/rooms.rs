//! One stream per conversation: a customer socket hears only its own conversation, so an event
//! wakes the few sockets on that conversation instead of every socket on the server. A room opens
//! with its first listener and closes with its last.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::broadcast;

use crate::model::CustomerFrame;

/// Events a room holds for a slow listener before it lags (and reads the database instead).
const ROOM: usize = 16;

type Room = broadcast::Sender<Arc<CustomerFrame>>;

/// The open rooms, by conversation public id.
#[derive(Default)]
pub struct Rooms {
    open: Mutex<HashMap<String, Room>>,
}

impl Rooms {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Room>> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Passes `frame` to its conversation's listeners, if any.
    pub fn send(&self, frame: CustomerFrame) {
        let Some(id) = frame.conversation_id() else { return };
        if let Some(room) = self.lock().get(id) {
            let _ = room.send(Arc::new(frame));
        }
    }

    /// A place in conversation `id`'s room, from now on.
    pub fn join(&self, id: &str) -> Seat<'_> {
        let receiver = self.lock().entry(id.to_owned()).or_insert_with(|| broadcast::channel(ROOM).0).subscribe();
        Seat { rooms: self, id: id.to_owned(), receiver }
    }

    /// Rooms open now.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One listener's place in a room; the room closes when its last place is given up.
pub struct Seat<'a> {
    rooms: &'a Rooms,
    id: String,
    pub receiver: broadcast::Receiver<Arc<CustomerFrame>>,
}

impl Drop for Seat<'_> {
    fn drop(&mut self) {
        let mut open = self.rooms.lock();
        // Under the lock nobody joins meanwhile: only this seat's receiver is left when it is 1.
        if open.get(&self.id).is_some_and(|room| room.receiver_count() <= 1) {
            open.remove(&self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Typing;

    fn typing(id: &str) -> CustomerFrame {
        CustomerFrame::Typing(Typing { conversation_id: id.into(), seq: None, role: "agent".into() })
    }

    #[test]
    fn a_listener_hears_only_its_room_and_the_last_one_out_closes_it() {
        let rooms = Rooms::default();
        let mut a = rooms.join("a");
        let mut a2 = rooms.join("a");
        let mut b = rooms.join("b");
        rooms.send(typing("a"));
        rooms.send(typing("nobody"));
        assert_eq!(a.receiver.try_recv().unwrap().conversation_id(), Some("a"));
        assert_eq!(a2.receiver.try_recv().unwrap().conversation_id(), Some("a"));
        assert!(b.receiver.try_recv().is_err());
        assert_eq!(rooms.len(), 2);
        drop(a);
        assert_eq!(rooms.len(), 2, "a2 still listens");
        drop(a2);
        drop(b);
        assert!(rooms.is_empty());
    }
}
