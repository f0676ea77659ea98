use leptos::prelude::*;

use super::{SellerNav, seller_error};
use crate::api::seller::get_seller_shop;
use crate::components::{PageMeta, use_lang};
use crate::error::AppError;
use crate::i18n::*;
use crate::model::seller::SellerShop;
use crate::pages::Loaded;

/// The shop at a glance: what to ship, what runs low, where to go next.
#[component]
pub fn SellerDashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    // Signed in without a shop: the way to open one.
    let shop = Resource::new(
        move || lang.get(),
        |lang| async move { get_seller_shop(lang).await?.ok_or(AppError::Forbidden) },
    );
    view! {
        <PageMeta
            title=t_string!(i18n, seller.dashboard).to_string()
            description=t_string!(i18n, seller.dashboard).to_string()
        />
        <SellerNav />
        <Loaded resource=shop fail=seller_error let:shop>
            <ShopGlance shop />
        </Loaded>
    }
}

/// The shop's name, what waits for it and where to go next.
#[component]
fn ShopGlance(shop: SellerShop) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let link = move |rest: &str| format!("/{}/seller{rest}", lang.get().code());
    let (to_ship, low) = (shop.to_ship, shop.low_stock);
    let storefront = format!("/{}/shops/{}", lang.get_untracked().code(), shop.slug);
    view! {
        <section class="seller-dashboard">
            <h1>{shop.name.clone()}</h1>
            {(!shop.verified).then(|| view! { <p class="notice">{t!(i18n, seller.not_verified)}</p> })}
            <div class="grid three">
                <a class="card stat" href=move || link("/orders")>
                    <strong>{to_ship}</strong>
                    <span>{t!(i18n, seller.to_ship_count)}</span>
                </a>
                <a class="card stat" href=move || link("/stock?low=1")>
                    <strong>{low}</strong>
                    <span>{t!(i18n, seller.low_stock_count)}</span>
                </a>
                <a class="card stat" href=move || link("/products/new")>
                    <strong>"+"</strong>
                    <span>{t!(i18n, seller.new_product)}</span>
                </a>
            </div>
            <p><a href=storefront>{t!(i18n, seller.view_storefront)}</a></p>
        </section>
    }
    .into_any()
}
