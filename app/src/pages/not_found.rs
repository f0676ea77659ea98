use leptos::prelude::*;

use crate::components::{PageMeta, use_lang};
use crate::i18n::*;

/// The translated 404 page; on the server it also sets the status to 404.
#[component]
pub fn NotFound() -> impl IntoView {
    super::answer_with_status_of(&crate::error::AppError::NotFound);
    let i18n = use_i18n();
    view! {
        <Notice
            title=t_string!(i18n, common.not_found_title).to_string()
            body=t_string!(i18n, common.not_found_body).to_string()
        />
    }
}

/// A page that only says something (no such page, no connection), kept out of search
/// engines, with the way home.
#[component]
pub fn Notice(title: String, body: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <PageMeta title=title.clone() description=body.clone() missing=true />
        <section class="not-found">
            <h1>{title}</h1>
            <p>{body}</p>
            <p>
                <a href=move || format!("/{}/", lang.get().code())>{t!(i18n, common.back_home)}</a>
            </p>
        </section>
    }
}
