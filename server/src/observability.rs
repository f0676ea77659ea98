//! Prometheus metrics: request counts and a latency histogram, labelled by route template;
//! orders placed and payment verdicts (counted where they happen); the database pool.

use app::backend::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::CONTENT_TYPE;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Instant;

const LATENCY: &str = "http_request_duration_seconds";
const REQUESTS: &str = "http_requests_total";

/// The process-wide recorder (one per process: tests build many apps in one).
fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let buckets = [
            0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
        ];
        PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(LATENCY.into()), &buckets)
            .and_then(|b| b.install_recorder())
            .unwrap_or_else(|error| {
                tracing::warn!(%error, "metrics recorder not installed; /metrics will be empty");
                PrometheusBuilder::new().build_recorder().handle()
            })
    })
}

pub async fn track(request: Request, next: Next) -> Response {
    let _ = handle();
    let start = Instant::now();
    let method = request.method().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!(REQUESTS, "method" => method.clone(), "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!(LATENCY, "method" => method, "route" => route)
        .record(start.elapsed().as_secs_f64());
    response
}

/// `/metrics`: request counts and latencies, orders and payments, and the database pool.
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    metrics::gauge!("pavilion_db_pool_connections").set(f64::from(state.pool.size()));
    metrics::gauge!("pavilion_db_pool_idle_connections").set(state.pool.num_idle() as f64);
    (
        [(CONTENT_TYPE, "text/plain; version=0.0.4")],
        handle().render(),
    )
}
