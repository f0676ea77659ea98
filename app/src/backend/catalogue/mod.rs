//! The published catalogue in memory. Pages read this snapshot, never the database: it is
//! loaded at start and reloaded when the database's catalogue revision moves (any server's
//! write bumps it), so every app server sees a change within seconds.

mod follow;
mod listing;
mod load;
mod product;
mod snapshot;

pub use follow::{follow, refresh};
pub use listing::listing;
pub use load::load;
pub use product::{home, product_page, shop_page, shops};
pub use snapshot::{Catalogue, Product, Texts};

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use crate::backend::search::SearchIndex;
use crate::model::{Lang, ListingPage, ListingQuery};

/// Listing pages kept per snapshot: popular listings (page one, categories, common
/// searches) are computed once per catalogue revision.
const LISTING_CACHE: usize = 1_024;

type ListingKey = (i64, Lang, ListingQuery);

/// The current snapshot and the search index that follows it.
#[derive(Clone)]
pub struct CatalogueStore {
    current: Arc<RwLock<Arc<Catalogue>>>,
    listings: Arc<Mutex<HashMap<ListingKey, Arc<ListingPage>>>>,
    pub search: SearchIndex,
    /// Product page views not yet written to the database (see `seller::analytics`).
    pub views: Arc<Mutex<HashMap<i64, i64>>>,
}

impl CatalogueStore {
    pub fn new(catalogue: Catalogue, search: SearchIndex) -> CatalogueStore {
        CatalogueStore {
            current: Arc::new(RwLock::new(Arc::new(catalogue))),
            listings: Arc::new(Mutex::new(HashMap::new())),
            search,
            views: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// The listing for a query, from the cache when this snapshot already computed it.
    pub fn listing(&self, lang: Lang, query: &ListingQuery) -> Arc<ListingPage> {
        let catalogue = self.get();
        let key = (catalogue.revision, lang, query.clone());
        if let Some(page) = self.listings.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return page;
        }
        let page = Arc::new(listing(&catalogue, &self.search, lang, query));
        if let Ok(mut cache) = self.listings.lock() {
            // Entries of older revisions, or too many entries: start afresh.
            if cache.len() >= LISTING_CACHE || cache.keys().next().is_some_and(|k| k.0 != key.0) {
                cache.clear();
            }
            cache.insert(key, page.clone());
        }
        page
    }

    /// The snapshot as it is now; cheap (one Arc clone).
    pub fn get(&self) -> Arc<Catalogue> {
        match self.current.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn replace(&self, catalogue: Catalogue) {
        let next = Arc::new(catalogue);
        match self.current.write() {
            Ok(mut guard) => *guard = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
    }
}
