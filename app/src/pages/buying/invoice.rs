//! Invoices (发票) as the buyer meets them: asked for at checkout or from the order page
//! for parcels from stock in China, downloaded once the shop issues them; a cross-border
//! parcel says why it has none.

use leptos::prelude::*;

use crate::api::orders::RequestInvoice;
use crate::components::{ActionError, Feedback, Field, SelectField, use_lang};
use crate::i18n::*;
use crate::model::china_time;
use crate::model::invoice::{InvoiceKind, InvoiceView};
use crate::model::order::ShipmentView;

pub fn kind_name(i18n: leptos_i18n::I18nContext<Locale>, kind: InvoiceKind) -> String {
    match kind {
        InvoiceKind::Personal => t_string!(i18n, shop.invoice_personal),
        InvoiceKind::Company => t_string!(i18n, shop.invoice_company),
    }
    .to_string()
}

/// The invoice's kind, heading and tax number. At checkout (`within` the form's `form[…]`)
/// the kind may stay empty, for no invoice; on the order page it is asked.
#[component]
pub fn InvoiceFields(
    #[prop(optional)] within: Option<&'static str>,
    /// Each parcel's form on one page has its own controls.
    #[prop(optional, into)]
    suffix: String,
    #[prop(default = None)] chosen: Option<InvoiceView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = move |key: &str| within.map_or(key.to_owned(), |w| format!("{w}[{key}]"));
    let label = |text: &str| {
        Signal::derive({
            let text = text.to_owned();
            move || text.clone()
        })
    };
    let kinds = InvoiceKind::ALL
        .into_iter()
        .map(|kind| (kind.code().to_owned(), kind_name(i18n, kind)))
        .collect::<Vec<_>>();
    let asked = chosen.as_ref().map(|c| &c.request);
    // At checkout the empty choice is "no invoice"; on the order page, a prompt to choose.
    let empty = match within {
        Some(_) => t_string!(i18n, shop.invoice_none),
        None => t_string!(i18n, shop.invoice_choose),
    };
    view! {
        <SelectField
            label=label(t_string!(i18n, shop.invoice_kind))
            name=name("invoice_kind")
            options=kinds
            chosen=asked.map(|r| r.kind.code().to_owned()).unwrap_or_default()
            placeholder=label(empty)
            required=within.is_none()
            id=format!("invoice-kind{suffix}")
        />
        <Field
            label=label(t_string!(i18n, shop.invoice_title))
            name=name("invoice_title")
            value=asked.map(|r| r.title.clone()).unwrap_or_default()
            required=within.is_none()
            maxlength=100
            id=format!("invoice-title{suffix}")
        />
        <Field
            label=label(t_string!(i18n, shop.invoice_tax_number))
            name=name("invoice_tax_number")
            value=asked.and_then(|r| r.tax_number.clone()).unwrap_or_default()
            hint=label(t_string!(i18n, shop.invoice_tax_number_hint))
            required=false
            maxlength=20
            autocomplete="off"
            id=format!("invoice-tax-number{suffix}")
        />
    }
}

/// A parcel's invoice on the order page: why a cross-border parcel has none; else the
/// request, its download once issued, and the form to ask or correct.
#[component]
pub fn ParcelInvoice(
    shipment: ShipmentView,
    number: String,
    key: String,
    action: ServerAction<RequestInvoice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    if shipment.dispatch.is_cross_border() {
        return view! { <p class="invoice note">{t!(i18n, shop.invoice_cross_border)}</p> }
            .into_any();
    }
    let id = shipment.id;
    let state = match &shipment.invoice {
        Some(invoice) if invoice.issued_at.is_some() => {
            let mut href = format!(
                "/invoices/{number}/{id}?lang={}",
                lang.get_untracked().code()
            );
            if !key.is_empty() {
                href.push_str(&format!("&key={key}"));
            }
            let issued = china_time::date(invoice.issued_at.unwrap_or_default());
            Some(view! {
                <p class="invoice issued">
                    {t!(i18n, shop.invoice_issued_on, date = issued)}
                    " · "
                    <a href=href download="" rel="external">{t!(i18n, shop.invoice_download)}</a>
                </p>
            }
            .into_any())
        }
        Some(invoice) => Some(
            view! {
                <p class="invoice requested">
                    {t!(
                        i18n,
                        shop.invoice_requested,
                        kind = kind_name(i18n, invoice.request.kind),
                        title = invoice.request.title.clone()
                    )}
                </p>
            }
            .into_any(),
        ),
        None => None,
    };
    let open_to_change = shipment.invoiceable
        && shipment
            .invoice
            .as_ref()
            .is_none_or(|invoice| invoice.issued_at.is_none());
    let form = open_to_change.then(|| {
        let summary = if shipment.invoice.is_some() {
            t_string!(i18n, shop.invoice_change)
        } else {
            t_string!(i18n, shop.invoice_request)
        };
        view! {
            <details class="invoice-form">
                <summary>{summary}</summary>
                <ActionForm action attr:class="stack">
                    <Feedback value=action.value() row=("shipment", id.to_string())>
                        <input type="hidden" name="number" value=number.clone() />
                        <input type="hidden" name="key" value=key.clone() />
                        <input type="hidden" name="shipment" value=id />
                        <p class="hint">{t!(i18n, shop.invoice_hint)}</p>
                        <InvoiceFields suffix=format!("-{id}") chosen=shipment.invoice.clone() />
                        <ActionError value=action.value() />
                        <button type="submit">{t!(i18n, shop.invoice_submit)}</button>
                    </Feedback>
                </ActionForm>
            </details>
        }
    });
    view! { {state} {form} }.into_any()
}
