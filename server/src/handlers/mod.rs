//! Plain axum endpoints beside the Leptos pages.

pub mod admin_files;
pub mod catalogue_csv;
pub mod content;
pub mod health;
pub mod home_screen;
pub mod invoices;
pub mod language;
pub mod media;
pub mod new_product;
pub mod payments;
pub mod seo;
pub mod server_fns;
pub mod uploads;
