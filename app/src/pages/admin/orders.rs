use leptos::prelude::*;

use super::{AdminPage, loaded, param};
use crate::api::admin::{RefundOrder, search_orders};
use crate::components::{ActionError, Feedback, Field, LangField};
use crate::i18n::*;
use crate::model::Money;
use crate::model::admin::AdminOrder;
use crate::model::order::OrderStatus;
use crate::pages::buying::status_name;

/// Orders across every shop, by number, email and status; refund what was paid.
#[component]
pub fn AdminOrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    let q = param("q");
    let status = param("status");
    let done = param("done");
    let list = Resource::new(
        move || (q(), status(), done()),
        |(q, status, _)| search_orders(q, status),
    );
    view! {
        <AdminPage title=|i18n| t_string!(i18n, admin.orders).to_string()>
            <form method="get" class="row compact" role="search">
                <input
                    type="search"
                    name="q"
                    value=q
                    maxlength="100"
                    aria-label=move || t_string!(i18n, admin.order_search)
                    placeholder=move || t_string!(i18n, admin.order_search)
                />
                <select name="status" aria-label=move || t_string!(i18n, admin.status)>
                    <option value="">{t!(i18n, admin.any_status)}</option>
                    {OrderStatus::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.code() selected=move || status() == s.code()>{status_name(i18n, s)}</option> })
                        .collect_view()}
                </select>
                <button type="submit">{t!(i18n, admin.search)}</button>
            </form>
            {loaded(list, move |orders: Vec<AdminOrder>| {
                if orders.is_empty() {
                    return view! { <p>{t!(i18n, admin.nothing_here)}</p> }.into_any();
                }
                view! {
                    <table class="data">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, admin.order)}</th>
                                <th scope="col">{t!(i18n, admin.status)}</th>
                                <th scope="col">{t!(i18n, admin.total)}</th>
                                <th scope="col">{t!(i18n, admin.decision)}</th>
                            </tr>
                        </thead>
                        <tbody>{orders.into_iter().map(|order| view! { <OrderRow order /> }).collect_view()}</tbody>
                    </table>
                }
                .into_any()
            })}
        </AdminPage>
    }
}

#[component]
fn OrderRow(order: AdminOrder) -> impl IntoView {
    let i18n = use_i18n();
    let refund = ServerAction::<RefundOrder>::new();
    let refundable = order.refundable();
    let number = order.number.clone();
    view! {
        <tr data-order=order.number.clone()>
            <td>
                <strong>{order.number.clone()}</strong>
                <br />
                <small>{order.email.clone()} " · " {crate::model::china_time::minute(order.placed_at)}</small>
            </td>
            <td>
                {status_name(i18n, order.status)}
                {order.refund_due.then(|| view! { " · " <span class="badge low">{t!(i18n, admin.refund_due)}</span> })}
            </td>
            <td class="num">
                {Money::cny(order.total_fen).to_string()}
                {order.refunded_fen.map(|fen| view! { <br /> <small>{t!(i18n, admin.refunded)} " " {Money::cny(fen).to_string()}</small> })}
            </td>
            <td>
                {refundable.then(|| view! {
                    <ActionForm action=refund attr:class="row compact">
                        <Feedback value=refund.value() row=("number", number.clone())>
                            <LangField />
                            <input type="hidden" name="number" value=number.clone() />
                            <Field
                                label=t_string!(i18n, admin.refund_reason).to_string()
                                label_hidden=true
                                name="reason"
                                id=format!("refund-{number}")
                                maxlength=300
                                placeholder=t_string!(i18n, admin.refund_reason).to_string()
                            />
                            <button type="submit" class="danger">{t!(i18n, admin.refund)}</button>
                            <ActionError value=refund.value() />
                        </Feedback>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}
