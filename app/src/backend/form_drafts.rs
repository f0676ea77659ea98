//! Refused forms remembered for a browser without JavaScript. The server-function handler
//! keeps what was typed (`save`) when it sends the browser back to the form with the reason;
//! the page then fills the form in again (`find`). The browser holds the draft's token in a
//! cookie, so the typed text never travels in a URL, and only that browser can read it back.

use sqlx::AnyPool;

use crate::backend::crypto::{random_token, sha256_hex};
use crate::backend::db::{self, now_seconds};
use crate::model::form_draft::FormDraft;

/// The cookie that holds a draft's token.
pub const COOKIE: &str = "pavilion_form";
/// How long a draft is kept: long enough to read the reason and correct the field.
pub const KEEP_SECONDS: i64 = 15 * 60;

/// Keeps what was typed into a form on `page` (a path); the token for the cookie.
pub async fn save(pool: &AnyPool, page: &str, draft: &FormDraft) -> Result<String, sqlx::Error> {
    let token = random_token(16);
    let fields = serde_json::to_string(draft).unwrap_or_default();
    db::form_drafts::insert(
        pool,
        &sha256_hex(&token),
        page,
        &fields,
        now_seconds() + KEEP_SECONDS,
    )
    .await?;
    Ok(token)
}

/// The draft this browser's token names, if it was made on `page` and is still kept.
pub async fn find(pool: &AnyPool, token: &str, page: &str) -> Option<FormDraft> {
    match db::form_drafts::find(pool, &sha256_hex(token), page).await {
        Ok(fields) => fields.and_then(|f| serde_json::from_str(&f).ok()),
        Err(error) => {
            tracing::warn!(%error, "a form draft could not be read");
            None
        }
    }
}
