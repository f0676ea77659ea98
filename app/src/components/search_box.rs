use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

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
    // Only the catalogue's own listings searched for the words; other pages' `q` (the
    // console's searches, say) is theirs.
    let searched = is_listing(&use_location().pathname.read_untracked())
        .then(|| query.read_untracked().get("q"))
        .flatten();
    let text = RwSignal::new(searched.unwrap_or_default());
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
    // The suggestion the arrow keys have reached, if any.
    let active = RwSignal::new(None::<usize>);
    Effect::new(move || {
        suggestions.track();
        active.set(None);
    });
    let expanded = move || suggestions.with(|s| !s.is_empty());
    let navigate = leptos_router::hooks::use_navigate();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = suggestions.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if count > 0 => {
                ev.prevent_default();
                let down = ev.key() == "ArrowDown";
                active.update(|at| {
                    *at = Some(match (*at, down) {
                        (None, true) => 0,
                        (None, false) => count - 1,
                        (Some(i), true) => (i + 1) % count,
                        (Some(i), false) => (i + count - 1) % count,
                    })
                });
            }
            "Escape" if count > 0 => {
                ev.prevent_default();
                suggestions.set(Vec::new());
            }
            "Enter" => {
                let chosen = active.get_untracked().and_then(|i| {
                    suggestions.with_untracked(|s| s.get(i).map(|(slug, _)| slug.clone()))
                });
                if let Some(slug) = chosen {
                    ev.prevent_default();
                    let code = lang.get_untracked().code();
                    navigate(&format!("/{code}/products/{slug}"), Default::default());
                }
            }
            _ => {}
        }
    };
    let list = move || {
        let code = lang.get().code();
        suggestions
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (slug, title))| {
                view! {
                    <li
                        role="option"
                        id=format!("search-suggestion-{i}")
                        aria-selected=move || (active.get() == Some(i)).to_string()
                    >
                        <a href=format!("/{code}/products/{slug}") tabindex="-1">{title}</a>
                    </li>
                }
            })
            .collect_view()
    };
    let announcement = move || {
        let count = suggestions.with(Vec::len);
        if count > 0 {
            t_string!(i18n, catalogue.suggestions_count, count = count).to_string()
        } else {
            String::new()
        }
    };
    view! {
        <form class="search-box" role="search" method="get" action=action>
            <input
                type="search"
                name="q"
                maxlength="100"
                autocomplete="off"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-suggestions"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || {
                    active.get().map(|i| format!("search-suggestion-{i}"))
                }
                aria-label=move || t_string!(i18n, catalogue.search_label)
                placeholder=move || t_string!(i18n, catalogue.search_placeholder)
                prop:value=move || text.get()
                on:input=on_input
                on:keydown=on_keydown
            />
            <button type="submit">{t!(i18n, catalogue.search_button)}</button>
            <ul
                id="search-suggestions"
                class="suggestions"
                role="listbox"
                aria-label=move || t_string!(i18n, catalogue.suggestions_label)
                hidden=move || !expanded()
            >
                {list}
            </ul>
            <p class="visually-hidden" aria-live="polite">{announcement}</p>
        </form>
    }
}

/// `/{lang}/products` and `/{lang}/categories/{slug}`: the pages the search box searches.
fn is_listing(path: &str) -> bool {
    let mut segments = path.trim_start_matches('/').split('/').skip(1);
    match (segments.next(), segments.next(), segments.next()) {
        (Some("products"), None | Some(""), None) => true,
        (Some("categories"), Some(slug), None) => !slug.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_listing;

    #[test]
    fn only_the_catalogue_listings_fill_the_search_box() {
        for listing in ["/zh/products", "/en/products/", "/en/categories/rice"] {
            assert!(is_listing(listing), "{listing}");
        }
        for other in [
            "/en/admin/users",
            "/zh/products/basmati",
            "/zh/",
            "/en/categories/",
        ] {
            assert!(!is_listing(other), "{other}");
        }
    }
}
