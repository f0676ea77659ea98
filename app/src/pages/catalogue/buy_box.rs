//! The product's buying panel: variant picker, CNY price with references, landed price
//! (or, for goods in stock in China, the VAT it includes), where it ships from and how
//! long it takes, facts and the shop. The picker is a GET form (works without JavaScript); once hydrated,
//! choosing a variant updates the panel in place.

use leptos::prelude::*;

use crate::api::cart::AddToCart;
use crate::components::{ActionError, LangField, use_lang};
use crate::i18n::*;
use crate::model::tax::percent;
use crate::model::{Delivery, Dispatch, LandedPrice, ProductPage, ShopCard, VariantView};
use crate::pages::catalogue::facets::{certification_name, shop_kind_name};

#[component]
pub fn BuyBox(page: ProductPage, chosen_sku: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let variants = StoredValue::new(page.variants.clone());
    let initial = chosen_sku
        .and_then(|sku| page.variants.iter().position(|v| v.sku == sku))
        .or_else(|| page.variants.iter().position(|v| v.stock > 0))
        .unwrap_or(0);
    let selected = RwSignal::new(initial);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let current = move || variants.with_value(|all| all.get(selected.get()).cloned());

    let options = page
        .variants
        .iter()
        .enumerate()
        .map(|(index, v)| {
            let label = format!("{} · {}", v.label, v.price);
            view! {
                <label class="variant">
                    <input
                        type="radio"
                        name="variant"
                        value=v.sku.clone()
                        checked=index == initial
                        on:change=move |_| selected.set(index)
                    />
                    <span>{label}</span>
                    {(v.stock <= 0)
                        .then(|| view! { <span class="badge sold-out">{t!(i18n, catalogue.sold_out)}</span> })}
                </label>
            }
        })
        .collect_view();

    let dispatch = page.delivery.dispatch;
    let price_block = move || {
        current().map(|v| {
            view! { <VariantPrice variant=v rates_set_on=page.rates_set_on.clone() dispatch /> }
        })
    };
    let certs = page
        .certifications
        .iter()
        .map(|c| view! { <li class="badge cert">{certification_name(i18n, c)}</li> })
        .collect_view();
    let product_weight = page.weight_g;
    let weight = move || {
        let grams = current().map_or(product_weight, |v| v.weight_g);
        crate::components::kilograms(i18n, grams)
    };
    let city = page.origin_city.clone();
    view! {
        <div class="buy-box">
            <h1>{page.title.clone()}</h1>
            <p class="summary">{page.summary.clone()}</p>
            <form method="get" class="variant-picker">
                <fieldset>
                    <legend>{t!(i18n, catalogue.choose_variant)}</legend>
                    {options}
                </fieldset>
                <button type="submit" hidden=move || hydrated.get()>
                    {t!(i18n, catalogue.show_variant)}
                </button>
            </form>
            {price_block}
            <DeliveryNote delivery=page.delivery.clone() />
            <AddToCartForm sku=Signal::derive(move || current().map(|v| v.sku).unwrap_or_default()) in_stock=Signal::derive(move || current().is_some_and(|v| v.stock > 0)) />
            <dl class="facts">
                <dt>{t!(i18n, catalogue.origin)}</dt>
                <dd>{city}</dd>
                <dt>{t!(i18n, catalogue.weight)}</dt>
                <dd>{weight}</dd>
                <dt>{t!(i18n, catalogue.hs_code)}</dt>
                <dd>{page.hs_code.clone()}</dd>
            </dl>
            {(!page.certifications.is_empty())
                .then(|| {
                    view! {
                        <ul class="certs" aria-label=move || t_string!(i18n, catalogue.facet_certification)>
                            {certs}
                        </ul>
                    }
                })}
            <ShopBox shop=page.shop.clone() />
        </div>
    }
    .into_any()
}

#[component]
fn VariantPrice(
    variant: VariantView,
    rates_set_on: Option<String>,
    dispatch: Dispatch,
) -> impl IntoView {
    let i18n = use_i18n();
    let reference = variant
        .reference
        .iter()
        .map(|m| format!("≈ {m}"))
        .collect::<Vec<_>>()
        .join(" · ");
    let date = rates_set_on.unwrap_or_default();
    let stock = variant.stock;
    view! {
        <div class="price-block" aria-live="polite">
            <p class="price">{variant.price.to_string()}</p>
            {(!reference.is_empty())
                .then(|| {
                    view! {
                        <p class="reference">
                            {reference}
                            " "
                            <small>{t!(i18n, catalogue.rates_of, date = date.clone())}</small>
                        </p>
                    }
                })}
            <p class="stock">
                {if stock > 0 {
                    t!(i18n, catalogue.in_stock_count, count = move || stock).into_any()
                } else {
                    t!(i18n, catalogue.sold_out).into_any()
                }}
            </p>
            {if dispatch.is_cross_border() {
                view! { <LandedTable landed=variant.landed /> }.into_any()
            } else {
                view! { <p class="note vat-included">{t!(i18n, catalogue.vat_included)}</p> }.into_any()
            }}
        </div>
    }
}

/// Where the parcel leaves from and how long it takes to arrive.
#[component]
fn DeliveryNote(delivery: Delivery) -> impl IntoView {
    let i18n = use_i18n();
    let Delivery {
        dispatch,
        ships_from: city,
        days,
        slower_days,
    } = delivery;
    let (days, slower) = (days_range(days), days_range(slower_days));
    let (place, time) = match dispatch {
        Dispatch::CrossBorder => (
            t_string!(i18n, catalogue.dispatch_cross_border, city),
            t_string!(
                i18n,
                catalogue.delivery_cross_border,
                air = days,
                land = slower
            ),
        ),
        Dispatch::Domestic => (
            t_string!(i18n, catalogue.dispatch_domestic, city),
            t_string!(i18n, catalogue.delivery_domestic, days, remote = slower),
        ),
        Dispatch::Bonded => (
            t_string!(i18n, catalogue.dispatch_bonded, city),
            t_string!(i18n, catalogue.delivery_bonded, days, remote = slower),
        ),
    };
    view! {
        <div class="delivery" data-dispatch=dispatch.code()>
            <p class="ships-from"><strong>{place.to_string()}</strong></p>
            <p>{time.to_string()}</p>
        </div>
    }
}

/// `2–4`.
fn days_range((min, max): (i64, i64)) -> String {
    if min == max {
        min.to_string()
    } else {
        format!("{min}–{max}")
    }
}

/// The landed price line by line, as customs will charge it.
#[component]
fn LandedTable(landed: LandedPrice) -> impl IntoView {
    let i18n = use_i18n();
    let statutory = percent(landed.statutory_vat_bp);
    let effective = percent(landed.effective_vat_bp);
    view! {
        <table class="landed">
            <caption>{t!(i18n, catalogue.landed_heading)}</caption>
            <tbody>
                <tr>
                    <th scope="row">{t!(i18n, catalogue.landed_goods)}</th>
                    <td>{landed.goods.to_string()}</td>
                </tr>
                <tr>
                    <th scope="row">{t!(i18n, catalogue.landed_tariff)}</th>
                    <td>{landed.tariff.to_string()}</td>
                </tr>
                <tr>
                    <th scope="row">
                        {t!(i18n, catalogue.landed_vat, effective = effective.clone(), statutory = statutory.clone())}
                    </th>
                    <td>{landed.import_vat.to_string()}</td>
                </tr>
                <tr>
                    <th scope="row">{t!(i18n, catalogue.landed_consumption)}</th>
                    <td>{landed.consumption_tax.to_string()}</td>
                </tr>
                <tr class="total">
                    <th scope="row">{t!(i18n, catalogue.landed_total)}</th>
                    <td>{landed.total.to_string()}</td>
                </tr>
            </tbody>
        </table>
        <p class="note">{t!(i18n, catalogue.landed_limits)}</p>
    }
}

#[component]
fn ShopBox(shop: ShopCard) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let href = format!("/{}/shops/{}", lang.get_untracked().code(), shop.slug);
    let kind = shop.kind.clone();
    view! {
        <aside class="shop-box">
            <p>
                <a href=href>{shop.name.clone()}</a>
                {shop.verified.then(|| view! { <span class="badge verified">{t!(i18n, catalogue.verified)}</span> })}
            </p>
            <p class="meta">
                {shop_kind_name(i18n, &kind)}
                " · "
                {shop.city.clone()}
            </p>
            <p>{shop.tagline.clone()}</p>
        </aside>
    }
}

/// Quantity and "add to cart" for the chosen variant (a POST form; works without JS).
#[component]
fn AddToCartForm(sku: Signal<String>, in_stock: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddToCart>::new();
    view! {
        <ActionForm action=add attr:class="add-to-cart">
            <LangField />
            <input type="hidden" name="sku" value=sku />
            <label>
                {t!(i18n, shop.quantity)}
                " "
                <input type="number" name="quantity" min="1" max="99" value="1" required />
            </label>
            <button type="submit" class="primary" disabled=move || !in_stock.get()>
                {t!(i18n, shop.add_to_cart)}
            </button>
        </ActionForm>
        <ActionError value=add.value() />
    }
}
