//! Keeping the snapshot and the search index in step with the database.

use sqlx::AnyPool;
use std::collections::HashSet;
use std::time::Duration;

use super::{CatalogueStore, load};

/// How often an app server looks at the catalogue revision.
const POLL: Duration = Duration::from_secs(2);

/// Reloads the snapshot if the database's revision moved, and updates the search index
/// with the products written since. Returns whether anything changed.
pub async fn refresh(store: &CatalogueStore, pool: &AnyPool) -> Result<bool, sqlx::Error> {
    let revision = crate::backend::db::revisions::catalogue(pool).await?;
    let old = store.get();
    if revision == old.revision {
        return Ok(false);
    }
    let next = load(pool).await?;
    let changed: Vec<_> = next
        .products
        .iter()
        .filter(|p| p.revision > old.revision || !old.product_by_id.contains_key(&p.id))
        .map(|p| next.search_doc(p))
        .collect();
    let present: HashSet<i64> = next.products.iter().map(|p| p.id).collect();
    let gone: Vec<i64> = old
        .products
        .iter()
        .map(|p| p.id)
        .filter(|id| !present.contains(id))
        .collect();
    tracing::info!(
        catalogue.revision = next.revision,
        catalogue.changed = changed.len(),
        catalogue.removed = gone.len(),
        "catalogue refreshed"
    );
    let search = store.search.clone();
    let indexed = tokio::task::spawn_blocking(move || {
        if !changed.is_empty() {
            search.upsert(changed)?;
        }
        if !gone.is_empty() {
            search.remove(&gone)?;
        }
        Ok::<_, crate::backend::search::SearchError>(())
    })
    .await;
    match indexed {
        Ok(Ok(())) => {}
        Ok(Err(error)) => tracing::error!(%error, "search index update failed"),
        Err(error) => tracing::error!(%error, "search index update panicked"),
    }
    store.replace(next);
    Ok(true)
}

/// Follows the revision for as long as the server runs.
pub async fn follow(store: CatalogueStore, pool: AnyPool) {
    let mut ticker = tokio::time::interval(POLL);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        if let Err(error) = refresh(&store, &pool).await {
            tracing::warn!(%error, "cannot refresh the catalogue");
        }
    }
}
