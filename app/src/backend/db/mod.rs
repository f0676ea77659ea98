//! All SQL lives below here. One pool type (`sqlx::Any`) serves SQLite and PostgreSQL;
//! queries use `$n` placeholders and types both engines decode the same way
//! (BIGINT integers, TEXT strings, 0/1 flags).

pub mod accounts;
pub mod applications;
pub mod article_writes;
pub mod articles;
pub mod attempts;
pub mod audit;
pub mod carts;
pub mod catalogue;
pub mod catalogue_seed;
pub mod content_seed;
pub mod csv_files;
pub mod dashboard;
pub mod form_drafts;
pub mod glossary;
pub mod invoices;
pub mod order_details;
pub mod orders;
pub mod outbox;
pub mod parcels;
pub mod payments;
pub mod product_review;
pub mod products;
pub mod rates;
pub mod recipients;
pub mod refunds;
pub mod reviews;
pub mod revisions;
pub mod sales;
pub mod sessions;
pub mod shipping;
pub mod shops;
pub mod staff;
pub mod stock;
pub mod variants;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Executor, Transaction};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// Which engine a `DATABASE_URL` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A transaction on either engine.
pub type Tx = Transaction<'static, Any>;

/// A transaction that will write. SQLite takes its write lock at the start
/// (`BEGIN IMMEDIATE`), so concurrent writers queue instead of failing half-way when one
/// of them upgrades a read lock; PostgreSQL's rows are locked as they are written (and
/// `FOR UPDATE` where a read decides a write).
pub async fn write_transaction(pool: &AnyPool, engine: Engine) -> Result<Tx, sqlx::Error> {
    match engine {
        Engine::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await,
        Engine::Postgres => pool.begin().await,
    }
}

/// A read-only transaction that sees the whole database at one moment, for a reader of
/// many tables that must agree with each other (the catalogue snapshot). Outside one, each
/// statement sees the database as it is when it runs, so writes committed between two of
/// them tear the reading (a shop's old name beside its newly approved product). SQLite's
/// transaction keeps the moment of its first read; PostgreSQL's default isolation moves on
/// with every statement, so it asks for repeatable read.
pub async fn read_snapshot(pool: &AnyPool) -> Result<Tx, sqlx::Error> {
    match Engine::of(pool.connect_options().database_url.as_str()) {
        Some(Engine::Postgres) => {
            pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .await
        }
        _ => pool.begin().await,
    }
}

impl Engine {
    pub fn of(url: &str) -> Option<Engine> {
        if url.starts_with("sqlite:") {
            Some(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Engine::Postgres)
        } else {
            None
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("DATABASE_URL must start with sqlite: or postgres:// (got {0:?})")]
    UnknownScheme(String),
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot open the database: {0}")]
    Open(#[from] sqlx::Error),
}

/// Opens a pool. A SQLite file (and its folder) is created on first use, in WAL mode
/// with foreign keys on.
pub async fn connect(url: &str, max_connections: u32) -> Result<AnyPool, ConnectError> {
    sqlx::any::install_default_drivers();
    let engine = Engine::of(url).ok_or_else(|| ConnectError::UnknownScheme(url.to_owned()))?;
    let url = match engine {
        Engine::Sqlite => prepare_sqlite_url(url)?,
        Engine::Postgres => url.to_owned(),
    };
    let options = AnyConnectOptions::from_str(&url)?;
    let pool = AnyPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(10))
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if engine == Engine::Sqlite {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                         PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;",
                    )
                    .await?;
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await?;
    Ok(pool)
}

/// The file a `sqlite:` URL names; `None` for an in-memory database or another engine.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let file = path.split('?').next().unwrap_or_default();
    (!file.is_empty() && file != ":memory:").then(|| PathBuf::from(file))
}

/// Adds `mode=rwc` so the file is created, and creates its folder.
fn prepare_sqlite_url(url: &str) -> Result<String, ConnectError> {
    let parent = sqlite_file(url).and_then(|file| file.parent().map(Path::to_path_buf));
    if let Some(parent) = parent.filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(&parent).map_err(|source| ConnectError::Folder {
            path: parent.display().to_string(),
            source,
        })?;
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

/// Runs the migrations of the pool's engine.
pub async fn migrate(pool: &AnyPool, url: &str) -> Result<(), sqlx::migrate::MigrateError> {
    match Engine::of(url) {
        Some(Engine::Postgres) => {
            sqlx::migrate!("../server/migrations/postgres")
                .run(pool)
                .await
        }
        _ => {
            sqlx::migrate!("../server/migrations/sqlite")
                .run(pool)
                .await
        }
    }
}

/// Whether every migration this build carries has been applied to the database.
pub async fn migrations_applied(pool: &AnyPool, engine: Engine) -> bool {
    let migrator = match engine {
        Engine::Postgres => sqlx::migrate!("../server/migrations/postgres"),
        Engine::Sqlite => sqlx::migrate!("../server/migrations/sqlite"),
    };
    let Some(latest) = migrator.iter().map(|m| m.version).max() else {
        return true;
    };
    sqlx::query_scalar::<_, i64>(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM _sqlx_migrations WHERE version = $1 AND success = TRUE",
    )
    .bind(latest)
    .fetch_one(pool)
    .await
    .is_ok_and(|n| n == 1)
}

/// Writes a consistent copy of a SQLite database to `file`, which must not exist yet, with
/// `VACUUM INTO`: it reads one snapshot while other connections go on reading and writing.
/// The file name is bound as a parameter, never spliced into the SQL.
pub async fn sqlite_copy_into(pool: &AnyPool, file: &str) -> Result<(), sqlx::Error> {
    sqlx::query("VACUUM INTO $1")
        .bind(file)
        .execute(pool)
        .await
        .map(|_| ())
}

/// SQLite's check of a database file's structure: `Ok(None)` when sound, else what it found.
pub async fn sqlite_quick_check(pool: &AnyPool) -> Result<Option<String>, sqlx::Error> {
    let found: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(pool)
        .await?;
    Ok((found != ["ok"]).then(|| found.join("; ")))
}

/// Whether the database answers a trivial query.
pub async fn ping(pool: &AnyPool) -> bool {
    sqlx::query("SELECT 1").execute(pool).await.is_ok()
}

pub fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// The server secret called `name`; `fresh` becomes it when there is none yet (the first
/// server to ask wins, and every server then reads the same value).
pub async fn secret(pool: &AnyPool, name: &str, fresh: &str) -> Result<Vec<u8>, sqlx::Error> {
    sqlx::query("INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(name)
        .bind(fresh)
        .execute(pool)
        .await?;
    let value: String = sqlx::query_scalar("SELECT value FROM secrets WHERE name = $1")
        .bind(name)
        .fetch_one(pool)
        .await?;
    Ok(value.into_bytes())
}

/// Whether a failed statement lost a race that trying the transaction again can win:
/// PostgreSQL's serialization failure (40001) or deadlock (40P01), SQLite's busy or locked.
pub fn is_retryable(error: &sqlx::Error) -> bool {
    let Some(code) = error.as_database_error().and_then(|e| e.code()) else {
        return false;
    };
    matches!(
        code.as_ref(),
        "40001" | "40P01" | "5" | "6" | "517" | "261" | "262"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sqlite_url_names_its_file_without_the_query() {
        for (url, file) in [
            ("sqlite://data/pavilion.db", Some("data/pavilion.db")),
            (
                "sqlite:///srv/pavilion/pavilion.db",
                Some("/srv/pavilion/pavilion.db"),
            ),
            ("sqlite:pavilion.db?mode=rwc", Some("pavilion.db")),
            ("sqlite::memory:", None),
            ("postgres://postgres@127.0.0.1/pavilion", None),
        ] {
            assert_eq!(sqlite_file(url), file.map(PathBuf::from), "{url}");
        }
    }
}
