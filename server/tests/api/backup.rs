//! Backups: a copy of a running store, put back into an empty folder, serves the same
//! catalogue, orders and files; a live store is never overwritten.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use app::model::account::Role;
use app::model::order::PlacedOrder;
use pavilion_server::backup::{self, BackupError};
use pavilion_server::startup::Application;
use sqlx::AnyPool;

use crate::helpers::{Engine, TestApp, spawn_app, test_config};
use crate::shopper::{Shopper, key};

/// A scratch folder, removed with the value.
struct Scratch(PathBuf);

impl Scratch {
    fn new(what: &str) -> Scratch {
        let id = uuid::Uuid::new_v4().simple().to_string();
        Scratch(std::env::temp_dir().join(format!("pavilion-{what}-{id}")))
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn display(&self) -> String {
        self.0.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every file under a data dir, by path, except the database, the search index and the
/// mail log, which a backup leaves out.
fn store_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable").flatten() {
            let path = entry.path();
            let relative = path
                .strip_prefix(root)
                .expect("under the root")
                .to_string_lossy()
                .into_owned();
            if relative == "search" || relative == "mail.log" || relative.starts_with("pavilion.db")
            {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                files.insert(relative, std::fs::read(&path).expect("readable"));
            }
        }
    }
    files
}

/// A picture an editor uploads, as the page would; returns its `/media/uploads/…` path.
async fn upload_picture(app: &TestApp) -> String {
    app::backend::auth::create_user(
        &app.pool,
        "editor@pavilion.test",
        "Editor",
        "ink and paper".into(),
        Role::Editor,
    )
    .await
    .expect("editor created");
    let editor = Shopper::new(app);
    editor
        .login("editor@pavilion.test", "ink and paper")
        .await
        .ok();
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(64, 48, image::Rgb([1, 65, 28]))
        .write_to(&mut png, image::ImageFormat::Png)
        .expect("png");
    let form = reqwest::multipart::Form::new().part(
        "image",
        reqwest::multipart::Part::bytes(png.into_inner()).file_name("photo.png"),
    );
    let response = app
        .client
        .post(app.url("/uploads/images"))
        .header("referer", app.url("/en/editor/new"))
        .header(
            "cookie",
            format!(
                "pavilion_session={}",
                editor.session_token().expect("signed in")
            ),
        )
        .multipart(form)
        .send()
        .await
        .expect("sent");
    let location = response.headers()["location"].to_str().expect("ascii");
    location
        .split("uploaded=")
        .nth(1)
        .expect("the stored picture's path")
        .to_owned()
}

/// A drawn gallery picture, cached in the data dir once asked for.
async fn draw_thumbnail(app: &TestApp) {
    let slug: String = sqlx::query_scalar("SELECT slug FROM products ORDER BY id LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .expect("a product");
    let (status, _) = app
        .get_text(&format!("/media/products/{slug}/0-240.jpg"))
        .await;
    assert_eq!(status, 200);
}

async fn products(pool: &AnyPool) -> Vec<(i64, String)> {
    sqlx::query_as("SELECT id, slug FROM products ORDER BY id")
        .fetch_all(pool)
        .await
        .expect("products")
}

async fn variants(pool: &AnyPool) -> Vec<(String, i64)> {
    sqlx::query_as("SELECT sku, stock FROM variants ORDER BY sku")
        .fetch_all(pool)
        .await
        .expect("variants")
}

async fn orders(pool: &AnyPool) -> Vec<(String, String, i64)> {
    sqlx::query_as("SELECT number, status, total FROM orders ORDER BY id")
        .fetch_all(pool)
        .await
        .expect("orders")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_of_a_running_sqlite_store_restores_into_an_empty_folder() {
    let app = spawn_app(Engine::Sqlite).await.expect("sqlite app");
    app.seed_demo().await;
    let buyer = Shopper::new(&app);
    buyer.add("GBM-SK-1KG", 1).await.ok();
    let order: PlacedOrder = buyer.checkout(&key(), &[]).await.json();
    let picture = upload_picture(&app).await;
    draw_thumbnail(&app).await;
    let config = test_config(&app.database_url, &app.data_dir.display().to_string(), &[]);

    // Taken while the server runs.
    let folder = Scratch::new("backup");
    let report = backup::backup(&config, folder.path())
        .await
        .expect("backed up");
    assert_eq!(report.manifest.engine, "sqlite");
    assert!(report.database_command.is_none());
    assert!(folder.path().join("pavilion.db").is_file());
    assert!(folder.path().join("backup.json").is_file());
    let backed_up = store_files(&folder.path().join("files"));
    assert!(!folder.path().join("files/search").exists());
    assert!(!folder.path().join("files/pavilion.db").exists());
    assert_eq!(report.manifest.files, backed_up.len());

    // A backup never goes over another, nor into the data dir.
    assert!(matches!(
        backup::backup(&config, folder.path()).await,
        Err(BackupError::DestinationNotEmpty(_))
    ));
    let inside = app.data_dir.join("backups");
    assert!(matches!(
        backup::backup(&config, &inside).await,
        Err(BackupError::DestinationInDataDir { .. })
    ));
    assert!(!inside.exists(), "the refused folder is not left behind");

    let target = Scratch::new("restored");
    let restored_url = format!("sqlite://{}/pavilion.db", target.display());
    let restored = test_config(&restored_url, &target.display(), &[]);
    // Only a Pavilion backup of the same engine is restored.
    assert!(matches!(
        backup::restore(&restored, target.path()).await,
        Err(BackupError::NotABackup(_))
    ));
    let postgres = test_config("postgres://postgres@127.0.0.1/none", &target.display(), &[]);
    assert!(matches!(
        backup::restore(&postgres, folder.path()).await,
        Err(BackupError::EngineMismatch { .. })
    ));
    let report = backup::restore(&restored, folder.path())
        .await
        .expect("restored");
    assert!(report.database_command.is_none());
    // Not twice, and never over the live store.
    assert!(matches!(
        backup::restore(&restored, folder.path()).await,
        Err(BackupError::DatabaseExists(_))
    ));
    assert!(matches!(
        backup::restore(&config, folder.path()).await,
        Err(BackupError::DatabaseExists(_))
    ));

    // The restored store serves what the running one had.
    let copy = Application::build(&restored).await.expect("restored app");
    let addr = copy.addr();
    let (pool, catalogue) = (copy.pool.clone(), copy.catalogue.clone());
    tokio::spawn(copy.run_until(std::future::pending()));
    assert_eq!(
        catalogue.get().products.len(),
        app.catalogue.get().products.len()
    );
    assert_eq!(products(&pool).await, products(&app.pool).await);
    assert_eq!(variants(&pool).await, variants(&app.pool).await);
    let placed = orders(&pool).await;
    assert_eq!(placed, orders(&app.pool).await);
    assert!(placed.iter().any(|(number, ..)| *number == order.number));
    let files = store_files(target.path());
    assert_eq!(files, store_files(&app.data_dir));
    assert_eq!(files, backed_up);
    assert!(files.keys().any(|path| path.starts_with("media/products/")));
    let served = app
        .client
        .get(format!("http://{addr}{picture}"))
        .send()
        .await
        .expect("sent");
    assert_eq!(served.status(), 200);
    let original = std::fs::read(app.data_dir.join(picture.trim_start_matches('/')))
        .expect("the uploaded picture");
    assert_eq!(served.bytes().await.expect("body").as_ref(), &original[..]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_backup_copies_the_files_and_names_the_pg_dump_command() {
    let Some(app) = spawn_app(Engine::Postgres).await else {
        return;
    };
    app.seed_demo().await;
    draw_thumbnail(&app).await;
    let config = test_config(&app.database_url, &app.data_dir.display().to_string(), &[]);

    let folder = Scratch::new("backup");
    let report = backup::backup(&config, folder.path())
        .await
        .expect("backed up");
    assert_eq!(report.manifest.engine, "postgres");
    assert_eq!(
        report.database_command.as_deref(),
        Some(
            format!(
                "pg_dump --format=custom --file {}/pavilion.pgdump \"$DATABASE_URL\"",
                folder.display()
            )
            .as_str()
        )
    );
    let backed_up = store_files(&folder.path().join("files"));
    assert!(!backed_up.is_empty());
    assert_eq!(backed_up, store_files(&app.data_dir));

    let target = Scratch::new("restored");
    let restored = test_config(&app.database_url, &target.display(), &[]);
    // Without the dump, nothing is restored.
    assert!(matches!(
        backup::restore(&restored, folder.path()).await,
        Err(BackupError::NoDump(_))
    ));
    assert!(!target.path().exists());
    // A stand-in for what pg_dump writes: restore copies the files and names pg_restore.
    std::fs::write(folder.path().join("pavilion.pgdump"), b"PGDMP").expect("written");
    let report = backup::restore(&restored, folder.path())
        .await
        .expect("files restored");
    let command = report.database_command.expect("the pg_restore command");
    assert!(command.starts_with("pg_restore "), "{command}");
    assert!(command.contains("pavilion.pgdump"), "{command}");
    assert_eq!(store_files(target.path()), backed_up);
    // The data dir now holds a store: restoring again is refused.
    assert!(matches!(
        backup::restore(&restored, folder.path()).await,
        Err(BackupError::DataDirNotEmpty(_))
    ));
}
