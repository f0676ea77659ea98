//! The router: every path the server answers, the layers each group of routes runs
//! through, and the static files.

use std::sync::OnceLock;
use std::time::Duration;

use app::model::form_draft::FormDraft;
use app::{App, shell};
use axum::Router;
use axum::routing::{get, post};
use http::HeaderValue;
use http::header::{CACHE_CONTROL, VARY};
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::not_found;
use crate::page_cache;
use crate::renders::{self, RenderSlots};
use crate::startup::{FORM_BODY_LIMIT, ServerState};
use crate::{explain, handlers, middleware, observability, request_id};

/// A request still running after this is answered with 503.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Requests served at once; more wait their turn instead of exhausting the server.
const MAX_CONCURRENT_REQUESTS: usize = 1024;

/// The app's routes, worked out once per process. Generating them runs the app with
/// resource loading suppressed process-wide (leptos `SuppressResourceLoad`), so a resource
/// first polled meanwhile by a render of another server in the same process (tests start
/// many) would wait forever (leptos#4773).
pub fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub(crate) fn router(state: ServerState) -> Router {
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
        .route_layer(axum::middleware::from_fn_with_state(
            RenderSlots::for_this_machine(),
            renders::render_to_completion,
        ))
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
        .layer(CatchPanicLayer::custom(explain::panic_response))
        .layer(axum::middleware::from_fn(explain::explain))
        .layer(TraceLayer::new_for_http().make_span_with(request_id::span))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(axum::middleware::from_fn(request_id::screen_incoming))
        .with_state(state)
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
