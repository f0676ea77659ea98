//! Types shared by server and browser: ids, languages, money and page DTOs.

pub mod catalog;
pub mod lang;
pub mod money;
pub mod site;

pub use catalog::{CategoryPage, CategorySummary, HomeData, ProductCard};
pub use lang::Lang;
pub use money::{Currency, Money};
pub use site::SiteConfig;
