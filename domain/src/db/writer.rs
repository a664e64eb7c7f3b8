//! Where conversation messages are written. SQLite lets one writer in at a time, so on SQLite the
//! writes go through one connection driven by a thread of its own: callers queue in memory, in
//! order, and between the statements of a transaction the thread has nothing else to run. (On the
//! request threads, a transaction's task waited behind every other request's work between its
//! statements, holding the database the whole time.) PostgreSQL takes concurrent writers: there
//! the work runs on the caller's task, through the shared pool.

use std::future::Future;
use std::pin::Pin;

use futures::FutureExt;
use sea_orm::DatabaseConnection;
use tokio::sync::{mpsc, oneshot};

use crate::error::{DomainError, DomainResult};

/// Work for the writer: given its connection, a future that writes.
pub type Work<T> = Pin<Box<dyn Future<Output = DomainResult<T>> + Send>>;
type Job = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Most writes waiting for the SQLite writer; callers beyond wait to queue.
const QUEUE: usize = 1024;

/// The connection messages are written through (cheap to clone).
#[derive(Clone)]
pub struct Writer {
    db: DatabaseConnection,
    /// The SQLite writer thread's queue; `None` runs the work on the caller's task.
    jobs: Option<mpsc::Sender<Job>>,
}

impl Writer {
    /// Writes through `db` on the caller's task (PostgreSQL, or a state without a writer of its
    /// own).
    pub fn shared(db: DatabaseConnection) -> Writer {
        Writer { db, jobs: None }
    }

    /// Writes through `db` (a pool of one SQLite connection) on a thread of its own, one piece of
    /// work at a time, in the order they came. The thread ends when the last `Writer` is dropped.
    pub fn dedicated(db: DatabaseConnection) -> std::io::Result<Writer> {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        let (jobs, mut queue) = mpsc::channel::<Job>(QUEUE);
        std::thread::Builder::new().name("joxai-writer".into()).spawn(move || {
            runtime.block_on(async move {
                while let Some(job) = queue.recv().await {
                    // A write that panics fails alone (its caller is told the writer stopped);
                    // the thread goes on with the next.
                    if std::panic::AssertUnwindSafe(job).catch_unwind().await.is_err() {
                        tracing::error!("a database write panicked");
                    }
                }
            });
        })?;
        Ok(Writer { db, jobs: Some(jobs) })
    }

    /// The connection itself, to instrument it (a metric callback counts its statements).
    pub fn connection_mut(&mut self) -> &mut DatabaseConnection {
        &mut self.db
    }

    /// Runs `work` with the writer's connection and returns what it returned.
    pub async fn run<T, F>(&self, work: F) -> DomainResult<T>
    where
        T: Send + 'static,
        F: FnOnce(DatabaseConnection) -> Work<T> + Send + 'static,
    {
        let Some(jobs) = &self.jobs else { return work(self.db.clone()).await };
        let (done, answer) = oneshot::channel();
        let db = self.db.clone();
        let job: Job = Box::pin(async move {
            // The caller may have gone (its request was dropped): the write still completes.
            let _ = done.send(work(db).await);
        });
        let stopped = || DomainError::Internal("the database writer has stopped".into());
        jobs.send(job).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}
