//! The editors' pages: every article with the state of each language, and the side-by-side
//! bilingual editor.

mod edit;
mod list;

pub use edit::{EditArticlePage, NewArticlePage};
pub use list::EditorPage;
pub(crate) use list::EditorTable;

use leptos_i18n::I18nContext;

use crate::i18n::*;
use crate::model::article_draft::LangState;

pub fn state_name(i18n: I18nContext<Locale>, state: LangState) -> String {
    match state {
        LangState::Missing => t_string!(i18n, editor.state_missing),
        LangState::Draft => t_string!(i18n, editor.state_draft),
        LangState::Scheduled => t_string!(i18n, editor.state_scheduled),
        LangState::Published => t_string!(i18n, editor.state_published),
    }
    .to_string()
}
