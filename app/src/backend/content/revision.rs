//! Which version of the content an app server has seen: followed from the database like
//! the catalogue's revision, so that pages kept for anonymous visitors know when they are
//! out of date on every server.

use sqlx::AnyPool;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use crate::backend::db::{now_seconds, revisions};

/// How often an app server looks at the content revision.
const POLL: Duration = Duration::from_secs(2);

/// The content revision and the number of articles published, as last read.
#[derive(Clone, Default)]
pub struct ContentRevision(Arc<RwLock<(i64, i64)>>);

impl ContentRevision {
    /// As last read (cheap).
    pub fn get(&self) -> (i64, i64) {
        match self.0.read() {
            Ok(guard) => *guard,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }

    /// Reads it again; a server that has just written content calls this so that it
    /// answers the change at once, not a poll later.
    pub async fn refresh(&self, pool: &AnyPool) -> Result<(), sqlx::Error> {
        let now = revisions::content(pool, now_seconds()).await?;
        match self.0.write() {
            Ok(mut guard) => *guard = now,
            Err(poisoned) => *poisoned.into_inner() = now,
        }
        Ok(())
    }
}

/// Follows the revision for as long as the server runs.
pub async fn follow(revision: ContentRevision, pool: AnyPool) {
    let mut ticker = tokio::time::interval(POLL);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        if let Err(error) = revision.refresh(&pool).await {
            tracing::warn!(%error, "cannot read the content revision");
        }
    }
}
