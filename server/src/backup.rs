//! `pavilion backup` and `pavilion restore`: the database and the data dir's files, copied
//! while the server runs, and put back only where no store lives yet.
//!
//! A backup folder holds `backup.json` (written last: a folder without it is incomplete),
//! the SQLite database as `pavilion.db` (a consistent snapshot made with `VACUUM INTO`) or,
//! on PostgreSQL, `pavilion.pgdump` once the operator has run the `pg_dump` we print, and
//! `files/`: the data dir without the database, the search index (each server rebuilds it
//! from the database) and `mail.log`. The database is copied before the files, so every
//! file a row names is in the backup; a file uploaded meanwhile is copied unreferenced.

use std::path::{Path, PathBuf};

use app::backend::db::{self, Engine};
use serde::{Deserialize, Serialize};

use crate::config::Config;

pub const MANIFEST: &str = "backup.json";
pub const SQLITE_FILE: &str = "pavilion.db";
pub const PG_DUMP_FILE: &str = "pavilion.pgdump";
pub const FILES_DIR: &str = "files";
/// Bumped when the folder's layout changes; a newer backup is refused.
const FORMAT: u32 = 1;

/// What a backup folder says about itself (`backup.json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// `sqlite` or `postgres`.
    pub engine: String,
    pub pavilion_version: String,
    /// The database's file in the folder.
    pub database: String,
    /// Files under `files/` and their total size.
    pub files: usize,
    pub bytes: u64,
}

#[derive(Debug)]
pub struct BackupReport {
    pub manifest: Manifest,
    /// On PostgreSQL, the `pg_dump` command that puts the database beside the files.
    pub database_command: Option<String>,
}

#[derive(Debug)]
pub struct RestoreReport {
    pub manifest: Manifest,
    /// On PostgreSQL, the `pg_restore` command that loads the database.
    pub database_command: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} exists and is not an empty folder: a backup goes into a new or empty folder")]
    DestinationNotEmpty(PathBuf),
    #[error("{dest} is inside PAVILION_DATA_DIR ({data_dir}): keep backups outside it")]
    DestinationInDataDir { dest: PathBuf, data_dir: PathBuf },
    #[error("the backup path is not valid UTF-8: {0}")]
    NotUtf8(PathBuf),
    #[error("DATABASE_URL: no SQLite database at {0}")]
    NoDatabase(PathBuf),
    #[error(
        "{0} is missing: run the pg_dump command `pavilion backup` printed, then restore again"
    )]
    NoDump(PathBuf),
    #[error("DATABASE_URL: an in-memory database cannot be backed up or restored")]
    InMemory,
    #[error("DATABASE_URL: {0}")]
    Connect(#[from] db::ConnectError),
    #[error("DATABASE_URL: copying the database failed: {0}")]
    Copy(sqlx::Error),
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} is not a Pavilion backup: it has no readable backup.json")]
    NotABackup(PathBuf),
    #[error("{path} cannot be used: {reason}")]
    BadManifest { path: PathBuf, reason: String },
    #[error("the backup holds a {backup} database but DATABASE_URL names {target}")]
    EngineMismatch {
        backup: String,
        target: &'static str,
    },
    #[error("the backup is incomplete: backup.json lists {expected} files, {found} were copied")]
    Incomplete { expected: usize, found: usize },
    #[error(
        "PAVILION_DATA_DIR {0} is not empty: restore only into an empty data dir, \
         so a live store is never overwritten"
    )]
    DataDirNotEmpty(PathBuf),
    #[error(
        "DATABASE_URL: {0} already exists: restore only where no database is, \
         so a live store is never overwritten"
    )]
    DatabaseExists(PathBuf),
    #[error("the restored database {path} is damaged: {found}")]
    Damaged { path: PathBuf, found: String },
    #[error(
        "DATABASE_URL: the restored database (backed up by pavilion {version}) cannot be \
         migrated by this pavilion {}: {source}", env!("CARGO_PKG_VERSION")
    )]
    Migrate {
        version: String,
        source: sqlx::migrate::MigrateError,
    },
    #[error("copying the files stopped unexpectedly")]
    Interrupted,
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> BackupError {
    let path = path.to_path_buf();
    move |source| BackupError::Io {
        action,
        path,
        source,
    }
}

/// `pavilion backup PATH`: the database and the data dir's files into the new or empty
/// folder `dest`, outside the data dir.
pub async fn backup(config: &Config, dest: &Path) -> Result<BackupReport, BackupError> {
    let engine = engine_of(config);
    let sqlite = match engine {
        Engine::Sqlite => {
            let file = db::sqlite_file(&config.database_url).ok_or(BackupError::InMemory)?;
            if !file.is_file() {
                return Err(BackupError::NoDatabase(file));
            }
            Some(file)
        }
        Engine::Postgres => None,
    };
    prepare_destination(dest, &config.data_dir)?;

    let database = match engine {
        Engine::Sqlite => SQLITE_FILE,
        Engine::Postgres => PG_DUMP_FILE,
    };
    let database_command = match engine {
        Engine::Sqlite => {
            let copy = dest.join(SQLITE_FILE);
            let copy = copy
                .to_str()
                .ok_or_else(|| BackupError::NotUtf8(dest.to_path_buf()))?;
            let pool = db::connect(&config.database_url, 1).await?;
            let copied = db::sqlite_copy_into(&pool, copy).await;
            pool.close().await;
            copied.map_err(BackupError::Copy)?;
            None
        }
        Engine::Postgres => Some(format!(
            "pg_dump --format=custom --file {} \"$DATABASE_URL\"",
            shell_quote(&dest.join(PG_DUMP_FILE).display().to_string())
        )),
    };

    // Walked from its canonical path, the data dir's entries compare with these as they are.
    let mut skip = vec![
        config.data_dir.join("search"),
        config.data_dir.join("mail.log"),
    ];
    if let Some(file) = sqlite {
        let name = file.as_os_str().to_owned();
        skip.extend(["", "-wal", "-shm", "-journal"].map(|suffix| {
            let mut path = name.clone();
            path.push(suffix);
            PathBuf::from(path)
        }));
    }
    let skip: Vec<PathBuf> = skip.iter().map(|path| absolute(path)).collect();
    let (from, to) = (absolute(&config.data_dir), dest.join(FILES_DIR));
    let copied = tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&to).map_err(io("create", &to))?;
        if !from.is_dir() {
            return Ok(Copied::default());
        }
        copy_tree(&from, &to, &|path| skip.iter().any(|s| s == path))
    })
    .await
    .map_err(|_| BackupError::Interrupted)??;

    let manifest = Manifest {
        format: FORMAT,
        created_at: now_rfc3339(),
        engine: engine_name(engine).to_owned(),
        pavilion_version: env!("CARGO_PKG_VERSION").to_owned(),
        database: database.to_owned(),
        files: copied.files,
        bytes: copied.bytes,
    };
    let json = serde_json::to_vec_pretty(&manifest).map_err(|error| BackupError::Io {
        action: "write",
        path: dest.join(MANIFEST),
        source: error.into(),
    })?;
    let path = dest.join(MANIFEST);
    std::fs::write(&path, json).map_err(io("write", &path))?;
    Ok(BackupReport {
        manifest,
        database_command,
    })
}

/// `pavilion restore PATH`: the backup in `source` into an empty data dir (and, on SQLite,
/// to the file `DATABASE_URL` names, which must not exist), then the database is checked
/// and migrated.
pub async fn restore(config: &Config, source: &Path) -> Result<RestoreReport, BackupError> {
    let manifest = read_manifest(source)?;
    let engine = engine_of(config);
    if manifest.engine != engine_name(engine) {
        return Err(BackupError::EngineMismatch {
            backup: manifest.engine,
            target: engine_name(engine),
        });
    }
    let sqlite = match engine {
        Engine::Sqlite => {
            let file = db::sqlite_file(&config.database_url).ok_or(BackupError::InMemory)?;
            let copy = source.join(&manifest.database);
            if !copy.is_file() {
                return Err(BackupError::NoDatabase(copy));
            }
            if file.exists() {
                return Err(BackupError::DatabaseExists(file));
            }
            Some((copy, file))
        }
        Engine::Postgres => {
            let dump = source.join(PG_DUMP_FILE);
            if !dump.is_file() {
                return Err(BackupError::NoDump(dump));
            }
            None
        }
    };
    let data_dir = config.data_dir.clone();
    if !is_empty_dir(&data_dir)? {
        return Err(BackupError::DataDirNotEmpty(data_dir));
    }

    let from = source.join(FILES_DIR);
    let to = data_dir.clone();
    let copied = tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&to).map_err(io("create", &to))?;
        if !from.is_dir() {
            return Ok(Copied::default());
        }
        copy_tree(&from, &to, &|_| false)
    })
    .await
    .map_err(|_| BackupError::Interrupted)??;
    if copied.files != manifest.files {
        return Err(BackupError::Incomplete {
            expected: manifest.files,
            found: copied.files,
        });
    }

    let database_command = match sqlite {
        Some((copy, file)) => {
            if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(io("create", parent))?;
            }
            if let Err(error) = std::fs::copy(&copy, &file) {
                // Only our own half-written copy is removed: the file did not exist before.
                let _ = std::fs::remove_file(&file);
                return Err(io("copy the database to", &file)(error));
            }
            verify(config, &file, &manifest.pavilion_version).await?;
            None
        }
        None => Some(format!(
            "pg_restore --no-owner --exit-on-error --dbname \"$DATABASE_URL\" {}",
            shell_quote(&source.join(PG_DUMP_FILE).display().to_string())
        )),
    };
    Ok(RestoreReport {
        manifest,
        database_command,
    })
}

/// Opens the restored SQLite file, checks its structure and brings its migrations up to date.
async fn verify(config: &Config, file: &Path, version: &str) -> Result<(), BackupError> {
    let pool = db::connect(&config.database_url, 1).await?;
    let checked = async {
        if let Some(found) = db::sqlite_quick_check(&pool)
            .await
            .map_err(BackupError::Copy)?
        {
            return Err(BackupError::Damaged {
                path: file.to_path_buf(),
                found,
            });
        }
        db::migrate(&pool, &config.database_url)
            .await
            .map_err(|source| BackupError::Migrate {
                version: version.to_owned(),
                source,
            })
    }
    .await;
    pool.close().await;
    checked
}

fn read_manifest(source: &Path) -> Result<Manifest, BackupError> {
    let path = source.join(MANIFEST);
    let text = std::fs::read(&path).map_err(|_| BackupError::NotABackup(source.to_path_buf()))?;
    let manifest: Manifest =
        serde_json::from_slice(&text).map_err(|error| BackupError::BadManifest {
            path: path.clone(),
            reason: error.to_string(),
        })?;
    if manifest.format > FORMAT {
        return Err(BackupError::BadManifest {
            path,
            reason: format!(
                "it was written by pavilion {}, newer than this one ({})",
                manifest.pavilion_version,
                env!("CARGO_PKG_VERSION")
            ),
        });
    }
    Ok(manifest)
}

/// Creates `dest` unless it is an empty folder already; refuses anything else, and a
/// folder inside the data dir (the next backup would copy this one).
fn prepare_destination(dest: &Path, data_dir: &Path) -> Result<(), BackupError> {
    if !is_empty_dir(dest)? {
        return Err(BackupError::DestinationNotEmpty(dest.to_path_buf()));
    }
    let existed = dest.exists();
    std::fs::create_dir_all(dest).map_err(io("create", dest))?;
    let inside = match (dest.canonicalize(), data_dir.canonicalize()) {
        (Ok(dest), Ok(data_dir)) => dest.starts_with(data_dir),
        _ => false,
    };
    if inside {
        if !existed {
            let _ = std::fs::remove_dir(dest);
        }
        return Err(BackupError::DestinationInDataDir {
            dest: dest.to_path_buf(),
            data_dir: data_dir.to_path_buf(),
        });
    }
    Ok(())
}

/// True for a folder with nothing in it or a path where nothing is.
fn is_empty_dir(path: &Path) -> Result<bool, BackupError> {
    match std::fs::read_dir(path) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(error) if error.kind() == std::io::ErrorKind::NotADirectory => Ok(false),
        Err(error) => Err(io("read", path)(error)),
    }
}

#[derive(Debug, Default)]
struct Copied {
    files: usize,
    bytes: u64,
}

/// Copies the regular files under `from` to the same paths under `to`, leaving out what
/// `skip` names, symbolic links, and the `.NAME.*.tmp` files of writes in progress. A file
/// that disappears while the copy runs is left out too.
fn copy_tree(from: &Path, to: &Path, skip: &dyn Fn(&Path) -> bool) -> Result<Copied, BackupError> {
    let mut copied = Copied::default();
    let mut pending = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((from, to)) = pending.pop() {
        for entry in std::fs::read_dir(&from).map_err(io("read", &from))? {
            let entry = entry.map_err(io("read", &from))?;
            let (source, target) = (entry.path(), to.join(entry.file_name()));
            let name = entry.file_name().to_string_lossy().into_owned();
            let kind = entry.file_type().map_err(io("read", &source))?;
            if skip(&source) || (name.starts_with('.') && name.ends_with(".tmp")) {
                continue;
            }
            if kind.is_dir() {
                std::fs::create_dir_all(&target).map_err(io("create", &target))?;
                pending.push((source, target));
            } else if kind.is_file() {
                match std::fs::copy(&source, &target) {
                    Ok(bytes) => {
                        copied.files += 1;
                        copied.bytes += bytes;
                    }
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                    Err(error) => return Err(io("copy", &source)(error)),
                }
            } else {
                tracing::warn!(path = %source.display(), "not a regular file: left out");
            }
        }
    }
    Ok(copied)
}

/// The canonical form of `path`, also when only its folder exists yet.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(path) = path.canonicalize() {
        return path;
    }
    match (path.parent().map(Path::canonicalize), path.file_name()) {
        (Some(Ok(parent)), Some(name)) => parent.join(name),
        _ => path.to_path_buf(),
    }
}

fn engine_of(config: &Config) -> Engine {
    Engine::of(&config.database_url).unwrap_or(Engine::Sqlite)
}

fn engine_name(engine: Engine) -> &'static str {
    match engine {
        Engine::Sqlite => "sqlite",
        Engine::Postgres => "postgres",
    }
}

fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// `s` as one word for a POSIX shell: as it is when plain, else in single quotes.
pub fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-+:,@%=".contains(&b));
    if plain {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_path_stays_as_it_is_and_any_other_is_single_quoted() {
        for (path, quoted) in [
            (
                "/var/backups/pavilion-2025-01-31",
                "/var/backups/pavilion-2025-01-31",
            ),
            ("/var/backups/my store", "'/var/backups/my store'"),
            ("/tmp/it's", r"'/tmp/it'\''s'"),
            ("$(reboot)", "'$(reboot)'"),
            ("", "''"),
        ] {
            assert_eq!(shell_quote(path), quoted, "{path}");
        }
    }

    #[test]
    fn a_manifest_from_a_newer_format_is_refused() {
        let dir = std::env::temp_dir().join(format!("pavilion-manifest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        let manifest = Manifest {
            format: FORMAT + 1,
            created_at: now_rfc3339(),
            engine: "sqlite".into(),
            pavilion_version: "99.0.0".into(),
            database: SQLITE_FILE.into(),
            files: 0,
            bytes: 0,
        };
        std::fs::write(
            dir.join(MANIFEST),
            serde_json::to_vec(&manifest).expect("json"),
        )
        .expect("written");
        let error = read_manifest(&dir).expect_err("refused");
        assert!(error.to_string().contains("pavilion 99.0.0"), "{error}");
        assert!(matches!(
            read_manifest(&dir.join("nowhere")),
            Err(BackupError::NotABackup(_))
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
