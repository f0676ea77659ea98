//! The seller's pages: becoming a seller (`/sell`) and the shop's dashboard (`/seller/…`).

mod analytics;
mod apply;
mod catalogue;
mod dashboard;
mod glossary;
mod orders;
mod product_editor;
mod products;
mod profile;
mod stock;
mod team;
mod upload;

pub use analytics::AnalyticsPage;
pub use apply::{ApplicationStatusPage, ApplyPage, SellPage};
pub use catalogue::CataloguePage;
pub use dashboard::SellerDashboardPage;
pub use glossary::GlossaryPage;
pub use orders::{PackingSlipPage, SellerOrdersPage};
pub use product_editor::{EditProductPage, NewProductPage};
pub use products::SellerProductsPage;
pub use profile::ProfilePage;
pub use stock::StockPage;
pub use team::{JoinPage, TeamPage};

use leptos::prelude::*;

use crate::components::use_lang;
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::PageError;

/// The dashboard's own navigation.
#[component]
fn SellerNav() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let href = move |rest: &str| format!("/{}/seller{rest}", lang.get().code());
    view! {
        <nav class="seller-nav" aria-label=move || t_string!(i18n, seller.dashboard)>
            <a href=move || href("")>{t!(i18n, seller.dashboard)}</a>
            <a href=move || href("/products")>{t!(i18n, seller.products)}</a>
            <a href=move || href("/orders")>{t!(i18n, seller.orders)}</a>
            <a href=move || href("/stock")>{t!(i18n, seller.stock)}</a>
            <a href=move || href("/analytics")>{t!(i18n, seller.analytics)}</a>
            <a href=move || href("/catalogue")>{t!(i18n, seller.catalogue)}</a>
            <a href=move || href("/glossary")>{t!(i18n, seller.glossary_title)}</a>
            <a href=move || href("/profile")>{t!(i18n, seller.profile)}</a>
            <a href=move || href("/team")>{t!(i18n, seller.team)}</a>
            <a href=move || format!("/{}/academy", lang.get().code())>{t!(i18n, seller.academy)}</a>
        </nav>
    }
}

/// What a seller page shows when its data cannot be had: the way to open a shop for a
/// person who has none, else what every page shows (`PageError`).
fn seller_error(error: AppError) -> AnyView {
    if error != AppError::Forbidden {
        return view! { <PageError error /> }.into_any();
    }
    crate::pages::answer_with_status_of(&error);
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <section class="notice-page">
            <p>{t!(i18n, seller.no_shop)}</p>
            <a class="button primary" href=move || format!("/{}/sell", lang.get().code())>
                {t!(i18n, seller.open_a_shop)}
            </a>
        </section>
    }
    .into_any()
}
