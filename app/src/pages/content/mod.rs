//! Pakistan's culture, cuisine, tourism and people-to-people exchange: section pages,
//! articles (recipes and destination guides among them) and the offline pavilions.

mod article;
mod card;
mod pavilions;
mod recipe;
mod section;

pub use article::ArticlePage;
pub use card::ArticleCardView;
pub use pavilions::PavilionsPage;
pub use section::{CuisinePage, CulturePage, ExchangePage, TourismPage};

use leptos_i18n::I18nContext;

use crate::i18n::*;
use crate::model::content::Section;

/// A section's name in the page's language.
pub fn section_name(i18n: I18nContext<Locale>, section: Section) -> String {
    match section {
        Section::Culture => t_string!(i18n, content.culture),
        Section::Cuisine => t_string!(i18n, content.cuisine),
        Section::Tourism => t_string!(i18n, content.tourism),
        Section::Exchange => t_string!(i18n, content.exchange),
    }
    .to_string()
}
