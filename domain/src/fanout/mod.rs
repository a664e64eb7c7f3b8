//! Several servers on one PostgreSQL hear each other: each tells the others what happened with
//! `NOTIFY joxai_events` and hears them with `LISTEN`, with no other infrastructure. A note names
//! what the database keeps (a message, a ticket, an article, the settings), which is read here
//! and published to this server's sockets ([`crate::events::Note`]).
//!
//! Notes are not stored: a listener whose connection dropped, or a server that could not queue or
//! send one, may have missed some. Then every socket is told to read everything again (`resync`),
//! and the settings and the assistant's index are read again. SQLite serves one process: nothing
//! here runs on it.

use sea_orm::sqlx::postgres::PgListener;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::error::DomainResult;
use crate::events::{Envelope, NOTE_BYTES, Note};
use crate::state::AppState;

/// The `NOTIFY` channel.
const CHANNEL: &str = "joxai_events";
/// Notes waiting to be sent; more are lost (and the others resync).
const QUEUE: usize = 4096;
/// Notes sent in one statement.
const BATCH: usize = 128;
/// How long notes are gathered into one statement after the first. Every `NOTIFY` statement is
/// a transaction that wakes each listening server's PostgreSQL backend and then that server: sent
/// one by one under chat load, they were a quarter of the database's transactions.
const GATHER: std::time::Duration = std::time::Duration::from_millis(5);

/// On PostgreSQL, starts telling the other servers about this one's events and listening to theirs.
pub fn start(state: &AppState) -> Option<[JoinHandle<()>; 2]> {
    if state.db.get_database_backend() != DbBackend::Postgres {
        return None;
    }
    let (sender, receiver) = mpsc::channel(QUEUE);
    state.events.connect_others(sender);
    Some([tokio::spawn(tell(state.clone(), receiver)), tokio::spawn(listen(state.clone()))])
}

/// Sends queued notes, a batch per statement (those of [`GATHER`]), in the order they were
/// published.
async fn tell(state: AppState, mut queue: mpsc::Receiver<Envelope>) {
    let mut batch = Vec::with_capacity(BATCH);
    while queue.recv_many(&mut batch, BATCH).await > 0 {
        tokio::time::sleep(GATHER).await;
        while batch.len() < BATCH
            && let Ok(envelope) = queue.try_recv()
        {
            batch.push(envelope);
        }
        let mut payloads = Vec::with_capacity(batch.len() + 1);
        let mut lost = state.events.take_lost();
        for envelope in batch.drain(..) {
            match serde_json::to_string(&envelope) {
                Ok(text) if text.len() <= NOTE_BYTES => payloads.push(text),
                _ => {
                    tracing::warn!(note = ?envelope.note, "an event is too large to tell the other servers");
                    lost = true;
                }
            }
        }
        if lost {
            let resync = Envelope { from: state.events.instance().to_owned(), note: Note::Resync };
            payloads.extend(serde_json::to_string(&resync).ok());
        }
        if let Err(error) = notify(&state, &payloads).await {
            tracing::warn!(%error, "could not tell the other servers; they will be told to resync");
            state.events.tell_others(|| Note::Resync);
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
}

async fn notify(state: &AppState, payloads: &[String]) -> Result<(), sea_orm::DbErr> {
    let all = serde_json::to_string(payloads).unwrap_or_else(|_| "[]".to_owned());
    let sql = "SELECT pg_notify($1, p) FROM json_array_elements_text($2::json) AS p";
    state
        .held
        .execute_raw(Statement::from_sql_and_values(DbBackend::Postgres, sql, [CHANNEL.into(), all.into()]))
        .await?;
    Ok(())
}

/// Hears the other servers, for as long as the process runs.
async fn listen(state: AppState) {
    let mut first = true;
    loop {
        let mut listener = match connect(&state).await {
            Ok(listener) => listener,
            Err(error) => {
                tracing::warn!(%error, "cannot listen to the other servers; trying again");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                continue;
            }
        };
        if !std::mem::take(&mut first) {
            catch_up(&state).await;
        }
        state.events.set_listening(true);
        loop {
            match listener.try_recv().await {
                Ok(Some(notification)) => match serde_json::from_str::<Envelope>(notification.payload()) {
                    Ok(envelope) if state.events.is_mine(&envelope) => {}
                    Ok(envelope) => hear(&state, envelope.note).await,
                    Err(error) => tracing::warn!(%error, "an unreadable note from another server"),
                },
                // The connection dropped and came back: notes in between are gone.
                Ok(None) => catch_up(&state).await,
                Err(error) => {
                    tracing::warn!(%error, "lost the other servers; listening again");
                    state.events.set_listening(false);
                    break;
                }
            }
        }
    }
}

async fn connect(state: &AppState) -> Result<PgListener, sea_orm::sqlx::Error> {
    let mut listener = PgListener::connect(&state.config.database_url).await?;
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

/// Publishes what another server told to this server's sockets.
pub async fn hear(state: &AppState, note: Note) {
    let heard: DomainResult<()> = match note {
        Note::Message { conversation_id, seq } => {
            crate::conversations::store::announce_theirs(state, &conversation_id, seq).await
        }
        Note::Ticket { change, id } => crate::tickets::announce_theirs(state, change, id).await,
        Note::Staff { news, assigned_to } => {
            state.events.staff_here(news, assigned_to);
            Ok(())
        }
        Note::Conversation(frame) => {
            state.events.conversation_here(frame);
            Ok(())
        }
        Note::Article { id } => crate::knowledge::reload(state, id).await,
        Note::Settings => crate::settings::apply_stored(state).await,
        Note::Resync => {
            catch_up(state).await;
            Ok(())
        }
    };
    if let Err(error) = heard {
        tracing::warn!(%error, "could not read what another server announced; resyncing");
        catch_up(state).await;
    }
}

/// After missing notes: every socket reads everything again, so do the settings and the index.
async fn catch_up(state: &AppState) {
    state.events.resync_here();
    if let Err(error) = crate::settings::apply_stored(state).await {
        tracing::warn!(%error, "could not read the settings again");
    }
    if let Err(error) = crate::knowledge::load_index(state).await {
        tracing::warn!(%error, "could not read the knowledge base again");
    }
}
