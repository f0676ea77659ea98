//! Types shared by server and browser: ids, languages, money and page DTOs.

pub mod academy;
pub mod catalogue;
pub mod china_time;
pub mod dispatch;
pub mod lang;
pub mod listing;
pub mod money;
pub mod product;
pub mod site;
pub mod tax;
pub mod url;

pub use catalogue::{CategorySummary, HomeData, ProductCard};
pub use dispatch::{Dispatch, Zone};
pub use lang::Lang;
pub use listing::{FacetValue, Facets, ListingPage, ListingQuery, Sort};
pub use money::{Currency, Money};
pub use product::{Crumb, Delivery, ProductPage, ShopCard, ShopPage, VariantView};
pub use site::SiteConfig;
pub use tax::{LandedPrice, TaxClass};
pub mod account;
pub mod address;
pub mod admin;
pub mod article_draft;
pub mod audit;
pub mod cart;
pub mod content;
pub mod form_draft;
pub mod invoice;
pub mod order;
pub mod registration;
pub mod review;
pub mod seller;
