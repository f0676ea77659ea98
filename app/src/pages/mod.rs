//! One module per route family.

pub mod academy;
pub mod account;
pub mod admin;
pub mod article_editor;
pub mod buying;
mod catalogue;
pub mod content;
mod home;
mod layout;
mod loaded;
mod not_found;
mod offline;
pub mod seller;

pub use catalogue::{CategoryPage, ProductPage, ProductsPage, ShopPage, ShopsPage};
pub use home::HomePage;
pub use layout::LangLayout;
pub use loaded::{Loaded, PageError, answer_with_status_of};
pub use not_found::NotFound;
pub use offline::OfflinePage;
