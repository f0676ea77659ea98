//! The audit log: one row per privileged action, never changed or deleted (the database
//! refuses both with triggers).

use sqlx::{Any, AnyPool, Executor, FromRow};

use crate::model::admin::AuditEntry;

/// One row to add: who did what to which thing, with its state before and after (JSON).
pub struct NewEntry<'a> {
    pub at: i64,
    /// `None` for the operator's command line.
    pub actor_id: Option<i64>,
    pub actor: &'a str,
    pub action: &'a str,
    pub target: &'a str,
    pub before: Option<String>,
    pub after: Option<String>,
    pub address: &'a str,
}

pub async fn insert<'c, E>(executor: E, entry: NewEntry<'_>) -> Result<(), sqlx::Error>
where
    E: Executor<'c, Database = Any>,
{
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, actor, action, target, before_state, after_state, address) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(entry.at)
    .bind(entry.actor_id)
    .bind(entry.actor)
    .bind(entry.action)
    .bind(entry.target)
    .bind(entry.before)
    .bind(entry.after)
    .bind(entry.address)
    .execute(executor)
    .await?;
    Ok(())
}

#[derive(FromRow)]
struct EntryRow {
    id: i64,
    at: i64,
    actor: String,
    action: String,
    target: String,
    before_state: Option<String>,
    after_state: Option<String>,
    address: String,
}

/// Entries whose actor, action, target or address match the `LIKE` pattern (escaped with
/// `\`), newest first, older than `before_id`; at most `limit`.
pub async fn search(
    pool: &AnyPool,
    pattern: &str,
    before_id: i64,
    limit: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows: Vec<EntryRow> = sqlx::query_as(
        "SELECT id, at, actor, action, target, before_state, after_state, address FROM audit_log \
         WHERE (LOWER(actor) LIKE $1 ESCAPE '\\' OR LOWER(action) LIKE $1 ESCAPE '\\' \
                OR LOWER(target) LIKE $1 ESCAPE '\\' OR LOWER(address) LIKE $1 ESCAPE '\\') \
           AND id < $2 \
         ORDER BY id DESC LIMIT $3",
    )
    .bind(pattern)
    .bind(before_id)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id,
            at: r.at,
            actor: r.actor,
            action: r.action,
            target: r.target,
            before: r.before_state,
            after: r.after_state,
            address: r.address,
        })
        .collect())
}
