use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::suggest_products;
use crate::components::use_lang;
use crate::i18n::*;

/// Wait this long after the last keystroke before asking for suggestions.
const DEBOUNCE_MS: u64 = 180;

/// The search form (a plain GET to the listing, so it works without JavaScript) with
/// suggestions as you type once hydrated.
#[component]
pub fn SearchBox() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let text = RwSignal::new(query.read_untracked().get("q").unwrap_or_default());
    let suggestions = RwSignal::new(Vec::<(String, String)>::new());
    let generation = StoredValue::new(0_u64);

    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        text.set(value.clone());
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        if value.trim().is_empty() {
            suggestions.set(Vec::new());
            return;
        }
        set_timeout(
            move || {
                if generation.get_value() != mine {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let found = suggest_products(lang.get_untracked(), value)
                        .await
                        .unwrap_or_default();
                    // A newer keystroke wins over a late answer.
                    if generation.get_value() == mine {
                        suggestions.set(found);
                    }
                });
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
    };

    let action = move || format!("/{}/products", lang.get().code());
    let list = move || {
        let code = lang.get().code();
        suggestions
            .get()
            .into_iter()
            .map(|(slug, title)| {
                view! {
                    <li>
                        <a href=format!("/{code}/products/{slug}")>{title}</a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <form class="search-box" role="search" method="get" action=action>
            <input
                type="search"
                name="q"
                maxlength="100"
                autocomplete="off"
                aria-label=move || t_string!(i18n, catalog.search_label)
                placeholder=move || t_string!(i18n, catalog.search_placeholder)
                prop:value=move || text.get()
                on:input=on_input
            />
            <button type="submit">{t!(i18n, catalog.search_button)}</button>
            <ul
                class="suggestions"
                aria-label=move || t_string!(i18n, catalog.suggestions_label)
                hidden=move || suggestions.with(Vec::is_empty)
            >
                {list}
            </ul>
        </form>
    }
}
