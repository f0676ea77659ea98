use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::use_lang;
use crate::i18n::*;

/// A link to the same page in the other language. It goes through `/switch-language`,
/// which remembers the choice in the `lang` cookie, so it works without JavaScript too.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let location = use_location();
    let href = move || {
        let target = lang.get().other();
        let path = target.localize_path(&location.pathname.get());
        let query = location.search.get();
        let to = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        format!(
            "/switch-language?lang={}&to={}",
            target.code(),
            crate::model::url::encode_path_value(&to)
        )
    };
    let other = move || lang.get().other();
    view! {
        <a
            class="language-switch"
            href=href
            rel="external"
            hreflang=move || other().html_tag()
            lang=move || other().html_tag()
            title=move || t_string!(i18n, common.switch_to, name = other().native_name())
        >
            {move || other().native_name()}
        </a>
    }
}
