use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::auth::{RequestPasswordReset, ResetPassword};
use crate::components::{ActionError, Feedback, Field, LangField, PageMeta};
use crate::i18n::*;

/// "Forgot your password?": asks for the email and sends a one-time link.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RequestPasswordReset>::new();
    let sent = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <PageMeta
            title=t_string!(i18n, account.forgot_title).to_string()
            description=t_string!(i18n, account.forgot_intro).to_string()
        />
        <section class="auth-page">
            <h1>{t!(i18n, account.forgot_title)}</h1>
            <p>{t!(i18n, account.forgot_intro)}</p>
            <Show
                when=sent
                fallback=move || {
                    view! {
                        <ActionForm action attr:class="stack">
                            <Feedback value=action.value()>
                                <Field
                                    label=Signal::derive(move || {
                                        t_string!(i18n, account.email).to_string()
                                    })
                                    name="email"
                                    kind="email"
                                    autocomplete="email"
                                />
                                <ActionError value=action.value() />
                                <button type="submit" class="primary">
                                    {t!(i18n, account.forgot_submit)}
                                </button>
                            </Feedback>
                        </ActionForm>
                    }
                }
            >
                <p class="notice" role="status">
                    {t!(i18n, account.forgot_sent)}
                </p>
            </Show>
        </section>
    }
}

/// The page a reset link opens: choose a new password.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_query_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let action = ServerAction::<ResetPassword>::new();
    view! {
        <PageMeta
            title=t_string!(i18n, account.reset_title).to_string()
            description=t_string!(i18n, account.reset_title).to_string()
        />
        <section class="auth-page">
            <h1>{t!(i18n, account.reset_title)}</h1>
            <ActionForm action attr:class="stack">
                <Feedback value=action.value()>
                    <LangField />
                    <input type="hidden" name="token" value=token />
                    <Field
                        label=Signal::derive(move || t_string!(i18n, account.new_password).to_string())
                        name="password"
                        kind="password"
                        autocomplete="new-password"
                        hint=Signal::derive(move || t_string!(i18n, account.password_rules).to_string())
                    />
                    <ActionError value=action.value() />
                    <button type="submit" class="primary">
                        {t!(i18n, account.reset_submit)}
                    </button>
                </Feedback>
            </ActionForm>
        </section>
    }
}
