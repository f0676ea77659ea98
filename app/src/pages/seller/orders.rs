//! Parcels to fulfil: ship with carrier and tracking number, cancel with a reason, print a
//! packing slip in both languages.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{SellerNav, seller_error};
use crate::api::seller::{CancelShipment, ShipShipment, get_shipment, list_shipments};
use crate::components::{
    ActionError, Feedback, Field, LangField, PageMeta, problem_text, use_lang,
};
use crate::error::Problem;
use crate::i18n::*;
use crate::model::china_time;
use crate::model::invoice::InvoiceView;
use crate::model::order::OrderStatus;
use crate::model::seller::ShipmentRow;
use crate::pages::Loaded;
use crate::pages::buying::{invoice_kind_name, status_name};
use crate::pages::seller::upload::UploadForm;

#[component]
pub fn SellerOrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let all = move || query.read().get("all").is_some();
    // What was just shipped or cancelled is in the URL; it also makes the list reload.
    let done = move || {
        query.with(|q| {
            q.get("shipped")
                .or_else(|| q.get("cancelled"))
                .or_else(|| q.get("invoiced"))
        })
    };
    let shipments = Resource::new(
        move || (!all(), done()),
        |(to_ship, _)| list_shipments(to_ship),
    );
    let lang = use_lang();
    view! {
        <PageMeta
            title=t_string!(i18n, seller.orders).to_string()
            description=t_string!(i18n, seller.orders).to_string()
        />
        <SellerNav />
        <section class="seller-orders">
            <h1>{t!(i18n, seller.orders)}</h1>
            {move || done().map(|_| view! { <p class="notice" role="status">{t!(i18n, seller.parcel_updated)}</p> })}
            <p class="tabs">
                <a href=move || format!("/{}/seller/orders", lang.get().code()) aria-current=move || (!all()).then_some("page")>
                    {t!(i18n, seller.to_ship)}
                </a>
                " · "
                <a href=move || format!("/{}/seller/orders?all=1", lang.get().code()) aria-current=move || all().then_some("page")>
                    {t!(i18n, seller.all_parcels)}
                </a>
            </p>
            <Loaded resource=shipments fail=seller_error let:rows>
                {if rows.is_empty() {
                    view! { <p>{t!(i18n, seller.no_parcels)}</p> }.into_any()
                } else {
                    rows.into_iter().map(|shipment| view! { <ParcelCard shipment /> }).collect_view().into_any()
                }}
            </Loaded>
        </section>
    }
}

#[component]
fn ParcelCard(shipment: ShipmentRow) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let ship = ServerAction::<ShipShipment>::new();
    let cancel = ServerAction::<CancelShipment>::new();
    let id = shipment.id;
    let zh = lang.get_untracked() == crate::model::Lang::Zh;
    let lines = shipment
        .lines
        .iter()
        .map(|l| {
            let (title, option) = if zh { (&l.title_zh, &l.option_zh) } else { (&l.title_en, &l.option_en) };
            view! { <li>{l.quantity} " × " {title.clone()} {(!option.is_empty()).then(|| format!(" ({option})"))} " · " <code>{l.sku.clone()}</code></li> }
        })
        .collect_view();
    let open = matches!(shipment.status, OrderStatus::Placed | OrderStatus::Paid);
    let paid = shipment.status == OrderStatus::Paid;
    view! {
        <article class="card parcel" id=format!("parcel-{id}")>
            <header class="row between">
                <h2>{t!(i18n, seller.parcel_of, number = shipment.order_number.clone())}</h2>
                <span class="badge">{status_name(i18n, shipment.status)}</span>
            </header>
            <p class="hint">{china_time::date(shipment.placed_at)} " · " {shipment.recipient.clone()} " · " {shipment.address.clone()}</p>
            <ul>{lines}</ul>
            {shipment.tracking.clone().map(|tracking| view! {
                <p>{t!(i18n, seller.tracking)} ": " {shipment.carrier.clone().unwrap_or_default()} " " <code>{tracking}</code></p>
            })}
            <p>
                <a href=move || format!("/{}/seller/orders/{id}/slip", lang.get().code()) target="_blank">
                    {t!(i18n, seller.packing_slip)}
                </a>
            </p>
            {paid.then(|| view! {
                <ActionForm action=ship attr:class="row">
                    <Feedback value=ship.value() row=("id", id.to_string())>
                        <LangField />
                        <input type="hidden" name="id" value=id />
                        <Field
                            label=t_string!(i18n, seller.carrier).to_string()
                            name="carrier"
                            id=format!("carrier-{id}")
                            list="carriers"
                        />
                        <Field
                            label=t_string!(i18n, seller.tracking).to_string()
                            name="tracking"
                            id=format!("tracking-{id}")
                            pattern="[A-Za-z0-9\\-]{6,40}"
                        />
                        <button type="submit" class="primary">{t!(i18n, seller.mark_shipped)}</button>
                        <datalist id="carriers">
                            <option value="TCS"></option>
                            <option value="Pakistan Post EMS"></option>
                            <option value="SF Express"></option>
                            <option value="China Post EMS"></option>
                            <option value="DHL Express"></option>
                        </datalist>
                        <ActionError value=ship.value() />
                    </Feedback>
                </ActionForm>
            })}
            {shipment.invoice.clone().map(|invoice| view! {
                <InvoiceTask id invoice status=shipment.status />
            })}
            {open.then(|| view! {
                <details>
                    <summary>{t!(i18n, seller.cancel_parcel)}</summary>
                    <ActionForm action=cancel>
                        <LangField />
                        <input type="hidden" name="id" value=id />
                        <div class="field">
                            <label for=format!("reason-{id}")>{t!(i18n, seller.cancel_reason)}</label>
                            <input id=format!("reason-{id}") name="reason" required maxlength="300" />
                        </div>
                        <button type="submit">{t!(i18n, seller.cancel_parcel)}</button>
                    </ActionForm>
                    <ActionError value=cancel.value() />
                </details>
            })}
        </article>
    }
}

/// The invoice the buyer asked for: its heading and tax number, and the PDF to attach once
/// the order is paid (again, to correct it). A refused PDF comes back with its reason.
#[component]
fn InvoiceTask(id: i64, invoice: InvoiceView, status: OrderStatus) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let refusal = query.with_untracked(|q| {
        (q.get("parcel") == Some(id.to_string()))
            .then(|| q.get("invoice_error"))
            .flatten()
            .and_then(|code| Problem::ALL.iter().copied().find(|p| p.code() == code))
    });
    let request = invoice.request;
    let tax_number = request.tax_number.clone().map(|number| {
        view! { " · " {t!(i18n, seller.invoice_tax_number_is)} " " <code>{number}</code> }
    });
    let issuable = matches!(
        status,
        OrderStatus::Paid | OrderStatus::Shipped | OrderStatus::Delivered
    );
    view! {
        <div class="invoice-task">
            <p>
                <strong>{t!(i18n, seller.invoice_asked)}</strong>
                " "
                {invoice_kind_name(i18n, request.kind)}
                " · "
                {request.title.clone()}
                {tax_number}
            </p>
            {invoice.issued_at.map(|at| view! {
                <p class="notice">{t!(i18n, seller.invoice_issued_at, date = china_time::date(at))}</p>
            })}
            {refusal.map(|problem| view! { <p class="error" role="alert">{problem_text(i18n, problem)}</p> })}
            {if issuable {
                view! {
                    <UploadForm action="/uploads/invoices" class="row">
                        <input type="hidden" name="shipment" value=id />
                        <label for=format!("invoice-{id}")>{t!(i18n, seller.invoice_pdf)}</label>
                        <input id=format!("invoice-{id}") type="file" name="invoice" accept="application/pdf" required />
                        <button type="submit" class="primary">
                            {if invoice.issued_at.is_some() {
                                t_string!(i18n, seller.reissue_invoice)
                            } else {
                                t_string!(i18n, seller.issue_invoice)
                            }}
                        </button>
                    </UploadForm>
                }
                    .into_any()
            } else {
                view! { <p class="hint">{t!(i18n, seller.invoice_after_payment)}</p> }.into_any()
            }}
        </div>
    }
}

/// A slip line in both languages, whatever the page's.
macro_rules! both {
    ($key:ident) => {
        format!(
            "{} · {}",
            td_string!(Locale::en, seller.$key),
            td_string!(Locale::zh, seller.$key)
        )
    };
}

/// A printable slip in English and Chinese, for the parcel's box and the customs officer.
#[component]
pub fn PackingSlipPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(-1)
    };
    let shipment = Resource::new(id, get_shipment);
    view! {
        <PageMeta
            title=t_string!(i18n, seller.packing_slip).to_string()
            description=t_string!(i18n, seller.packing_slip).to_string()
        />
        <Loaded resource=shipment fail=seller_error let:slip>
            <Slip slip />
        </Loaded>
    }
}

/// The slip itself.
#[component]
fn Slip(slip: ShipmentRow) -> impl IntoView {
    let i18n = use_i18n();
    let lines = slip
        .lines
        .iter()
        .map(|l| view! {
            <tr>
                <td><code>{l.sku.clone()}</code></td>
                <td lang="en">{l.title_en.clone()} {(!l.option_en.is_empty()).then(|| format!(" ({})", l.option_en))}</td>
                <td lang="zh">{l.title_zh.clone()} {(!l.option_zh.is_empty()).then(|| format!("（{}）", l.option_zh))}</td>
                <td class="num">{l.quantity}</td>
            </tr>
        })
        .collect_view();
    view! {
        <section class="packing-slip">
            <h1>{both!(slip_title)}</h1>
            <p>
                {both!(slip_order)} ": " <strong>{slip.order_number.clone()}</strong> " · " {china_time::date(slip.placed_at)}
                " · " {format!("{:.2} kg", slip.weight_g as f64 / 1000.0)}
            </p>
            <p>{both!(slip_ship_to)} ": " {slip.recipient.clone()} " " {slip.mobile.clone()} <br /> {slip.address.clone()}</p>
            <table class="data">
                <thead>
                    <tr>
                        <th scope="col">"SKU"</th>
                        <th scope="col">{td_string!(Locale::en, seller.slip_item)}</th>
                        <th scope="col">{td_string!(Locale::zh, seller.slip_item)}</th>
                        <th scope="col">{both!(slip_quantity)}</th>
                    </tr>
                </thead>
                <tbody>{lines}</tbody>
            </table>
            <p class="hint">{both!(slip_notice)}</p>
            <button type="button" class="no-print" on:click=move |_| {
                let _ = window().print();
            }>{t!(i18n, seller.print)}</button>
        </section>
    }
    .into_any()
}
