//! Files only administrators may fetch: an applicant's documents (each viewing is audited,
//! since they hold personal data) and the audit log as CSV.

use std::collections::HashMap;

use app::backend::admin::admin_at;
use app::backend::admin::audit::{self, Change, Operator};
use app::backend::admin::shops::document_file;
use app::backend::session::{ClientAddr, Session};
use axum::Extension;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};

use crate::startup::ServerState;

/// The signed-in admin, or the status that refuses the request.
fn admin(session: &Session, address: String) -> Result<Operator, StatusCode> {
    let user = session.user().ok_or(StatusCode::UNAUTHORIZED)?;
    admin_at(&user, address).map_err(|_| StatusCode::FORBIDDEN)
}

/// The caller's address as the security middleware worked it out, else the TCP peer.
fn address(client: Option<Extension<ClientAddr>>, peer: std::net::SocketAddr) -> String {
    client
        .map_or(peer.ip(), |Extension(ClientAddr(ip))| ip)
        .to_string()
}

fn failed(error: impl std::fmt::Display, what: &str) -> Response {
    tracing::error!(%error, "{what}");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

pub async fn document(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
    client: Option<Extension<ClientAddr>>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    Path(id): Path<i64>,
) -> Response {
    let who = match admin(&session, address(client, peer)) {
        Ok(who) => who,
        Err(status) => return status.into_response(),
    };
    let pool = &state.app.pool;
    let (stored, content_type) = match document_file(pool, id).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return failed(error, "cannot read a document's record"),
    };
    let path = state.app.data_dir.join("documents").join(&stored);
    let bytes = match tokio::fs::read(&path).await {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return StatusCode::NOT_FOUND.into_response();
        }
        Err(error) => return failed(error, "cannot read a document"),
    };
    let change = Change {
        action: "document.view",
        target: format!("document:{id}"),
        before: None,
        after: None,
    };
    audit::record_after(pool, &who, change).await;
    let extension = if content_type == "application/pdf" {
        "pdf"
    } else {
        "jpg"
    };
    (
        [
            (CONTENT_TYPE, content_type),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"document-{id}.{extension}\""),
            ),
            (CACHE_CONTROL, "no-store".to_owned()),
            (X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

pub async fn audit_csv(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
    client: Option<Extension<ClientAddr>>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let who = match admin(&session, address(client, peer)) {
        Ok(who) => who,
        Err(status) => return status.into_response(),
    };
    let q = query.get("q").map(String::as_str).unwrap_or_default();
    let pool = &state.app.pool;
    let body = match audit::csv(pool, q).await {
        Ok(body) => body,
        Err(error) => return failed(error, "cannot export the audit log"),
    };
    let change = Change {
        action: "audit.export",
        target: format!("audit:{q}"),
        before: None,
        after: None,
    };
    audit::record_after(pool, &who, change).await;
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8"),
            (CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\""),
            (CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}
