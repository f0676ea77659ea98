use app::backend::AppState;
use axum::extract::State;
use http::StatusCode;

/// 200 while the database answers, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if app::backend::db::ping(&state.pool).await {
        (StatusCode::OK, "ok\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
    }
}

/// 200 when this server can take traffic: the database answers and carries every migration
/// of this build, and the catalogue is in memory. 503 with the reason otherwise.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if !app::backend::db::ping(&state.pool).await {
        return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n");
    }
    if !app::backend::db::migrations_applied(&state.pool, state.engine).await {
        return (StatusCode::SERVICE_UNAVAILABLE, "migrations pending\n");
    }
    if state.catalogue.get().revision <= 0 {
        return (StatusCode::SERVICE_UNAVAILABLE, "catalogue not loaded\n");
    }
    (StatusCode::OK, "ready\n")
}
