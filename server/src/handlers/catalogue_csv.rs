//! A shop's products as CSV: `GET /exports/products.csv` downloads them, `POST
//! /uploads/catalogue` imports a file and sends the seller to its report.

use std::collections::HashMap;

use app::backend::seller::{Need, catalogue_csv, csv_format::MAX_BYTES, shop_for};
use app::backend::session::Session;
use app::error::AppError;
use app::model::Lang;
use axum::Extension;
use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};

use crate::startup::ServerState;

/// The largest file accepted (a 100,000-row catalogue fits).
pub const MAX_UPLOAD: usize = MAX_BYTES + 64 * 1024;

/// The caller's shop when they may manage its catalogue.
async fn managed_shop(state: &ServerState, session: &Session) -> Result<(i64, i64), StatusCode> {
    let user = session.user().ok_or(StatusCode::UNAUTHORIZED)?;
    match shop_for(&state.app.pool, &user, Need::Catalogue).await {
        Ok(shop) => Ok((shop.id, user.id)),
        Err(AppError::Forbidden) => Err(StatusCode::FORBIDDEN),
        Err(error) => {
            tracing::error!(%error, "cannot read the seller's shop");
            Err(StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

pub async fn export(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
) -> Response {
    let shop = match managed_shop(&state, &session).await {
        Ok((shop, _)) => shop,
        Err(status) => return status.into_response(),
    };
    match catalogue_csv::export(&state.app.pool, shop).await {
        Ok(body) => (
            [
                (CONTENT_TYPE, "text/csv; charset=utf-8"),
                (CONTENT_DISPOSITION, "attachment; filename=\"products.csv\""),
                (CACHE_CONTROL, "no-store"),
            ],
            body,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot export products");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

pub async fn import(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
    mut multipart: Multipart,
) -> Response {
    // The form is read before anyone is refused: answered while its body is still being
    // sent, a client sees the connection close instead of the refusal.
    let mut fields: HashMap<String, axum::body::Bytes> = HashMap::new();
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                match field.bytes().await {
                    Ok(data) => {
                        fields.insert(name, data);
                    }
                    Err(error) => return error.status().into_response(),
                }
            }
            Ok(None) => break,
            Err(error) => return error.status().into_response(),
        }
    }
    let (shop, user) = match managed_shop(&state, &session).await {
        Ok(found) => found,
        Err(status) => return status.into_response(),
    };
    let text = |name: &str| {
        fields
            .get(name)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
            .to_owned()
    };
    let lang = Lang::parse(&text("lang")).unwrap_or(Lang::En);
    let only_valid = text("mode") == "valid";
    let file = fields.get("file").cloned().unwrap_or_default();
    let pool = &state.app.pool;
    match catalogue_csv::import(pool, state.app.engine, shop, user, &file, only_valid).await {
        Ok(report) => {
            tracing::info!(shop.id = shop, import.id = report, "catalogue imported");
            Redirect::to(&format!(
                "/{}/seller/catalogue?report={report}",
                lang.code()
            ))
            .into_response()
        }
        Err(error) => {
            tracing::error!(error = error.code_text(), "catalogue import failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
