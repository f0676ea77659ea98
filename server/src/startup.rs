//! Builds the router, binds the listener and runs until a shutdown signal.
//! Tests call `Application::build` with `127.0.0.1:0` and read the bound address.

use app::backend::catalog::CatalogStore;
use app::backend::db::Engine;
use app::backend::mail::Transport;
use app::backend::payments::sandbox::Sandbox;
use app::backend::search::{SearchError, SearchIndex};
use app::backend::{AppState, Keys};
use app::model::SiteConfig;
use app::model::form_draft::FormDraft;
use app::{App, SiteAssets, shell};
use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};
use http::HeaderValue;
use http::header::{CACHE_CONTROL, VARY};
use ipnet::IpNet;
use leptos::config::LeptosOptions;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use sqlx::AnyPool;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::net::TcpListener;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::assets::{self, MissingAsset};
use crate::config::Config;
use crate::connections::{self, ConnectionLimits};
use crate::not_found::{self, NotFoundPages};
use crate::page_cache::{self, PageCache};
use crate::rate_limit::RateLimit;
use crate::{handlers, middleware, observability, request_id};

/// The largest body a form or server function may send.
pub const FORM_BODY_LIMIT: usize = 64 * 1024;
/// A request still running after this is answered with 503.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Requests served at once; more wait their turn instead of exhausting the server.
const MAX_CONCURRENT_REQUESTS: usize = 1024;

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
    Catalog(#[from] sqlx::Error),
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
    pub catalog: CatalogStore,
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
        let catalog = open_catalog(config, &pool).await?;
        tokio::spawn(app::backend::catalog::follow(catalog.clone(), pool.clone()));
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
                catalog: catalog.clone(),
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
        let catalog = state.app.catalog.clone();
        let app_state = state.app.clone();
        let metrics = metrics.map(|listener| {
            let router = Router::new()
                .route("/metrics", get(observability::metrics))
                .with_state(state.app.clone());
            (listener, router)
        });
        Ok(Application {
            listener,
            router: router(state),
            metrics,
            connections: config.connections.clone(),
            pool,
            catalog,
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

/// The app's routes, worked out once per process. Generating them runs the app with
/// resource loading suppressed process-wide (leptos `SuppressResourceLoad`), so a resource
/// first polled meanwhile by a render of another server in the same process (tests start
/// many) would wait forever (leptos#4773).
pub fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

fn router(state: ServerState) -> Router {
    let leptos = state.leptos.clone();
    let routes = route_list();
    let context = {
        let app_state = state.app.clone();
        move || {
            provide_context(app_state.clone());
            let draft = use_context::<http::request::Parts>()
                .and_then(|parts| parts.extensions.get::<FormDraft>().cloned());
            if let Some(draft) = draft {
                provide_context(draft);
            }
        }
    };
    let assets = state.assets.clone();
    let pkg_cache = if assets.hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let pkg_dir = format!("{}/{}", leptos.site_root, leptos.site_pkg_dir);
    let pkg = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static(pkg_cache),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        .service(
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        );

    // Leptos registers the home route as `/{lang}`; its canonical form is `/{lang}/`.
    let lang_home = leptos_axum::render_app_async_with_context(context.clone(), {
        let (leptos, assets) = (leptos.clone(), assets.clone());
        move || shell(leptos.clone(), assets.clone())
    });

    // Pages, server functions and payment returns see the session; static files do not
    // pay for looking it up.
    let dynamic = Router::new()
        .route("/{lang}/", get(lang_home))
        .route(
            "/api/{*fn_name}",
            get(handlers::server_fns::handle).post(handlers::server_fns::handle),
        )
        .route(
            "/payments/{provider}/notify",
            post(handlers::payments::notify),
        )
        .route("/payments/{provider}/return", get(handlers::payments::back))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let (leptos, assets) = (leptos.clone(), assets.clone());
            move || shell(leptos.clone(), assets.clone())
        })
        .route_layer(axum::middleware::from_fn(middleware::render_to_completion))
        // Forms and server functions are small; only uploads (below) may be large.
        .route_layer(axum::middleware::from_fn(
            middleware::refuse_control_characters,
        ))
        .route_layer(RequestBodyLimitLayer::new(FORM_BODY_LIMIT))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            handlers::server_fns::keep_refused_form,
        ))
        .route_layer(axum::middleware::from_fn(middleware::server_fn_status))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::form_draft,
        ))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            page_cache::answer,
        ))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::session,
        ))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            not_found::answer_from_copy,
        ));
    let catalogue = Router::new()
        .route("/uploads/catalogue", post(handlers::catalogue_csv::import))
        .route(
            "/exports/products.csv",
            get(handlers::catalogue_csv::export),
        )
        .route("/admin/audit.csv", get(handlers::admin_files::audit_csv))
        .route(
            "/admin/documents/{id}",
            get(handlers::admin_files::document),
        )
        .route(
            "/invoices/{number}/{shipment}",
            get(handlers::invoices::download),
        )
        .route_layer(RequestBodyLimitLayer::new(
            handlers::catalogue_csv::MAX_UPLOAD,
        ))
        .route_layer(axum::extract::DefaultBodyLimit::max(
            handlers::catalogue_csv::MAX_UPLOAD,
        ))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::session,
        ));
    let uploads = Router::new()
        .route("/uploads/images", post(handlers::uploads::image))
        .route(
            "/uploads/products",
            post(handlers::uploads::product_picture),
        )
        .route("/uploads/shop", post(handlers::uploads::shop_picture))
        .route(
            "/uploads/documents",
            post(handlers::uploads::application_document),
        )
        .route("/uploads/invoices", post(handlers::invoices::upload))
        .route_layer(RequestBodyLimitLayer::new(
            handlers::uploads::MAX_BYTES + 64 * 1024,
        ))
        .route_layer(axum::extract::DefaultBodyLimit::max(
            handlers::uploads::MAX_BYTES + 64 * 1024,
        ))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::session,
        ));

    // A new product's first save, with its pictures.
    let new_product = Router::new()
        .route("/uploads/products/new", post(handlers::new_product::create))
        .route_layer(RequestBodyLimitLayer::new(handlers::new_product::MAX_BODY))
        .route_layer(axum::extract::DefaultBodyLimit::max(
            handlers::new_product::MAX_BODY,
        ))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::session,
        ));

    public_files(&leptos.site_root, &leptos.site_pkg_dir)
        .route("/", get(handlers::language::root_redirect))
        .route("/switch-language", get(handlers::language::switch))
        .route("/healthz", get(handlers::health::healthz))
        .route("/readyz", get(handlers::health::readyz))
        .route("/robots.txt", get(handlers::seo::robots))
        .route(
            "/manifest.en.webmanifest",
            get(|| async { handlers::home_screen::manifest(app::model::Lang::En) }),
        )
        .route(
            "/manifest.zh.webmanifest",
            get(|| async { handlers::home_screen::manifest(app::model::Lang::Zh) }),
        )
        .route("/icons/{file}", get(handlers::home_screen::icon))
        .route("/sitemap.xml", get(handlers::seo::sitemap))
        .route("/feeds/{lang}/{file}", get(handlers::content::feed))
        .route("/media/articles/{file}", get(handlers::content::cover))
        .nest_service(
            "/media/shops",
            ServeDir::new(state.app.data_dir.join("media").join("shops")),
        )
        .nest_service(
            "/media/uploads",
            ServeDir::new(state.app.data_dir.join("media").join("uploads")),
        )
        .route(
            "/media/products/{file}",
            get(handlers::media::product_picture),
        )
        .route(
            "/media/products/{slug}/{file}",
            get(handlers::media::product_thumbnail),
        )
        .nest_service(&format!("/{}", leptos.site_pkg_dir), pkg)
        .merge(dynamic)
        .merge(uploads)
        .merge(new_product)
        .merge(catalogue)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            ServerState,
            _,
        >(context, move |options| {
            shell(options, assets.clone())
        }))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::security,
        ))
        .layer(axum::middleware::from_fn(observability::track))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            http::StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(GlobalConcurrencyLimitLayer::new(MAX_CONCURRENT_REQUESTS))
        .layer(CatchPanicLayer::custom(request_id::panic_response))
        .layer(axum::middleware::from_fn(request_id::explain_failure))
        .layer(TraceLayer::new_for_http().make_span_with(request_id::span))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(axum::middleware::from_fn(request_id::screen_incoming))
        .with_state(state)
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
async fn open_catalog(config: &Config, pool: &AnyPool) -> Result<CatalogStore, StartupError> {
    let snapshot = app::backend::catalog::load(pool).await?;
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
    Ok(CatalogStore::new(snapshot, search))
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
    let store = open_catalog(config, pool).await?;
    Ok(store.get().products.len())
}

/// The files copied from `public/` to the site root, each at its own path, so that
/// `/{lang}` does not swallow `/favicon.svg`; served from their compressed copies (`.br`,
/// `.gz`, written by the release build) when the browser takes them.
fn public_files(site_root: &str, pkg_dir: &str) -> Router<ServerState> {
    let mut router = Router::new();
    let Ok(entries) = std::fs::read_dir(site_root) else {
        tracing::warn!(site_root, "no site root: static files are not served");
        return router;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name == pkg_dir || name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        router = if path.is_dir() {
            let files = ServeDir::new(path).precompressed_br().precompressed_gzip();
            router.nest_service(&format!("/{name}"), files)
        } else {
            let file = ServeFile::new(path).precompressed_br().precompressed_gzip();
            if name == SERVICE_WORKER {
                router.route_service(&format!("/{name}"), service_worker(file))
            } else {
                router.route_service(&format!("/{name}"), file)
            }
        };
    }
    router
}

/// The service worker's script, a public file.
const SERVICE_WORKER: &str = "sw.js";

/// The service worker runs under its script's policy: it fetches from this site and runs
/// nothing else; browsers check it for updates without the HTTP cache.
fn service_worker(
    file: ServeFile,
) -> SetResponseHeader<SetResponseHeader<ServeFile, HeaderValue>, HeaderValue> {
    let fresh =
        SetResponseHeader::overriding(file, CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    SetResponseHeader::overriding(
        fresh,
        http::header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; connect-src 'self'; frame-ancestors 'none'; \
             base-uri 'none'; form-action 'self'",
        ),
    )
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
