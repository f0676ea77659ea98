use pavilion_server::config::Config;
use pavilion_server::startup::Application;
use sqlx::{AnyPool, Connection};
use std::collections::HashMap;
use std::net::SocketAddr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub addr: SocketAddr,
    /// Where this app serves `/metrics` (never on `addr`).
    pub metrics_addr: Option<SocketAddr>,
    pub pool: AnyPool,
    pub catalogue: app::backend::catalogue::CatalogueStore,
    pub client: reqwest::Client,
    /// `PAVILION_DATA_DIR` of this app (generated pictures are cached under it).
    pub data_dir: std::path::PathBuf,
    pub database_url: String,
    state: app::backend::AppState,
    _database: TestDatabase,
}

impl TestApp {
    /// The server's state, to call backend services directly.
    pub fn state(&self) -> app::backend::AppState {
        self.state.clone()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body read"))
    }

    /// `/metrics`, from the address apart from the site.
    pub async fn metrics(&self) -> String {
        let addr = self.metrics_addr.expect("the test app serves metrics");
        let response = self
            .client
            .get(format!("http://{addr}/metrics"))
            .send()
            .await
            .expect("request sent");
        assert_eq!(response.status(), 200);
        response.text().await.expect("body read")
    }

    /// Loads the demo catalogue and lets the server see it at once.
    pub async fn seed_demo(&self) {
        app::backend::seed::demo(&self.pool)
            .await
            .expect("demo seeds");
        self.refresh().await;
    }

    /// What the followers of the catalogue and content revisions do every few seconds, now.
    pub async fn refresh(&self) {
        app::backend::catalogue::refresh(&self.catalogue, &self.pool)
            .await
            .expect("catalogue refreshes");
        self.state
            .content
            .refresh(&self.pool)
            .await
            .expect("content revision read");
    }
}

/// Starts the server on a free port with its own empty database.
/// `None` when PostgreSQL is wanted but not reachable outside CI.
pub async fn spawn_app(engine: Engine) -> Option<TestApp> {
    spawn_app_with(engine, &[]).await
}

/// `spawn_app` with some settings changed or added (`("PAVILION_RATE_LIMIT", "5")`).
pub async fn spawn_app_with(engine: Engine, extra: &[(&str, &str)]) -> Option<TestApp> {
    let database = TestDatabase::create(engine).await?;
    let config = test_config(&database.url, &database.dir, extra);
    let application = Application::build(&config).await.expect("app builds");
    let addr = application.addr();
    let metrics_addr = application.metrics_addr();
    let pool = application.pool.clone();
    let catalogue = application.catalogue.clone();
    let state = application.state.clone();
    tokio::spawn(application.run_until(std::future::pending()));
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client builds");
    Some(TestApp {
        addr,
        metrics_addr,
        pool,
        catalogue,
        client,
        data_dir: std::path::PathBuf::from(&database.dir),
        database_url: database.url.clone(),
        state,
        _database: database,
    })
}

/// A test server's configuration: a free port, the given database and data dir.
/// `extra` changes, adds or (with an empty value) removes settings (`("PAVILION_RATE_LIMIT", "5")`).
pub fn test_config(database_url: &str, data_dir: &str, extra: &[(&str, &str)]) -> Config {
    let mut vars: HashMap<&str, String> = HashMap::from([
        ("DATABASE_URL", database_url.to_owned()),
        ("LEPTOS_SITE_ADDR", "127.0.0.1:0".to_owned()),
        ("PAVILION_PUBLIC_URL", "https://pavilion.test".to_owned()),
        ("PAVILION_DATA_DIR", data_dir.to_owned()),
        ("LEPTOS_SITE_ROOT", site_root()),
        // Every test talks from 127.0.0.1, many of them in bursts.
        ("PAVILION_RATE_LIMIT", "off".to_owned()),
        ("PAVILION_CONNECTIONS_PER_CLIENT", "off".to_owned()),
        ("PAVILION_METRICS_ADDR", "127.0.0.1:0".to_owned()),
        ("PAVILION_SANDBOX_PAYMENTS", "on".to_owned()),
    ]);
    vars.extend(
        extra
            .iter()
            .map(|(name, value)| (*name, (*value).to_owned())),
    );
    // An empty value unsets a setting, as in the environment.
    vars.retain(|_, value| !value.is_empty());
    Config::from_lookup(|name| vars.get(name).cloned()).expect("test config")
}

/// The site built by `cargo leptos build` (public files, CSS, wasm).
fn site_root() -> String {
    std::env::var("LEPTOS_SITE_ROOT")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site").to_owned())
}

/// A database made for one test and dropped with it.
struct TestDatabase {
    url: String,
    dir: String,
    postgres: Option<(String, String)>,
}

impl TestDatabase {
    async fn create(engine: Engine) -> Option<TestDatabase> {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let dir = std::env::temp_dir().join(format!("pavilion-test-{id}"));
        let dir = dir.display().to_string();
        match engine {
            Engine::Sqlite => Some(TestDatabase {
                url: format!("sqlite://{dir}/pavilion.db"),
                dir,
                postgres: None,
            }),
            Engine::Postgres => {
                let admin_url = std::env::var("PAVILION_TEST_POSTGRES_URL")
                    .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
                let name = format!("pavilion_test_{id}");
                sqlx::any::install_default_drivers();
                let mut admin = match sqlx::AnyConnection::connect(&admin_url).await {
                    Ok(connection) => connection,
                    Err(error) if std::env::var("CI").as_deref() != Ok("true") => {
                        eprintln!("skipping a PostgreSQL test: {admin_url} unreachable ({error})");
                        return None;
                    }
                    Err(error) => panic!("PostgreSQL is required under CI: {admin_url}: {error}"),
                };
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .await
                    .expect("test database created");
                let base = admin_url
                    .rsplit_once('/')
                    .map_or(admin_url.as_str(), |(b, _)| b);
                Some(TestDatabase {
                    url: format!("{base}/{name}"),
                    dir,
                    postgres: Some((admin_url, name)),
                })
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some((admin_url, name)) = self.postgres.take() {
            // Drop is not async: a short-lived runtime on its own thread does the DROP.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                runtime.block_on(async {
                    if let Ok(mut admin) = sqlx::AnyConnection::connect(&admin_url).await {
                        let _ =
                            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut admin)
                                .await;
                    }
                });
            })
            .join();
        }
    }
}

/// Writes `$name_sqlite` and `$name_postgres` from one async body taking `app: TestApp`.
#[macro_export]
macro_rules! both {
    ($name:ident, |$app:ident| $body:block) => {
        $crate::both_with!($name, [], |$app| $body);
    };
}

/// `both!` for an app started with some settings changed:
/// `both_with!(name, [("PAVILION_RATE_LIMIT", "5")], |app| { ... })`.
#[macro_export]
macro_rules! both_with {
    ($name:ident, [$(($var:expr, $value:expr)),* $(,)?], |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            use $crate::helpers::{Engine, spawn_app_with};

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $app = spawn_app_with(Engine::Sqlite, &[$(($var, $value)),*])
                    .await
                    .expect("sqlite app");
                $body
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($app) = spawn_app_with(Engine::Postgres, &[$(($var, $value)),*]).await
                else {
                    return;
                };
                $body
            }
        }
    };
}
