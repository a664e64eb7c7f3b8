//! Connecting to the database (SQLite or PostgreSQL) and bringing its schema up to date.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};

mod held;
mod writer;

pub use held::Held;
pub use writer::{Command, Work, Writer};

/// Opens a pool for `url`. SQLite gets WAL, `synchronous=NORMAL` and foreign keys; both get bounded
/// pools and timeouts.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    pool(url, if is_sqlite(url) { 8 } else { 16 + held::HELD }).await
}

fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

/// The file of an SQLite URL (`sqlite:///abs.db?mode=rwc`, `sqlite://rel.db`, `sqlite:rel.db`);
/// `None` for PostgreSQL and for an in-memory database.
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| path.into())
}

/// Whether the database outlives a process: PostgreSQL and an SQLite file do, an in-memory SQLite
/// database does not (another process opening the same URL gets a database of its own).
pub fn outlives_process(url: &str) -> bool {
    !is_sqlite(url) || (sqlite_file(url).is_some() && !url.contains("mode=memory"))
}

/// The writer conversation messages are written through ([`Writer`]). On SQLite, one connection
/// on a thread of its own: writers queue in memory, in order, instead of polling the file lock
/// (`SQLITE_BUSY`) and waking late; readers keep their own pool (WAL lets them read while it
/// writes). PostgreSQL takes concurrent writers: the same pool as `db`.
pub async fn writer(url: &str, db: &DatabaseConnection) -> Result<Writer, DbErr> {
    if is_sqlite(url) {
        Writer::dedicated(pool(url, 1).await?).map_err(|e| DbErr::Custom(format!("cannot start the writer: {e}")))
    } else {
        Ok(Writer::shared(db.clone()))
    }
}

async fn pool(url: &str, connections: u32) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    let sqlite = is_sqlite(url);
    options
        .max_connections(connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        // A connection in steady use is handed out without a ping (a round trip to the database,
        // or to SQLite's worker thread, on every acquire); one idle for a while is checked first.
        .test_before_acquire_if_idle_for(Duration::from_secs(30))
        .sqlx_logging(false);
    if sqlite {
        // sqlx applies these per connection: foreign keys on, WAL for concurrent readers, a busy
        // timeout so writers queue instead of failing, and `synchronous=NORMAL`: with WAL a commit
        // survives the process being killed (only a power loss can take the last ones back), and
        // it no longer waits for the disk on every commit.
        options.map_sqlx_sqlite_opts(|o| {
            o.foreign_keys(true)
                .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                // A page of a list (100 rows by default) fits the channel rows come back through
                // from the connection's thread: with sqlx's 50 that thread stopped halfway and
                // waited to be woken.
                .row_buffer_size(256)
        });
    }
    Database::connect(options).await
}

/// Connects and runs every pending migration.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DbErr> {
    let migrating = for_migrations(url).await?;
    Migrator::up(&migrating, None).await?;
    migrating.close().await?;
    connect(url).await
}

/// One connection, to change the schema through. An SQLite connection that sat idle in a pool
/// while another dropped a table checks a new `CREATE INDEX` against the schema it read before
/// ("index … already exists"); with one connection there is no other.
pub async fn for_migrations(url: &str) -> Result<DatabaseConnection, DbErr> {
    pool(url, 1).await
}

/// A cheap round trip, for readiness checks.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.execute_unprepared("SELECT 1").await.map(|_| ())
}

/// The connection pool now: (open connections, of which idle).
pub fn pool_now(db: &DatabaseConnection) -> (u32, usize) {
    match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
    }
}

/// Copies the SQLite database of `url` into the new file `to`, consistent and while servers go on
/// using it (`VACUUM INTO`). PostgreSQL is backed up with `pg_dump`.
pub async fn backup(url: &str, to: &std::path::Path) -> Result<(), DbErr> {
    if !is_sqlite(url) {
        return Err(DbErr::Custom("back up PostgreSQL with pg_dump (see README, Backups)".into()));
    }
    if to.exists() {
        return Err(DbErr::Custom(format!("{} exists already: a backup never overwrites a file", to.display())));
    }
    let target = to.to_str().ok_or_else(|| DbErr::Custom("the backup file's name must be UTF-8".into()))?;
    let db = pool(url, 1).await?;
    let copied = db.execute_unprepared(&format!("VACUUM INTO '{}'", target.replace('\'', "''"))).await;
    let _ = db.close().await;
    copied.map(|_| ())
}
