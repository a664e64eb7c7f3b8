//! Every migration runs up → down → up.

use migration::{Migrator, MigratorTrait};

use crate::harness::TestDb;

#[tokio::test]
async fn migrations_go_up_down_and_up_again() {
    let db = TestDb::new().await;
    let conn = domain::db::for_migrations(&db.url).await.unwrap();
    Migrator::up(&conn, None).await.unwrap();
    assert_eq!(Migrator::get_pending_migrations(&conn).await.unwrap().len(), 0);
    Migrator::down(&conn, None).await.unwrap();
    assert_eq!(Migrator::get_pending_migrations(&conn).await.unwrap().len(), Migrator::migrations().len());
    Migrator::up(&conn, None).await.unwrap();
    assert_eq!(Migrator::get_applied_migrations(&conn).await.unwrap().len(), Migrator::migrations().len());
    let _ = db.is_postgres();
    conn.close().await.unwrap();
}
