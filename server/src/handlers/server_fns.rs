use axum::body::Body;
use axum::extract::State;
use axum::response::IntoResponse;
use http::Request;
use leptos::prelude::provide_context;

use crate::startup::ServerState;

/// Server functions, with the app state in their context.
pub async fn handle(State(state): State<ServerState>, request: Request<Body>) -> impl IntoResponse {
    leptos_axum::handle_server_fns_with_context(move || provide_context(state.app.clone()), request)
        .await
}
