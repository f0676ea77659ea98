//! The audit log: one row per privileged action, never changed or deleted (the database
//! refuses both with triggers).

use serde_json::Value;
use sqlx::{Any, AnyPool, Executor};

use super::like_pattern;
use crate::backend::db::{audit, now_seconds};
use crate::backend::seller::csv_format::escape;
use crate::model::admin::{AuditEntry, PAGE_ROWS};

/// Who performs a privileged action, and from which address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Operator {
    /// `None` for the operator's command line.
    pub user_id: Option<i64>,
    pub email: String,
    pub address: String,
}

impl Operator {
    /// A signed-in person acting from this request's address.
    pub fn of(user: &crate::backend::session::SessionUser) -> Operator {
        Operator::at(user, crate::backend::session::client_address())
    }

    /// A signed-in person acting from `address`.
    pub fn at(user: &crate::backend::session::SessionUser, address: String) -> Operator {
        Operator {
            user_id: Some(user.id),
            email: user.email.clone(),
            address,
        }
    }

    /// The `pavilion` command, run on the server by whoever holds the machine.
    pub fn command_line() -> Operator {
        let user = std::env::var("USER").unwrap_or_else(|_| "operator".to_owned());
        Operator {
            user_id: None,
            email: format!("cli:{user}"),
            address: "local".to_owned(),
        }
    }
}

/// One change: what was done to which thing, with its state before and after.
pub struct Change<'a> {
    pub action: &'a str,
    pub target: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

pub async fn record<'c, E>(
    executor: E,
    who: &Operator,
    change: Change<'_>,
) -> Result<(), sqlx::Error>
where
    E: Executor<'c, Database = Any>,
{
    let entry = audit::NewEntry {
        at: now_seconds(),
        actor_id: who.user_id,
        actor: &who.email,
        action: change.action,
        target: &change.target,
        before: change.before.map(|v| v.to_string()),
        after: change.after.map(|v| v.to_string()),
        address: &who.address,
    };
    audit::insert(executor, entry).await
}

/// Records a change made by a service that ran its own transaction; a failure to record is
/// logged loudly (the action itself already happened).
pub async fn record_after(pool: &AnyPool, who: &Operator, change: Change<'_>) {
    let action = change.action.to_owned();
    let target = change.target.clone();
    if let Err(error) = record(pool, who, change).await {
        tracing::error!(%error, action, target, "the audit log could not record an action");
    }
}

/// Entries whose actor, action, target or address contain `query`, newest first, older
/// than `before_id` when paging; at most `limit`.
pub async fn search(
    pool: &AnyPool,
    query: &str,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let before_id = before_id.unwrap_or(i64::MAX);
    audit::search(pool, &like_pattern(query), before_id, limit).await
}

/// A page of the console's list.
pub async fn page(
    pool: &AnyPool,
    query: &str,
    before_id: Option<i64>,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    search(pool, query, before_id, PAGE_ROWS).await
}

/// The whole matching log as CSV (UTF-8 with a byte-order mark, so spreadsheets read the
/// Chinese right), newest first; cells a spreadsheet would run as formulas are quoted.
pub async fn csv(pool: &AnyPool, query: &str) -> Result<Vec<u8>, sqlx::Error> {
    const MAX_ROWS: i64 = 200_000;
    let entries = search(pool, query, None, MAX_ROWS).await?;
    let mut out = Vec::with_capacity(64 + entries.len() * 160);
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut writer = csv::Writer::from_writer(out);
    let header = [
        "id", "at_utc", "actor", "action", "target", "before", "after", "address",
    ];
    let _ = writer.write_record(header);
    for e in entries {
        let at = time::OffsetDateTime::from_unix_timestamp(e.at)
            .map(|t| {
                t.format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        let cells = [
            e.id.to_string().into(),
            at.into(),
            escape(&e.actor),
            escape(&e.action),
            escape(&e.target),
            escape(e.before.as_deref().unwrap_or_default()),
            escape(e.after.as_deref().unwrap_or_default()),
            escape(&e.address),
        ];
        let _ = writer.write_record(cells.iter().map(|c| c.as_bytes()));
    }
    Ok(writer.into_inner().unwrap_or_default())
}
