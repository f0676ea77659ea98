use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::auth::Login;
use crate::components::{ActionError, Feedback, Field, LangField, PageMeta, use_lang};
use crate::i18n::*;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let next = query.read_untracked().get("next").unwrap_or_default();
    let reset_done = query.read_untracked().get("reset").is_some();
    let action = ServerAction::<Login>::new();
    let code = move || lang.get().code();
    let register_href = move || format!("/{}/account/register?next={}", code(), urlencoding(&next));
    let next_field = use_query_map()
        .read_untracked()
        .get("next")
        .unwrap_or_default();
    view! {
        <PageMeta
            title=t_string!(i18n, account.login_title).to_string()
            description=t_string!(i18n, account.login_description).to_string()
        />
        <section class="auth-page">
            <h1>{t!(i18n, account.login_title)}</h1>
            {reset_done.then(|| view! { <p class="notice">{t!(i18n, account.reset_done)}</p> })}
            <ActionForm action attr:class="stack">
                <Feedback value=action.value()>
                    <LangField />
                    <input type="hidden" name="next" value=next_field />
                    <Field
                        label=Signal::derive(move || t_string!(i18n, account.email).to_string())
                        name="email"
                        kind="email"
                        autocomplete="email"
                    />
                    <Field
                        label=Signal::derive(move || t_string!(i18n, account.password).to_string())
                        name="password"
                        kind="password"
                        autocomplete="current-password"
                    />
                    <ActionError value=action.value() />
                    <button type="submit" class="primary">
                        {t!(i18n, account.login_submit)}
                    </button>
                </Feedback>
            </ActionForm>
            <p>
                <a href=register_href>{t!(i18n, account.no_account)}</a>
                " · "
                <a href=move || format!("/{}/account/forgot", code())>
                    {t!(i18n, account.forgot_link)}
                </a>
            </p>
        </section>
    }
}

/// Percent-encodes a path for a query parameter.
pub fn urlencoding(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}
