//! Small pieces every form uses.

use leptos::prelude::*;

use crate::components::use_lang;

/// The page's language as a hidden `lang` field, for server functions that answer in it.
#[component]
pub fn LangField() -> impl IntoView {
    let lang = use_lang();
    view! { <input type="hidden" name="lang" value=move || lang.get().form_value() /> }
}

/// A labelled text input.
#[component]
pub fn Field(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] name: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let id = format!("field-{}", name.replace(['[', ']'], "-"));
    let hint_id = format!("{id}-hint");
    let described = hint.is_some().then(|| hint_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=kind
                name=name
                autocomplete=autocomplete
                value=value
                required=required
                aria-describedby=described
            />
            {hint.map(|hint| view! { <small id=hint_id>{hint}</small> })}
        </div>
    }
}
