use leptos::prelude::*;
use leptos_meta::{Html, Link};
use leptos_router::components::Outlet;
use leptos_router::hooks::use_params_map;

use crate::api::site::get_visitor;
use crate::components::{LanguageSwitch, SearchBox, use_cart_changes, use_lang, use_site};
use crate::i18n::*;
use crate::model::Lang;
use crate::pages::NotFound;

/// Everything under `/{lang}/`: the URL's language for every text below, then header,
/// page and footer. The language is fixed before anything renders (no locale change
/// during rendering, which would re-render the tree while it streams).
#[component]
pub fn LangLayout() -> impl IntoView {
    let lang = use_lang();
    view! {
        <I18nSubContextProvider initial_locale=Signal::derive(move || Locale::from(lang.get()))>
            <LangShell />
        </I18nSubContextProvider>
    }
}

#[component]
fn LangShell() -> impl IntoView {
    let params = use_params_map();
    let known = move || {
        params
            .read()
            .get("lang")
            .and_then(|code| Lang::parse(&code))
            .is_some()
    };
    let lang = use_lang();
    let i18n = use_i18n();
    let _ = use_site();
    let _ = use_cart_changes();

    view! {
        <Html {..} lang=move || lang.get().html_tag() />
        <Link rel="manifest" href=format!("/manifest.{}.webmanifest", lang.get_untracked().code()) />
        <Link rel="apple-touch-icon" href="/icons/icon-192.png" />
        <a class="skip-link" href="#main">
            {t!(i18n, common.skip_to_content)}
        </a>
        <SiteHeader />
        <main id="main">
            <Show when=known fallback=|| view! { <NotFound /> }>
                <Outlet />
            </Show>
        </main>
        <SiteFooter />
    }
}

#[component]
fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let home = move || format!("/{}/", lang.get().code());
    view! {
        <header class="site-header">
            <a class="brand" href=home>
                <img src="/favicon.svg" alt="" width="32" height="32" />
                <span>{t!(i18n, common.site_name)}</span>
            </a>
            <nav aria-label=move || t_string!(i18n, common.nav_label)>
                <a href=home>{t!(i18n, common.nav_home)}</a>
                <a href=move || format!("/{}/products", lang.get().code())>
                    {t!(i18n, common.nav_products)}
                </a>
                <a href=move || format!("/{}/shops", lang.get().code())>
                    {t!(i18n, common.nav_shops)}
                </a>
                <a href=move || format!("/{}/culture", lang.get().code())>
                    {t!(i18n, content.culture)}
                </a>
                <a href=move || format!("/{}/cuisine", lang.get().code())>
                    {t!(i18n, content.cuisine)}
                </a>
                <a href=move || format!("/{}/tourism", lang.get().code())>
                    {t!(i18n, content.tourism)}
                </a>
                <a href=move || format!("/{}/exchange", lang.get().code())>
                    {t!(i18n, content.exchange)}
                </a>
                <a href=move || format!("/{}/pavilions", lang.get().code())>
                    {t!(i18n, content.nav_pavilions)}
                </a>
            </nav>
            <LanguageSwitch />
            <VisitorLinks />
            <SearchBox />
        </header>
    }
}

#[component]
fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let site = use_site();
    let icp = move || {
        site.get()
            .and_then(Result::ok)
            .map(|s| s.icp_number)
            .filter(|n| !n.is_empty())
            .map(|number| {
                view! {
                    <p class="icp">
                        {t!(i18n, common.icp_label)} ": "
                        <a href="https://beian.miit.gov.cn/" rel="noopener">{number}</a>
                    </p>
                }
            })
    };
    view! {
        <footer class="site-footer">
            <p>{t!(i18n, common.footer_about)}</p>
            <p>
                <a href=move || format!("/{}/sell", lang.get().code())>{t!(i18n, common.sell_link)}</a>
            </p>
            <Suspense>{icp}</Suspense>
            <p class="copyright">"© " {t!(i18n, common.footer_rights)}</p>
        </footer>
    }
}

/// The account and cart links; the cart count follows every navigation.
#[component]
fn VisitorLinks() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let location = leptos_router::hooks::use_location();
    let changes = use_cart_changes();
    // `try_get`: this source may be looked at once more while an abandoned request's page is
    // torn down, when the signals it reads are already gone (leptos#4590).
    let visitor = Resource::new(
        move || (location.pathname.try_get(), changes.try_get()),
        |_| get_visitor(),
    );
    let code = move || lang.get().code();
    view! {
        <nav class="visitor" aria-label=move || t_string!(i18n, shop.visitor_nav)>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let visitor = visitor.await.unwrap_or_default();
                    let account = match visitor.name {
                        Some(name) => {
                            view! { <a href=move || format!("/{}/account", code())>{name}</a> }
                                .into_any()
                        }
                        None => {
                            view! {
                                <a href=move || format!("/{}/account/login", code())>
                                    {t!(i18n, account.login_submit)}
                                </a>
                            }
                                .into_any()
                        }
                    };
                    let count = visitor.cart_items;
                    // A seller's way to the dashboard; an applicant's to the application.
                    let selling = if visitor.seller {
                        Some(("seller", t_string!(i18n, account.seller_dashboard)))
                    } else if visitor.applicant {
                        Some(("sell/status", t_string!(i18n, account.application_status)))
                    } else {
                        None
                    }
                        .map(|(path, label)| {
                            view! { <a href=move || format!("/{}/{path}", code())>{label}</a> }
                        });
                    view! {
                        {selling}
                        {account}
                        <a href=move || format!("/{}/cart", code()) class="cart-link">
                            {t!(i18n, shop.cart_link, count = count)}
                        </a>
                    }
                })}
            </Suspense>
        </nav>
    }
}
