//! Builds the router, binds the listener and runs until a shutdown signal.
//! Tests call `Application::build` with `127.0.0.1:0` and read the bound address.

use app::SiteAssets;
use app::backend::catalogue::CatalogueStore;
use app::backend::db::Engine;
use app::backend::mail::Transport;
use app::backend::payments::sandbox::Sandbox;
use app::backend::search::{SearchError, SearchIndex};
use app::backend::{AppState, Keys};
use app::model::SiteConfig;
use axum::Router;
use axum::extract::FromRef;
use axum::routing::get;
use ipnet::IpNet;
use leptos::config::LeptosOptions;
use sqlx::AnyPool;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

use crate::assets::{self, MissingAsset};
use crate::config::Config;
use crate::connections::{self, ConnectionLimits};
use crate::not_found::NotFoundPages;
use crate::observability;
use crate::page_cache::PageCache;
use crate::rate_limit::RateLimit;

/// The largest body a form or server function may send.
pub const FORM_BODY_LIMIT: usize = 64 * 1024;

/// What axum handlers can extract.
#[derive(Clone, FromRef)]
pub struct ServerState {
    pub leptos: LeptosOptions,
    /// The names of the files under `/pkg` that pages load, shared by every render.
    pub assets: Arc<SiteAssets>,
    pub app: AppState,
    /// `PAVILION_TRUSTED_PROXIES`: peers whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Arc<[IpNet]>,
    /// `PAVILION_RATE_LIMIT`, unless it is off.
    pub rate_limit: Option<Arc<RateLimit>>,
    /// The not-found page for anonymous visitors, rendered once per language.
    pub not_found: Arc<NotFoundPages>,
    /// Public pages for anonymous visitors, as rendered (`PAVILION_PAGE_CACHE_MB`).
    pub page_cache: Arc<PageCache>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Assets(#[from] MissingAsset),
    #[error("DATABASE_URL: {0}")]
    Connect(#[from] app::backend::db::ConnectError),
    #[error("DATABASE_URL: migrations failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("DATABASE_URL: cannot load the catalogue: {0}")]
    Catalogue(#[from] sqlx::Error),
    #[error("PAVILION_DATA_DIR: search index: {0}")]
    Search(#[from] OpenError),
    #[error("PAVILION_DATA_DIR: {0}")]
    DataDir(std::io::Error),
    #[error("PAVILION_DATA_DIR: building the search index stopped unexpectedly")]
    Indexing,
    #[error("DATABASE_URL: cannot read the server secrets: {0}")]
    Secrets(sqlx::Error),
    #[error("PAVILION_SMTP_URL: {0}")]
    Smtp(String),
    #[error("LEPTOS_SITE_ADDR: cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("PAVILION_METRICS_ADDR: cannot listen on {addr}: {source}")]
    BindMetrics {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    /// `/metrics`, on its own address when `PAVILION_METRICS_ADDR` is set.
    metrics: Option<(TcpListener, Router)>,
    connections: ConnectionLimits,
    pub pool: AnyPool,
    pub catalogue: CatalogueStore,
    /// What handlers see; tests use it to call backend services directly.
    pub state: AppState,
}

impl Application {
    /// Connects, migrates, builds the router and binds the address.
    pub async fn build(config: &Config) -> Result<Application, StartupError> {
        let assets = assets::find(
            &config.leptos.site_root,
            &config.leptos.site_pkg_dir,
            &config.leptos.output_name,
        )?;
        let pool = app::backend::db::connect(&config.database_url, 16).await?;
        app::backend::db::migrate(&pool, &config.database_url).await?;
        if let Err(error) = app::backend::seller::glossary::seed_shared(&pool).await {
            tracing::error!(
                error = error.code_text(),
                "the shared glossary could not be loaded"
            );
        }
        let keys = Arc::new(Keys::load(&pool).await.map_err(StartupError::Secrets)?);
        let mail = Transport::new(config.smtp_url.as_deref(), &config.data_dir)
            .map_err(StartupError::Smtp)?;
        let catalogue = open_catalogue(config, &pool).await?;
        tokio::spawn(app::backend::catalogue::follow(
            catalogue.clone(),
            pool.clone(),
        ));
        let listener = TcpListener::bind(config.site_addr)
            .await
            .map_err(|source| StartupError::Bind {
                addr: config.site_addr,
                source,
            })?;
        let metrics = match config.metrics_addr {
            Some(addr) => Some(
                TcpListener::bind(addr)
                    .await
                    .map_err(|source| StartupError::BindMetrics { addr, source })?,
            ),
            None => None,
        };
        let mut leptos = config.leptos.clone();
        leptos.site_addr = listener.local_addr().map_err(|source| StartupError::Bind {
            addr: config.site_addr,
            source,
        })?;
        // The sandbox wallet calls this very server back. It is the only provider there is,
        // so without it checkout says payment is unavailable.
        let sandbox = config.sandbox_payments.then(|| {
            tracing::warn!("PAVILION_SANDBOX_PAYMENTS=on: the test wallet takes payments");
            Arc::new(Sandbox::new(
                keys.sandbox_payments.clone(),
                format!("http://{}", leptos.site_addr),
            ))
        });
        let state = ServerState {
            leptos,
            assets: Arc::new(assets),
            app: AppState {
                pool: pool.clone(),
                site: SiteConfig {
                    public_url: config.public_url.clone(),
                    icp_number: config.icp_number.clone(),
                },
                data_dir: config.data_dir.clone(),
                catalogue: catalogue.clone(),
                engine: Engine::of(&config.database_url).unwrap_or(Engine::Sqlite),
                keys,
                payments: sandbox
                    .clone()
                    .map(|sandbox| sandbox as Arc<dyn app::backend::payments::PaymentProvider>),
                sandbox,
                order_numbers: Default::default(),
                content: Default::default(),
            },
            trusted_proxies: config.trusted_proxies.clone().into(),
            rate_limit: config.rate_limit.map(|per_minute| {
                let limit = Arc::new(RateLimit::new(per_minute));
                RateLimit::spawn_forgetting(&limit);
                limit
            }),
            not_found: Default::default(),
            page_cache: Arc::new(PageCache::new(config.page_cache_mb)),
        };
        state.app.content_written().await;
        tokio::spawn(app::backend::content::revision::follow(
            state.app.content.clone(),
            pool.clone(),
        ));
        tokio::spawn(app::backend::mail::run_sender(pool.clone(), mail));
        tokio::spawn(housekeeping(state.app.clone()));
        let catalogue = state.app.catalogue.clone();
        let app_state = state.app.clone();
        let metrics = metrics.map(|listener| {
            let router = Router::new()
                .route("/metrics", get(observability::metrics))
                .with_state(state.app.clone());
            (listener, router)
        });
        Ok(Application {
            listener,
            router: crate::routes::router(state),
            metrics,
            connections: config.connections.clone(),
            pool,
            catalogue,
            state: app_state,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Where `/metrics` is served, if anywhere.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        let (listener, _) = self.metrics.as_ref()?;
        listener.local_addr().ok()
    }

    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        if let Some((listener, router)) = self.metrics {
            tokio::spawn(async move {
                if let Err(error) = axum::serve(listener, router).await {
                    tracing::error!(%error, "serving /metrics stopped");
                }
            });
        }
        connections::serve(self.listener, self.router, self.connections, shutdown).await;
        Ok(())
    }
}

/// Background chores: unpaid orders whose time ran out return their stock (every 15 s);
/// expired sessions and old sign-in attempts are forgotten (hourly).
async fn housekeeping(state: AppState) {
    let mut ticks: u64 = 0;
    loop {
        tokio::time::sleep(Duration::from_secs(15)).await;
        match app::backend::orders::expire_unpaid(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(orders = n, "unpaid orders expired"),
            Err(error) => tracing::error!(?error, "expiring unpaid orders failed"),
        }
        if let Err(error) = app::backend::seller::analytics::flush_views(&state).await {
            tracing::error!(%error, "recording product views failed");
        }
        if ticks.is_multiple_of(240) {
            if let Err(error) = app::backend::session::purge_expired(&state.pool).await {
                tracing::error!(%error, "purging sessions failed");
            }
            if let Err(error) = app::backend::auth::limits::purge(&state.pool).await {
                tracing::error!(%error, "purging sign-in attempts failed");
            }
        }
        ticks += 1;
    }
}

/// Loads the catalogue snapshot and (re)builds its search index under the data dir.
async fn open_catalogue(config: &Config, pool: &AnyPool) -> Result<CatalogueStore, StartupError> {
    let snapshot = app::backend::catalogue::load(pool).await?;
    let dir = config.data_dir.join("search");
    let docs: Vec<_> = snapshot
        .products
        .iter()
        .map(|p| snapshot.search_doc(p))
        .collect();
    std::fs::create_dir_all(&dir).map_err(StartupError::DataDir)?;
    let search = tokio::task::spawn_blocking(move || {
        // The index is rebuilt from the database right below, so one made with an older
        // schema is simply replaced.
        let index = match SearchIndex::open(Some(&dir)) {
            Err(SearchError::SchemaChanged(_)) => {
                tracing::warn!(dir = %dir.display(), "search schema changed: rebuilding the index");
                std::fs::remove_dir_all(&dir)?;
                std::fs::create_dir_all(&dir)?;
                SearchIndex::open(Some(&dir))?
            }
            other => other?,
        };
        index.replace_all(docs)?;
        Ok::<_, OpenError>(index)
    })
    .await
    .map_err(|_| StartupError::Indexing)??;
    Ok(CatalogueStore::new(snapshot, search))
}

/// Why the search index could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// `pavilion reindex`: rebuilds the search index from the database; returns its size.
pub async fn reindex(config: &Config, pool: &AnyPool) -> Result<usize, StartupError> {
    let store = open_catalogue(config, pool).await?;
    Ok(store.get().products.len())
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
