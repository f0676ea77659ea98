use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::orders::list_orders;
use crate::components::{PageMeta, use_lang};
use crate::i18n::*;
use crate::model::china_time;
use crate::model::order::OrderSummary;
use crate::pages::Loaded;
use crate::pages::buying::status_name;

/// The visitor's orders: an account's, or a guest's from this browser.
#[component]
pub fn OrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    let orders = Resource::new(|| (), |_| list_orders());
    let invalid_payment = use_query_map().read_untracked().get("payment").is_some();
    view! {
        <PageMeta
            title=t_string!(i18n, shop.orders_title).to_string()
            description=t_string!(i18n, shop.orders_title).to_string()
        />
        <section class="orders-page">
            <h1>{t!(i18n, shop.orders_title)}</h1>
            {invalid_payment
                .then(|| view! { <p class="error" role="alert">{t!(i18n, shop.payment_invalid)}</p> })}
            <Loaded resource=orders let:orders>
                {if orders.is_empty() {
                    view! { <p>{t!(i18n, shop.no_orders)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="order-list">
                            {orders.into_iter().map(|order| view! { <OrderRow order /> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </Loaded>
        </section>
    }
}

#[component]
fn OrderRow(order: OrderSummary) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let href = format!("/{}/orders/{}", lang.get_untracked().code(), order.number);
    view! {
        <li class="order-row">
            <a href=href>{order.number.clone()}</a>
            <span>{china_time::minute(order.placed_at)}</span>
            <span class=format!("status {}", order.status.code())>
                {status_name(i18n, order.status)}
            </span>
            <span>
                {
                    let (items, parcels) = (order.item_count, order.shipment_count);
                    t!(
                        i18n,
                        shop.items_in_parcels,
                        items = move || t!(i18n, shop.item_count, count = move || items),
                        parcels = move || t!(i18n, shop.parcel_count, count = move || parcels)
                    )
                }
            </span>
            <strong>{order.total.to_string()}</strong>
        </li>
    }
}
