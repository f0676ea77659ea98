use leptos::prelude::*;

use crate::api::auth::{ChangePassword, Logout, LogoutEverywhere, current_account};
use crate::api::seller::get_my_application;
use crate::components::{ActionError, Feedback, Field, LangField, PageMeta, use_lang};
use crate::error::AppError;
use crate::i18n::*;
use crate::model::account::{AccountView, Role};
use crate::pages::Loaded;
use crate::pages::account::login::urlencoding;

/// The signed-in person's page; a guest is asked to sign in.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let account = Resource::new(
        || (),
        |_| async { current_account().await?.ok_or(AppError::SignInRequired) },
    );
    view! {
        <PageMeta
            title=t_string!(i18n, account.account_title).to_string()
            description=t_string!(i18n, account.account_title).to_string()
        />
        <Loaded resource=account let:account>
            <AccountView account />
        </Loaded>
    }
}

/// Asks a guest to sign in, coming back here afterwards.
#[component]
pub fn SignInFirst() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let location = leptos_router::hooks::use_location();
    let href = move || {
        format!(
            "/{}/account/login?next={}",
            lang.get().code(),
            urlencoding(&location.pathname.get())
        )
    };
    view! {
        <section class="auth-page">
            <h1>{t!(i18n, account.sign_in_first)}</h1>
            <p>
                <a class="button primary" href=href>
                    {t!(i18n, account.login_submit)}
                </a>
            </p>
        </section>
    }
}

/// The way to selling: a seller's dashboard, an applicant's application, or for anyone
/// else the page that explains how to open a shop.
#[component]
fn SellingLink(role: Role) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let code = move || lang.get().code();
    if role == Role::Seller {
        return view! {
            <li>
                <a href=move || format!("/{}/seller", code())>{t!(i18n, account.seller_dashboard)}</a>
            </li>
        }
        .into_any();
    }
    let application = Resource::new(move || lang.get(), get_my_application);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let applied = matches!(application.await, Ok(Some(_)));
                let (href, label) = if applied {
                    (
                        format!("/{}/sell/status", code()),
                        t_string!(i18n, account.application_status).to_string(),
                    )
                } else {
                    (format!("/{}/sell", code()), t_string!(i18n, common.sell_link).to_string())
                };
                view! {
                    <li>
                        <a href=href>{label}</a>
                    </li>
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn AccountView(account: AccountView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let code = move || lang.get().code();
    let change = ServerAction::<ChangePassword>::new();
    let logout = ServerAction::<Logout>::new();
    let everywhere = ServerAction::<LogoutEverywhere>::new();
    let changed = move || matches!(change.value().get(), Some(Ok(())));
    view! {
        <section class="account-page">
            <h1>{t!(i18n, account.account_title)}</h1>
            <p>{t!(i18n, account.signed_in_as, name = account.display_name.clone(), email = account.email.clone())}</p>
            <ul class="account-links">
                <li>
                    <a href=move || format!("/{}/orders", code())>{t!(i18n, account.my_orders)}</a>
                </li>
                <li>
                    <a href=move || format!("/{}/account/wishlist", code())>
                        {t!(i18n, account.my_wishlist)}
                    </a>
                </li>
                {(account.role == crate::model::account::Role::Admin).then(|| view! {
                    <li>
                        <a href=move || format!("/{}/admin", code())>{t!(i18n, admin.console_link)}</a>
                    </li>
                })}
                <SellingLink role=account.role />
            </ul>
            <h2>{t!(i18n, account.change_password)}</h2>
            <ActionForm action=change attr:class="stack">
                <Feedback value=change.value()>
                    <Field
                        label=Signal::derive(move || t_string!(i18n, account.current_password).to_string())
                        name="current"
                        kind="password"
                        autocomplete="current-password"
                    />
                    <Field
                        label=Signal::derive(move || t_string!(i18n, account.new_password).to_string())
                        name="new"
                        kind="password"
                        autocomplete="new-password"
                        hint=Signal::derive(move || t_string!(i18n, account.password_rules).to_string())
                    />
                    <ActionError value=change.value() />
                    <Show when=changed>
                        <p class="notice" role="status">
                            {t!(i18n, account.password_changed)}
                        </p>
                    </Show>
                    <button type="submit">{t!(i18n, account.change_password)}</button>
                </Feedback>
            </ActionForm>
            <h2>{t!(i18n, account.sessions)}</h2>
            <div class="row">
                <ActionForm action=logout>
                    <LangField />
                    <button type="submit">{t!(i18n, account.logout)}</button>
                </ActionForm>
                <ActionForm action=everywhere>
                    <LangField />
                    <button type="submit">{t!(i18n, account.logout_everywhere)}</button>
                </ActionForm>
            </div>
        </section>
    }
}
