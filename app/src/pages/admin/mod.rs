//! The operator's console (`/{lang}/admin/…`), for admins only: every page's data comes
//! from a server function that checks the role, so another role sees "no access".

mod applications;
mod articles;
mod audit;
mod dashboard;
mod listings;
mod orders;
mod rates;
mod reviews;
mod users;

pub use applications::AdminApplicationsPage;
pub use articles::AdminArticlesPage;
pub use audit::AdminAuditPage;
pub use dashboard::AdminDashboardPage;
pub use listings::AdminListingsPage;
pub use orders::AdminOrdersPage;
pub use rates::AdminRatesPage;
pub use reviews::AdminReviewsPage;
pub use users::AdminUsersPage;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::{PageMeta, use_lang};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::{Loaded, PageError};
use leptos_i18n::I18nContext;

/// The console's own navigation.
#[component]
fn AdminNav() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let href = move |rest: &str| format!("/{}/admin{rest}", lang.get().code());
    view! {
        <nav class="seller-nav" aria-label=move || t_string!(i18n, admin.console)>
            <a href=move || href("")>{t!(i18n, admin.dashboard)}</a>
            <a href=move || href("/applications")>{t!(i18n, admin.applications)}</a>
            <a href=move || href("/listings")>{t!(i18n, admin.listings)}</a>
            <a href=move || href("/orders")>{t!(i18n, admin.orders)}</a>
            <a href=move || href("/users")>{t!(i18n, admin.users)}</a>
            <a href=move || href("/rates")>{t!(i18n, admin.rates)}</a>
            <a href=move || href("/reviews")>{t!(i18n, admin.reviews)}</a>
            <a href=move || href("/articles")>{t!(i18n, admin.articles)}</a>
            <a href=move || href("/audit")>{t!(i18n, admin.audit)}</a>
        </nav>
    }
}

/// A console page: its title, the navigation, the notice after a change, and its body.
#[component]
fn AdminPage(title: fn(I18nContext<Locale>) -> String, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let done = move || query.with(|q| q.get("done").is_some());
    view! {
        <PageMeta title=title(i18n) description=title(i18n) />
        <AdminNav />
        <section class="admin-page">
            <h1>{title(i18n)}</h1>
            {move || done().then(|| view! { <p class="notice" role="status">{t!(i18n, admin.done)}</p> })}
            {children()}
        </section>
    }
}

/// Shows `data` once loaded through `show`, or why it cannot be shown (`admin_error`).
fn loaded<T, V>(
    data: Resource<Result<T, AppError>>,
    show: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! { <Loaded resource=data fail=admin_error children=show /> }
}

/// What a console page shows instead of its data: no access for a signed-in person who is
/// not an operator, else what every page shows (`PageError`).
fn admin_error(error: AppError) -> AnyView {
    if error != AppError::Forbidden {
        return view! { <PageError error /> }.into_any();
    }
    crate::pages::answer_with_status_of(&error);
    let i18n = use_i18n();
    view! {
        <section class="notice-page">
            <p>{t!(i18n, admin.no_access)}</p>
        </section>
    }
    .into_any()
}

/// A query parameter of the page, or "".
fn param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.with(|q| q.get(name).unwrap_or_default())
}

/// A search box that submits by GET, keeping the page's other filters as hidden fields.
#[component]
fn SearchForm(
    #[prop(into)] value: String,
    #[prop(optional)] keep: Vec<(&'static str, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" class="row compact" role="search">
            {keep
                .into_iter()
                .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
                .collect_view()}
            <input
                type="search"
                name="q"
                value=value
                maxlength="100"
                aria-label=move || t_string!(i18n, admin.search)
                placeholder=move || t_string!(i18n, admin.search)
            />
            <button type="submit">{t!(i18n, admin.search)}</button>
        </form>
    }
}

/// Links to the states of a list (`?{param}=value`), the current one marked; the first is
/// the default when the parameter is absent.
#[component]
fn StateTabs(
    page: &'static str,
    param: &'static str,
    choices: Vec<(&'static str, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let current = self::param(param);
    let default = choices.first().map(|(value, _)| *value).unwrap_or_default();
    let links = choices.into_iter().enumerate().map(move |(n, (value, label))| {
        let marked = move || {
            let now = current();
            (now == value || (value == default && now.is_empty())).then_some("page")
        };
        view! {
            {(n > 0).then_some(" · ")}
            <a href=move || format!("/{}/admin/{page}?{param}={value}", lang.get().code()) aria-current=marked>
                {label}
            </a>
        }
    });
    view! { <p class="tabs">{links.collect_view()}</p> }
}
