//! Catalogue pages: categories (and, later, the listing and product pages).

mod category;

pub use category::CategoryPage;
