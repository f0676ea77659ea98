//! One module per route family.

pub mod academy;
pub mod account;
pub mod admin;
mod catalog;
pub mod content;
pub mod editor;
mod home;
mod layout;
mod not_found;
mod offline;
pub mod seller;
pub mod shop;

pub use catalog::{CategoryPage, ProductPage, ProductsPage, ShopPage, ShopsPage};
pub use home::HomePage;
pub use layout::LangLayout;
pub use not_found::NotFound;
pub use offline::OfflinePage;
