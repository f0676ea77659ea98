//! Reusable view pieces.

mod error_message;
mod language_switch;
mod page_meta;
mod product_card;
mod use_lang;

pub use error_message::ErrorMessage;
pub use language_switch::LanguageSwitch;
pub use page_meta::PageMeta;
pub use product_card::ProductCard;
pub use use_lang::{use_lang, use_site};
