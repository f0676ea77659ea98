//! Server functions: thin public endpoints. Each takes state from context, checks the
//! caller, parses input, calls the backend and maps errors.

pub mod academy;
pub mod admin;
pub mod articles;
pub mod auth;
pub mod cart;
pub mod catalogue;
pub mod checkout;
pub mod content;
pub mod orders;
pub mod payments;
pub mod reviews;
pub mod seller;
pub mod site;

pub use catalogue::{
    GetHome, GetProduct, GetShop, ListProducts, ListShops, SuggestProducts, get_home, get_product,
    get_shop, list_products, list_shops, suggest_products,
};
pub use site::{GetSiteConfig, get_site_config};
