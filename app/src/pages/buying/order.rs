use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::orders::{CancelOrder, ConfirmDelivery, PayOrder, RequestInvoice, get_order};
use crate::api::reviews::PostReview;
use crate::components::{
    ActionError, Feedback, LangField, PageMeta, SelectField, TextArea, refused_form, use_lang,
};
use crate::i18n::*;
use crate::model::china_time;
use crate::model::order::{OrderLineView, OrderStatus, OrderView, ShipmentView};
use crate::pages::Loaded;
use crate::pages::buying::invoice::ParcelInvoice;
use crate::pages::buying::timeline::Timeline;
use crate::pages::buying::{method_name, ships_from_text, status_name};

/// One order: its parcels, lines, amounts, address and timeline, and what can be done now.
#[component]
pub fn OrderPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let key = use_query_map().read_untracked().get("key");
    let cancel = ServerAction::<CancelOrder>::new();
    let confirm = ServerAction::<ConfirmDelivery>::new();
    let review = ServerAction::<PostReview>::new();
    let invoice = ServerAction::<RequestInvoice>::new();
    let order = Resource::new(
        {
            let key = key.clone();
            move || {
                (
                    lang.get(),
                    params.read().get("number").unwrap_or_default(),
                    key.clone(),
                    cancel.version().get()
                        + confirm.version().get()
                        + review.version().get()
                        + invoice.version().get(),
                )
            }
        },
        |(lang, number, key, _)| get_order(lang, number, key),
    );
    let actions = OrderActions {
        key: key.unwrap_or_default(),
        cancel,
        confirm,
        review,
        invoice,
    };
    view! {
        <Loaded resource=order let:order>
            <OrderDetail order actions=actions.clone() />
        </Loaded>
    }
}

#[derive(Clone)]
struct OrderActions {
    key: String,
    cancel: ServerAction<CancelOrder>,
    confirm: ServerAction<ConfirmDelivery>,
    review: ServerAction<PostReview>,
    invoice: ServerAction<RequestInvoice>,
}

#[component]
fn OrderDetail(order: OrderView, actions: OrderActions) -> impl IntoView {
    let i18n = use_i18n();
    let pay = ServerAction::<PayOrder>::new();
    let title = t_string!(i18n, shop.order_title, number = order.number.clone()).to_string();
    // Customs, and the import tax, concern only an order with cross-border parcels.
    let cross_border = order.shipments.iter().any(|s| s.dispatch.is_cross_border());
    let number = order.number.clone();
    let key = actions.key.clone();
    let (pay_number, pay_key) = (number.clone(), key.clone());
    let shipments = order
        .shipments
        .iter()
        .cloned()
        .map(|shipment| {
            view! { <Parcel shipment number=number.clone() actions=actions.clone() /> }
        })
        .collect_view();
    view! {
        <PageMeta title=title.clone() description=title.clone() />
        <section class="order-page">
            <h1>{title}</h1>
            <p class=format!("status {}", order.status.code())>
                {status_name(i18n, order.status)}
                " · "
                {t!(i18n, shop.placed_on, time = china_time::minute(order.placed_at))}
            </p>
            {order
                .payable
                .then(|| {
                    view! {
                        <div class="pay-now">
                            <p>{t!(i18n, shop.pay_before, time = china_time::minute(order.expires_at))}</p>
                            <ActionForm action=pay>
                                <LangField />
                                <input type="hidden" name="number" value=pay_number />
                                <input type="hidden" name="key" value=pay_key />
                                <button type="submit" class="primary">
                                    {t!(i18n, shop.pay_now)}
                                </button>
                            </ActionForm>
                            <ActionError value=pay.value() />
                        </div>
                    }
                })}
            {shipments}
            <dl class="totals">
                <dt>{t!(i18n, shop.goods_total)}</dt>
                <dd>{order.goods.to_string()}</dd>
                <dt>{t!(i18n, shop.shipping_total)}</dt>
                <dd>{order.shipping.to_string()}</dd>
                {cross_border
                    .then(|| {
                        view! {
                            <dt>{t!(i18n, shop.tax_total)}</dt>
                            <dd>{order.tax.to_string()}</dd>
                        }
                    })}
                <dt>{t!(i18n, shop.order_total)}</dt>
                <dd>
                    <strong>{order.total.to_string()}</strong>
                </dd>
            </dl>
            <h2>{t!(i18n, shop.delivery_heading)}</h2>
            <p>
                {order.recipient.clone()} " · " {order.mobile_masked.clone()} <br />
                {order.address_line.clone()}
            </p>
            {cross_border
                .then(|| {
                    view! {
                        <p>
                            {t!(i18n, shop.buyer_identity, name = order.buyer_name.clone(), id = order.id_number_masked.clone())}
                        </p>
                    }
                })}
            <h2>{t!(i18n, shop.timeline_heading)}</h2>
            <Timeline entries=order.timeline.clone() />
            {order
                .cancellable
                .then(|| {
                    view! {
                        <ActionForm action=actions.cancel>
                            <input type="hidden" name="number" value=order.number.clone() />
                            <input type="hidden" name="key" value=key.clone() />
                            <button type="submit">{t!(i18n, shop.cancel_order)}</button>
                        </ActionForm>
                        <ActionError value=actions.cancel.value() />
                    }
                })}
        </section>
    }
}

#[component]
fn Parcel(shipment: ShipmentView, number: String, actions: OrderActions) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let shop_href = format!(
        "/{}/shops/{}",
        lang.get_untracked().code(),
        shipment.shop_slug
    );
    let tracking = shipment.tracking.clone().map(|tracking| {
        let carrier = shipment.carrier.clone().unwrap_or_default();
        view! { <p>{t!(i18n, shop.tracking, carrier = carrier, number = tracking)}</p> }
    });
    let invoice = view! {
        <ParcelInvoice
            shipment=shipment.clone()
            number=number.clone()
            key=actions.key.clone()
            action=actions.invoice
        />
    };
    let confirm = (shipment.status == OrderStatus::Shipped).then(|| {
        view! {
            <ActionForm action=actions.confirm>
                <input type="hidden" name="number" value=number.clone() />
                <input type="hidden" name="key" value=actions.key.clone() />
                <input type="hidden" name="shipment" value=shipment.id />
                <button type="submit">{t!(i18n, shop.confirm_delivery)}</button>
            </ActionForm>
            <ActionError value=actions.confirm.value() />
        }
    });
    let lines = shipment
        .lines
        .iter()
        .cloned()
        .map(|line| view! { <ParcelLine line review=actions.review /> })
        .collect_view();
    view! {
        <article class="parcel">
            <h2>
                <a href=shop_href>{shipment.shop.clone()}</a>
                " · "
                <span class=format!("status {}", shipment.status.code())>
                    {status_name(i18n, shipment.status)}
                </span>
            </h2>
            <p class="ships-from" data-dispatch=shipment.dispatch.code()>
                {ships_from_text(i18n, shipment.dispatch, &shipment.ships_from)}
                " · "
                {method_name(i18n, shipment.method)}
                {(shipment.days.1 > 0)
                    .then(|| {
                        format!(
                            " · {}",
                            t_string!(i18n, shop.days, min = shipment.days.0, max = shipment.days.1),
                        )
                    })}
            </p>
            {tracking}
            <ul>{lines}</ul>
            <p class="meta">{t!(i18n, shop.parcel_shipping, amount = shipment.shipping.to_string())}</p>
            {invoice}
            {confirm}
        </article>
    }
}

#[component]
fn ParcelLine(line: OrderLineView, review: ServerAction<PostReview>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let href = format!(
        "/{}/products/{}",
        lang.get_untracked().code(),
        line.product_slug
    );
    let form = line.reviewable.then(|| {
        let stars: Vec<(String, String)> = (1..=5)
            .rev()
            .map(|n| (n.to_string(), "★".repeat(n)))
            .collect();
        let slug = line.product_slug.clone();
        // Refused without JavaScript, the form that was sent comes back open.
        let open = refused_form(review.value()).is_some_and(|d| d.get("slug") == Some(&slug));
        view! {
            <details class="review-form" open=open>
                <summary>{t!(i18n, shop.write_review)}</summary>
                <ActionForm action=review attr:class="stack">
                    <Feedback value=review.value() row=("slug", slug.clone())>
                        <LangField />
                        <input type="hidden" name="slug" value=slug.clone() />
                        <SelectField
                            label=t_string!(i18n, shop.rating).to_string()
                            name="rating"
                            options=stars
                            chosen="5"
                            id=format!("rating-{slug}")
                        />
                        <TextArea
                            label=t_string!(i18n, shop.review_text).to_string()
                            name="body"
                            maxlength=2000
                            id=format!("review-{slug}")
                        />
                        <ActionError value=review.value() />
                        <button type="submit">{t!(i18n, shop.post_review)}</button>
                    </Feedback>
                </ActionForm>
            </details>
        }
    });
    view! {
        <li>
            <a href=href>{line.title.clone()}</a>
            " · "
            {line.option.clone()}
            " × "
            {line.quantity}
            " · "
            {line.unit_price.to_string()}
            {form}
        </li>
    }
}
