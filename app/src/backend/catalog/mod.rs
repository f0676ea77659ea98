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
pub use snapshot::{Catalog, Product, Texts};

use std::sync::{Arc, RwLock};

use crate::backend::search::SearchIndex;

/// The current snapshot and the search index that follows it.
#[derive(Clone)]
pub struct CatalogStore {
    current: Arc<RwLock<Arc<Catalog>>>,
    pub search: SearchIndex,
}

impl CatalogStore {
    pub fn new(catalog: Catalog, search: SearchIndex) -> CatalogStore {
        CatalogStore {
            current: Arc::new(RwLock::new(Arc::new(catalog))),
            search,
        }
    }

    /// The snapshot as it is now; cheap (one Arc clone).
    pub fn get(&self) -> Arc<Catalog> {
        match self.current.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn replace(&self, catalog: Catalog) {
        let next = Arc::new(catalog);
        match self.current.write() {
            Ok(mut guard) => *guard = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
    }
}
