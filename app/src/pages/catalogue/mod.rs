//! Catalogue pages: the listing (and category pages), product pages, shops.

mod buy_box;
mod facets;
mod listing;
mod product;
mod reviews;
mod shops;
mod structured_data;

pub use listing::{CategoryPage, ProductsPage};
pub use product::ProductPage;
pub use shops::{ShopPage, ShopsPage};
