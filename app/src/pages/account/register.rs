use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::auth::Register;
use crate::components::{ActionError, Feedback, Field, LangField, PageMeta, use_lang};
use crate::i18n::*;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let next = use_query_map()
        .read_untracked()
        .get("next")
        .unwrap_or_default();
    let action = ServerAction::<Register>::new();
    view! {
        <PageMeta
            title=t_string!(i18n, account.register_title).to_string()
            description=t_string!(i18n, account.register_description).to_string()
        />
        <section class="auth-page">
            <h1>{t!(i18n, account.register_title)}</h1>
            <ActionForm action attr:class="stack">
                <Feedback value=action.value()>
                    <LangField />
                    <input type="hidden" name="next" value=next />
                    <Field
                        label=Signal::derive(move || t_string!(i18n, account.email).to_string())
                        name="form[email]"
                        kind="email"
                        autocomplete="email"
                    />
                    <Field
                        label=Signal::derive(move || t_string!(i18n, account.display_name).to_string())
                        name="form[display_name]"
                        autocomplete="nickname"
                    />
                    <Field
                        label=Signal::derive(move || t_string!(i18n, account.new_password).to_string())
                        name="form[password]"
                        kind="password"
                        autocomplete="new-password"
                        hint=Signal::derive(move || t_string!(i18n, account.password_rules).to_string())
                    />
                    <ActionError value=action.value() />
                    <button type="submit" class="primary">
                        {t!(i18n, account.register_submit)}
                    </button>
                </Feedback>
            </ActionForm>
            <p>
                <a href=move || format!("/{}/account/login", lang.get().code())>
                    {t!(i18n, account.have_account)}
                </a>
            </p>
        </section>
    }
}
