use leptos::prelude::*;

use crate::i18n::*;
use crate::model;

#[component]
pub fn ProductCard(product: model::ProductCard) -> impl IntoView {
    let i18n = use_i18n();
    let price = product.price.to_string();
    let city = product.origin_city.clone();
    let shop = product.shop_name.clone();
    view! {
        <article class="product-card">
            <img
                src=product.image_url()
                alt=product.title.clone()
                width="320"
                height="240"
                loading="lazy"
                decoding="async"
            />
            <h3>{product.title.clone()}</h3>
            <p class="summary">{product.summary.clone()}</p>
            <p class="price">
                {t!(i18n, catalog.price_from, price = move || price.clone())}
                {(!product.in_stock)
                    .then(|| view! { <span class="badge sold-out">{t!(i18n, catalog.sold_out)}</span> })}
            </p>
            <p class="meta">
                <span>{t!(i18n, catalog.from_city, city = move || city.clone())}</span>
                <span>{t!(i18n, catalog.sold_by, shop = move || shop.clone())}</span>
            </p>
        </article>
    }
}
