//! Builds the router, binds the listener and runs until a shutdown signal.
//! Tests call `Application::build` with `127.0.0.1:0` and read the bound address.

use app::backend::AppState;
use app::model::SiteConfig;
use app::{App, shell};
use axum::Router;
use axum::extract::FromRef;
use axum::routing::get;
use http::HeaderValue;
use http::header::CACHE_CONTROL;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sqlx::AnyPool;
use std::future::Future;
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::config::Config;
use crate::{handlers, observability};

/// What axum handlers can extract.
#[derive(Clone, FromRef)]
pub struct ServerState {
    pub leptos: LeptosOptions,
    pub app: AppState,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("DATABASE_URL: {0}")]
    Connect(#[from] app::backend::db::ConnectError),
    #[error("DATABASE_URL: migrations failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("LEPTOS_SITE_ADDR: cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    pub pool: AnyPool,
}

impl Application {
    /// Connects, migrates, builds the router and binds the address.
    pub async fn build(config: &Config) -> Result<Application, StartupError> {
        let pool = app::backend::db::connect(&config.database_url, 16).await?;
        app::backend::db::migrate(&pool, &config.database_url).await?;
        let listener = TcpListener::bind(config.site_addr)
            .await
            .map_err(|source| StartupError::Bind {
                addr: config.site_addr,
                source,
            })?;
        let mut leptos = config.leptos.clone();
        leptos.site_addr = listener.local_addr().map_err(|source| StartupError::Bind {
            addr: config.site_addr,
            source,
        })?;
        let state = ServerState {
            leptos,
            app: AppState {
                pool: pool.clone(),
                site: SiteConfig {
                    public_url: config.public_url.clone(),
                    icp_number: config.icp_number.clone(),
                },
            },
        };
        Ok(Application {
            listener,
            router: router(state),
            pool,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
    }
}

fn router(state: ServerState) -> Router {
    let leptos = state.leptos.clone();
    let routes = generate_route_list(App);
    let context = {
        let app_state = state.app.clone();
        move || provide_context(app_state.clone())
    };
    let pkg_cache = if leptos.hash_files {
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
        .service(ServeDir::new(pkg_dir));

    // Leptos registers the home route as `/{lang}`; its canonical form is `/{lang}/`.
    let lang_home = leptos_axum::render_app_async_with_context(context.clone(), {
        let leptos = leptos.clone();
        move || shell(leptos.clone())
    });

    public_files(&leptos.site_root, &leptos.site_pkg_dir)
        .route("/", get(handlers::language::root_redirect))
        .route("/{lang}/", get(lang_home))
        .route("/switch-language", get(handlers::language::switch))
        .route("/healthz", get(handlers::health::healthz))
        .route("/metrics", get(observability::metrics))
        .route(
            "/media/products/{file}",
            get(handlers::media::product_picture),
        )
        .route(
            "/api/{*fn_name}",
            get(handlers::server_fns::handle).post(handlers::server_fns::handle),
        )
        .nest_service(&format!("/{}", leptos.site_pkg_dir), pkg)
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let leptos = leptos.clone();
            move || shell(leptos.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            ServerState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn(observability::track))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

/// The files copied from `public/` to the site root, each at its own path, so that
/// `/{lang}` does not swallow `/favicon.svg`.
fn public_files(site_root: &str, pkg_dir: &str) -> Router<ServerState> {
    let mut router = Router::new();
    let Ok(entries) = std::fs::read_dir(site_root) else {
        tracing::warn!(site_root, "no site root: static files are not served");
        return router;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name == pkg_dir {
            continue;
        }
        router = if path.is_dir() {
            router.nest_service(&format!("/{name}"), ServeDir::new(path))
        } else {
            router.route_service(&format!("/{name}"), ServeFile::new(path))
        };
    }
    router
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
