//! Server functions: thin public endpoints. Each takes state from context, checks the
//! caller, parses input, calls the backend and maps errors.

pub mod catalog;
pub mod site;

pub use catalog::{GetCategoryPage, GetHome, get_category_page, get_home};
pub use site::{GetSiteConfig, get_site_config};
