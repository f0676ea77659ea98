use leptos::prelude::*;

use super::{AdminPage, loaded, param};
use crate::api::admin::list_articles;
use crate::components::use_lang;
use crate::i18n::*;
use crate::model::article_draft::EditorRow;
use crate::pages::article_editor::EditorTable;

/// The editors' articles: open one in the editor, or withdraw a published one.
#[component]
pub fn AdminArticlesPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let done = param("done");
    let rows = Resource::new(done, |_| list_articles());
    view! {
        <AdminPage title=|i18n| t_string!(i18n, admin.articles).to_string()>
            <p>
                <a class="button" href=move || format!("/{}/editor", lang.get().code())>{t!(i18n, admin.open_editor)}</a>
            </p>
            {loaded(rows, |rows: Vec<EditorRow>| view! { <EditorTable rows withdraw=true /> })}
        </AdminPage>
    }
}
