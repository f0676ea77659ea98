use leptos::prelude::*;

use crate::components::{Marked, Picture, use_lang};
use crate::i18n::*;
use crate::model;

#[component]
pub fn ProductCard(product: model::ProductCard) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let price = product.price.to_string();
    let city = product.origin_city.clone();
    let shop = product.shop_name.clone();
    let href = format!("/{}/products/{}", lang.get_untracked().code(), product.slug);
    let marks = if product.title_marks.is_empty() {
        vec![(product.title.clone(), false)]
    } else {
        product.title_marks.clone()
    };
    view! {
        <article class="product-card">
            <Picture
                slug=product.slug.clone()
                index=0
                alt=product.title.clone()
                sizes="(min-width: 720px) 240px, 50vw"
            />
            <h3>
                <a href=href>
                    <Marked segments=marks />
                </a>
            </h3>
            <p class="summary">{product.summary.clone()}</p>
            <p class="price">
                {t!(i18n, catalogue.price_from, price = move || price.clone())}
                {(!product.in_stock)
                    .then(|| {
                        view! { <span class="badge sold-out">{t!(i18n, catalogue.sold_out)}</span> }
                    })}
                {match product.dispatch {
                    model::Dispatch::Domestic => Some(view! {
                        <span class="badge in-china">{t!(i18n, catalogue.badge_domestic)}</span>
                    }.into_any()),
                    model::Dispatch::Bonded => Some(view! {
                        <span class="badge in-china">{t!(i18n, catalogue.badge_bonded)}</span>
                    }.into_any()),
                    model::Dispatch::CrossBorder => None,
                }}
            </p>
            <p class="meta">
                <span>{t!(i18n, catalogue.from_city, city = move || city.clone())}</span>
                <span>{t!(i18n, catalogue.sold_by, shop = move || shop.clone())}</span>
            </p>
        </article>
    }
    .into_any()
}
