//! The connection every customer message's statements run on: reading the conversation, writing
//! the turn, telling the other servers. sqlx pings a PostgreSQL connection each time it goes back
//! to its pool: a round trip to the database, and a task, for every statement a request runs. On
//! PostgreSQL these statements run on connections held out of the pool instead, which go back to
//! a list here. One whose statement did not finish (its request was dropped midway) or failed goes
//! back to the pool, which checks it; so does one left idle for a while, so that the pool checks
//! it before it serves again. On SQLite they run on the pool.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use sea_orm::sqlx::pool::PoolConnection;
use sea_orm::sqlx::postgres::{PgPool, Postgres};
use sea_orm::{
    ConnAcquireErr, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, ExecResult, QueryResult, RuntimeErr,
    Statement,
};
use sea_query_sqlx::SqlxValues;
use tokio::sync::{Semaphore, SemaphorePermit};

/// Most connections held at once. The PostgreSQL pool is this much larger than it would be, so
/// that the rest of the server has as many as before even while they are all held.
pub const HELD: u32 = 8;

/// A connection idle this long goes back to the pool before it serves again.
const IDLE: Duration = Duration::from_secs(30);

/// The longest a statement waits for a connection, as long as the pool's.
const ACQUIRE: Duration = Duration::from_secs(5);

/// Counts the statements run (for a test of how many a customer message takes).
type Count = Arc<dyn Fn() + Send + Sync>;

/// Runs statements on held connections (PostgreSQL) or the pool (cheap to clone).
#[derive(Clone)]
pub struct Held {
    db: DatabaseConnection,
    kept: Option<Arc<Kept>>,
    count: Option<Count>,
}

struct Kept {
    pool: PgPool,
    /// Idle held connections, each with when it was last used; the latest used is taken first.
    idle: Mutex<Vec<(PoolConnection<Postgres>, Instant)>>,
    /// One per connection that may be held: statements wait for one in the order they came.
    turns: Semaphore,
}

/// A held connection while a statement runs on it.
struct Lease<'a> {
    connection: PoolConnection<Postgres>,
    _turn: SemaphorePermit<'a>,
}

impl Held {
    /// Statements on `db`: through held connections when it is PostgreSQL.
    pub fn new(db: DatabaseConnection) -> Held {
        let kept = (db.get_database_backend() == DbBackend::Postgres).then(|| {
            let pool = db.get_postgres_connection_pool().clone();
            Arc::new(Kept { pool, idle: Mutex::new(Vec::new()), turns: Semaphore::new(HELD as usize) })
        });
        Held { db, kept, count: None }
    }

    /// Calls `count` for every statement run from now on (by this copy).
    pub fn count_statements(&mut self, count: impl Fn() + Send + Sync + 'static) {
        let count: Count = Arc::new(count);
        let each = count.clone();
        self.db.set_metric_callback(move |_| each());
        self.count = Some(count);
    }

    /// A held connection, and `stmt` to run on it (counted).
    async fn start<'a>(&self, kept: &'a Kept, stmt: Statement) -> Result<(Lease<'a>, Query), DbErr> {
        if let Some(count) = &self.count {
            count();
        }
        let connection = kept.take().await?;
        let values = SqlxValues(stmt.values.unwrap_or(sea_orm::Values(Vec::new())));
        Ok((connection, sea_orm::sqlx::query_with(sea_orm::sqlx::AssertSqlSafe(stmt.sql), values)))
    }
}

type Query = sea_orm::sqlx::query::Query<'static, Postgres, SqlxValues>;

impl Kept {
    /// A connection to run a statement on, once one of the [`HELD`] is free.
    async fn take(&self) -> Result<Lease<'_>, DbErr> {
        let timeout = DbErr::ConnectionAcquire(ConnAcquireErr::Timeout);
        let turn = match tokio::time::timeout(ACQUIRE, self.turns.acquire()).await {
            Ok(Ok(turn)) => turn,
            _ => return Err(timeout),
        };
        loop {
            let next = self.idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
            match next {
                Some((connection, since)) if since.elapsed() < IDLE => return Ok(Lease { connection, _turn: turn }),
                // Dropped: back to the pool, which pings it now and checks it again before use.
                Some(_) => continue,
                None => {
                    let connection = self.pool.acquire().await.map_err(|e| match e {
                        sea_orm::sqlx::Error::PoolTimedOut => timeout,
                        other => DbErr::Conn(RuntimeErr::SqlxError(Arc::new(other))),
                    })?;
                    return Ok(Lease { connection, _turn: turn });
                }
            }
        }
    }

    /// What a statement on a leased connection returned; the connection kept for the next
    /// statement if it succeeded, otherwise dropped (back to the pool, which checks it).
    fn done<T>(&self, lease: Lease<'_>, done: Result<T, sea_orm::sqlx::Error>) -> Result<T, DbErr> {
        let done = done.map_err(|e| DbErr::Query(RuntimeErr::SqlxError(Arc::new(e))))?;
        // Its turn is given back after: there is always room.
        self.idle.lock().unwrap_or_else(PoisonError::into_inner).push((lease.connection, Instant::now()));
        Ok(done)
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for Held {
    fn get_database_backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        let Some(kept) = &self.kept else { return self.db.execute_raw(stmt).await };
        let (mut lease, query) = self.start(kept, stmt).await?;
        let done = query.execute(&mut *lease.connection).await;
        kept.done(lease, done).map(Into::into)
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.db.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let Some(kept) = &self.kept else { return self.db.query_one_raw(stmt).await };
        let (mut lease, query) = self.start(kept, stmt).await?;
        let done = query.fetch_optional(&mut *lease.connection).await;
        kept.done(lease, done).map(|row| row.map(Into::into))
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        let Some(kept) = &self.kept else { return self.db.query_all_raw(stmt).await };
        let (mut lease, query) = self.start(kept, stmt).await?;
        let done = query.fetch_all(&mut *lease.connection).await;
        kept.done(lease, done).map(|rows| rows.into_iter().map(Into::into).collect())
    }

    fn support_returning(&self) -> bool {
        self.db.support_returning()
    }
}
