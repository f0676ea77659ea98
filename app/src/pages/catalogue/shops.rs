use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{get_shop, list_shops};
use crate::components::{PageMeta, ProductCard, use_lang};
use crate::i18n::*;
use crate::model::{ShopCard, ShopPage as Page};
use crate::pages::Loaded;
use crate::pages::catalogue::facets::shop_kind_name;

/// `/{lang}/shops`: every shop, exporters in Pakistan and importers in China.
#[component]
pub fn ShopsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let shops = Resource::new(move || lang.get(), list_shops);
    view! {
        <PageMeta
            title=format!("{} | {}", t_string!(i18n, catalogue.shops_heading), t_string!(i18n, common.site_name))
            description=t_string!(i18n, catalogue.shops_intro).to_string()
        />
        <h1>{t!(i18n, catalogue.shops_heading)}</h1>
        <p class="intro">{t!(i18n, catalogue.shops_intro)}</p>
        <Loaded resource=shops let:shops>
            <ul class="shop-list">
                {shops.into_iter().map(|shop| view! { <li><ShopSummary shop /></li> }).collect_view()}
            </ul>
        </Loaded>
    }
}

#[component]
fn ShopSummary(shop: ShopCard) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let href = format!("/{}/shops/{}", lang.get_untracked().code(), shop.slug);
    let count = shop.product_count;
    let kind = shop.kind.clone();
    view! {
        <article class="shop-card">
            <h2>
                <a href=href>{shop.name.clone()}</a>
            </h2>
            <p class="meta">
                {shop_kind_name(i18n, &kind)}
                " · "
                {shop.city.clone()}
                {shop.verified.then(|| view! { " " <span class="badge verified">{t!(i18n, catalogue.verified)}</span> })}
            </p>
            <p>{shop.tagline.clone()}</p>
            <p class="count">{t!(i18n, catalogue.category_products, count = move || count)}</p>
        </article>
    }
}

/// `/{lang}/shops/{slug}`: a shop's story and its goods.
#[component]
pub fn ShopPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let page = Resource::new(
        move || (lang.get(), params.read().get("slug").unwrap_or_default()),
        |(lang, slug)| get_shop(lang, slug),
    );
    view! {
        <Loaded resource=page let:page>
            <ShopView page />
        </Loaded>
    }
}

#[component]
fn ShopView(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let title = format!("{} | {}", page.shop.name, t_string!(i18n, common.site_name));
    let products = page
        .products
        .into_iter()
        .map(|product| view! { <ProductCard product /> })
        .collect_view();
    view! {
        <PageMeta title description=page.shop.tagline.clone() />
        {page.banner.map(|src| view! { <img class="shop-banner" src=src alt="" width="1200" height="400" /> })}
        <div class="row shop-title">
            {page.logo.map(|src| view! { <img class="shop-logo" src=src alt="" width="96" height="96" /> })}
            <div>
                <ShopSummaryHeading shop=page.shop.clone() />
            </div>
        </div>
        <p class="story">{page.story}</p>
        {(!page.policies.is_empty()).then(|| view! {
            <h2>{t!(i18n, catalogue.shop_policies)}</h2>
            <p class="policies">{page.policies.clone()}</p>
        })}
        <h2>{t!(i18n, catalogue.shop_goods)}</h2>
        <div class="product-grid">{products}</div>
    }
    .into_any()
}

#[component]
fn ShopSummaryHeading(shop: ShopCard) -> impl IntoView {
    let i18n = use_i18n();
    let kind = shop.kind.clone();
    let founded = shop.founded;
    view! {
        <h1>{shop.name.clone()}</h1>
        <p class="meta">
            {shop_kind_name(i18n, &kind)}
            " · "
            {shop.city.clone()}
            {founded.map(|year| view! { " · " {t!(i18n, catalogue.founded, year = move || year)} })}
            {shop.verified.then(|| view! { " " <span class="badge verified">{t!(i18n, catalogue.verified)}</span> })}
        </p>
        <p class="tagline">{shop.tagline.clone()}</p>
    }
}
