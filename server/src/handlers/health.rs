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
