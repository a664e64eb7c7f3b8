//! Where conversation messages are written. SQLite lets one writer in at a time, so on SQLite the
//! writes go through one connection driven by a thread of its own: callers queue in memory, in
//! order, and between the statements of a transaction the thread has nothing else to run. (On the
//! request threads, a transaction's task waited behind every other request's work between its
//! statements, holding the database the whole time.) A transaction given as one [`Command`] (a
//! customer's turn) is committed together with the commands queued behind it: one commit, and
//! one round trip to the connection's thread, for a group. PostgreSQL takes concurrent writers:
//! there the work runs on the caller's task, through the shared pool.

use std::future::Future;
use std::pin::Pin;

use futures::FutureExt;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, QueryResult, Value};
use tokio::sync::{mpsc, oneshot};

use crate::error::{DomainError, DomainResult};
use crate::sql::Sql;

/// Work for the writer: given its connection, a future that writes.
pub type Work<T> = Pin<Box<dyn Future<Output = DomainResult<T>> + Send>>;

/// A transaction as one command: its statements (`;`-separated, without `BEGIN` and `COMMIT`),
/// their values in order, and how many rows it returns when it succeeds.
pub struct Command {
    pub sql: String,
    pub values: Vec<Value>,
    pub rows: usize,
}

type Answer = oneshot::Sender<DomainResult<Vec<QueryResult>>>;

enum Job {
    Work(Pin<Box<dyn Future<Output = ()> + Send>>),
    Command(Command, Answer),
}

/// Most writes waiting for the SQLite writer; callers beyond wait to queue.
const QUEUE: usize = 1024;

/// The writer's commands are SQLite's.
const SQLITE: Sql = Sql(DbBackend::Sqlite);

/// Most commands committed together.
const GROUP: usize = 16;

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
        let (jobs, queue) = mpsc::channel::<Job>(QUEUE);
        let connection = db.clone();
        std::thread::Builder::new()
            .name("joxai-writer".into())
            .spawn(move || runtime.block_on(drive(connection, queue)))?;
        Ok(Writer { db, jobs: Some(jobs) })
    }

    /// The database it writes to.
    pub fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
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
        let job = Job::Work(Box::pin(async move {
            // The caller may have gone (its request was dropped): the write still completes.
            let _ = done.send(work(db).await);
        }));
        jobs.send(job).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }

    /// Runs `command` as one transaction (SQLite) and returns its rows. Nothing of it is written
    /// if it fails. On the writer's thread, the commands queued behind it go in the same
    /// transaction (those of the same statements, in a row); if one of a group fails, each is run
    /// again alone, so that each is told its own outcome and no other is taken back with it.
    pub async fn command(&self, command: Command) -> DomainResult<Vec<QueryResult>> {
        let Some(jobs) = &self.jobs else { return alone(&self.db, command).await };
        let (done, answer) = oneshot::channel();
        jobs.send(Job::Command(command, done)).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> DomainError {
    DomainError::Internal("the database writer has stopped".into())
}

/// The writer thread: the jobs in the order they came, commands queued together in groups.
async fn drive(db: DatabaseConnection, mut queue: mpsc::Receiver<Job>) {
    let mut next = None;
    loop {
        let job = match next.take() {
            Some(job) => job,
            None => match queue.recv().await {
                Some(job) => job,
                None => break,
            },
        };
        match job {
            Job::Work(work) => {
                // A write that panics fails alone (its caller is told the writer stopped); the
                // thread goes on with the next.
                if std::panic::AssertUnwindSafe(work).catch_unwind().await.is_err() {
                    tracing::error!("a database write panicked");
                }
            }
            Job::Command(command, done) => {
                let mut group = vec![(command, done)];
                while group.len() < GROUP {
                    match queue.try_recv() {
                        // Only the same statements go together: SQLite's connection keeps a
                        // group's text prepared, so a few shapes in a few sizes stay prepared,
                        // where every mix of shapes would be new text to parse and plan.
                        Ok(Job::Command(command, done)) if command.sql == group[0].0.sql => group.push((command, done)),
                        // Other work runs after the group, still in order.
                        Ok(work) => {
                            next = Some(work);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                together(&db, group).await;
            }
        }
    }
}

/// `group` in one transaction; each alone if that fails.
async fn together(db: &DatabaseConnection, group: Vec<(Command, Answer)>) {
    if group.len() > 1 {
        let expected: usize = group.iter().map(|(command, _)| command.rows).sum();
        let mut sql = String::from("BEGIN");
        let mut values = Vec::new();
        for (command, _) in &group {
            sql.push_str("; ");
            sql.push_str(&command.sql);
            values.extend(command.values.iter().cloned());
        }
        // Committed only once every command is seen to have returned what it should.
        match SQLITE.all(db, &sql, values).await {
            Ok(rows) if rows.len() == expected && SQLITE.all(db, "COMMIT", Vec::new()).await.is_ok() => {
                let mut rows = rows.into_iter();
                for (command, done) in group {
                    let _ = done.send(Ok(rows.by_ref().take(command.rows).collect()));
                }
                return;
            }
            _ => {
                let _ = db.execute_unprepared("ROLLBACK").await;
            }
        }
    }
    for (command, done) in group {
        let _ = done.send(alone(db, command).await);
    }
}

/// `command` in a transaction of its own.
async fn alone(db: &DatabaseConnection, command: Command) -> DomainResult<Vec<QueryResult>> {
    let done = SQLITE.all(db, &format!("BEGIN; {}; COMMIT", command.sql), command.values).await;
    if done.is_err() {
        // The statements after the one that failed did not run: the transaction is still open.
        let _ = db.execute_unprepared("ROLLBACK").await;
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    fn insert(x: i64) -> Command {
        Command {
            sql: "INSERT INTO t (x) VALUES (?) RETURNING x".into(),
            values: vec![Value::BigInt(Some(x))],
            rows: 1,
        }
    }

    async fn kept(db: &DatabaseConnection) -> Vec<i64> {
        let rows = SQLITE.all(db, "SELECT x FROM t ORDER BY x", Vec::new()).await.unwrap();
        rows.iter().map(|r| r.try_get::<i64>("", "x").unwrap()).collect()
    }

    /// A group is one transaction; when one of it fails, each is run alone and told its own outcome.
    #[tokio::test]
    async fn a_group_commits_together_and_a_failure_fails_alone() {
        // One connection: each of a pool's would have an in-memory database of its own.
        let db = crate::db::pool("sqlite::memory:", 1).await.unwrap();
        db.execute_unprepared("CREATE TABLE t (x INTEGER NOT NULL UNIQUE)").await.unwrap();
        let group = |xs: &[i64]| {
            let mut answers = Vec::new();
            let group = xs
                .iter()
                .map(|&x| {
                    let (done, answer) = oneshot::channel();
                    answers.push(answer);
                    (insert(x), done)
                })
                .collect();
            (group, answers)
        };
        let (both, answers) = group(&[1, 2]);
        together(&db, both).await;
        for answer in answers {
            assert_eq!(answer.await.unwrap().unwrap().len(), 1);
        }
        let (clashing, answers) = group(&[3, 1, 4]);
        together(&db, clashing).await;
        let mut outcomes = Vec::new();
        for answer in answers {
            outcomes.push(answer.await.unwrap().is_ok());
        }
        assert_eq!(outcomes, [true, false, true]);
        assert_eq!(kept(&db).await, [1, 2, 3, 4]);
    }
}
