//! Reusable view pieces.

mod cart_changes;
mod error_message;
mod forms;
mod json_ld;
mod language_switch;
mod marked;
mod page_meta;
mod pager;
mod picture;
mod product_card;
mod raw_text;
mod search_box;
mod units;
mod use_lang;

pub use cart_changes::use_cart_changes;
pub use error_message::{ActionError, ErrorMessage, error_text, problem_text};
pub use forms::{
    Control, ControlError, Feedback, Field, LangField, SelectField, TextArea, field_id,
    refused_form, use_control,
};
pub use json_ld::JsonLd;
pub use language_switch::LanguageSwitch;
pub use marked::Marked;
pub use page_meta::PageMeta;
pub use pager::Pager;
pub use picture::Picture;
pub use product_card::ProductCard;
pub use raw_text::raw_text;
pub use search_box::SearchBox;
pub use units::kilograms;
pub use use_lang::{use_lang, use_site};
