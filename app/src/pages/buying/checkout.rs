use leptos::prelude::*;

use crate::api::checkout::{PlaceOrder, get_quote};
use crate::components::{
    ActionError, ControlError, Feedback, Field, LangField, PageMeta, SelectField, refused_form,
    use_control, use_lang,
};
use crate::error::{AppError, Problem};
use crate::i18n::*;
use crate::model::address::PROVINCES;
use crate::model::order::{MethodOption, Quote, ShippingMethod};
use crate::model::{Dispatch, Lang};
use crate::pages::buying::invoice::InvoiceFields;
use crate::pages::buying::{method_name, ships_from_text};
use crate::pages::{Loaded, PageError};

/// Checkout: address, then, when the order holds goods from across the border, the buyer's
/// identity for customs, the method from Pakistan and the risk notice; pay. Every amount
/// shown comes from the server, which computes it again on submission. Parcels from inside
/// China are priced for the buyer's province once it is chosen (for most of the country
/// before, and without JavaScript until the order is placed).
#[component]
pub fn CheckoutPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let quote = Resource::new(move || lang.get(), |lang| get_quote(lang, String::new()));
    view! {
        <PageMeta
            title=t_string!(i18n, shop.checkout_title).to_string()
            description=t_string!(i18n, shop.checkout_title).to_string()
        />
        <section class="checkout-page">
            <h1>{t!(i18n, shop.checkout_title)}</h1>
            <Loaded resource=quote fail=nothing_to_check_out let:quote>
                <CheckoutForm quote />
            </Loaded>
        </section>
    }
}

/// An empty cart has nothing to check out: the way back to the goods (with a 200: nothing
/// failed); any other error as every page shows it.
fn nothing_to_check_out(error: AppError) -> AnyView {
    if error != AppError::Invalid(Problem::CartEmpty) {
        return view! { <PageError error /> }.into_any();
    }
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <p>{t!(i18n, shop.cart_empty)}</p>
        <a href=move || format!("/{}/products", lang.get().code())>
            {t!(i18n, shop.continue_shopping)}
        </a>
    }
    .into_any()
}

#[component]
fn CheckoutForm(quote: Quote) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let action = ServerAction::<PlaceOrder>::new();
    // Refused without JavaScript, the form comes back with the method it was sent with.
    let first = match refused_form(action.value()) {
        Some(sent) if sent.has("form[shipping]", ShippingMethod::Land.code()) => {
            ShippingMethod::Land
        }
        _ => ShippingMethod::Air,
    };
    let method = RwSignal::new(first);
    // The quote again for the province chosen, when some parcel ships from inside China
    // (in the browser only: the server renders the first quote). A late answer for a
    // province no longer chosen is dropped.
    let province = RwSignal::new(String::new());
    let inside_china = quote
        .shipments
        .iter()
        .any(|s| s.dispatch.ships_from_china());
    let repriced = RwSignal::new(None::<Quote>);
    Effect::new(move |_| {
        let chosen = province.get();
        if !inside_china || chosen.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(quote) = get_quote(lang.get_untracked(), chosen.clone()).await
                && province.get_untracked() == chosen
            {
                repriced.try_set(Some(quote));
            }
        });
    });
    let first_quote = StoredValue::new(quote.clone());
    let current = Signal::derive(move || repriced.get().unwrap_or_else(|| first_quote.get_value()));
    let chosen =
        move || current.with(|q| q.options.iter().find(|o| o.method == method.get()).cloned());
    let choosing = !quote.options.is_empty();
    let total = move || match choosing {
        true => chosen().map(|o| o.total.to_string()),
        false => Some(current.get().total.to_string()),
    };
    let on_province = move |ev: leptos::ev::Event| province.set(event_target_value(&ev));
    // Each method names its own total; the one total that follows the choice needs the
    // script, so without it the page shows no amount that a choice would change.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let label = |text: &str| {
        Signal::derive({
            let text = text.to_owned();
            move || text.clone()
        })
    };
    let provinces: Vec<(String, String)> = PROVINCES
        .iter()
        .map(|(code, en, zh)| {
            let name = if lang.get_untracked() == Lang::En {
                en
            } else {
                zh
            };
            (code.to_string(), name.to_string())
        })
        .collect();
    view! {
        {quote.needs_email.then(|| view! { <GuestNotice /> })}
        {move || view! { <OrderSummary quote=current.get() /> }}
        <ActionForm action attr:class="stack checkout-form">
            <Feedback value=action.value()>
                <LangField />
                <input type="hidden" name="form[idempotency_key]" value=quote.attempt_key.clone() />
                {quote
                    .needs_email
                    .then(|| {
                        view! {
                            <Field
                                label=label(t_string!(i18n, shop.email_for_updates))
                                name="form[email]"
                                kind="email"
                                autocomplete="email"
                            />
                        }
                    })}
                <fieldset>
                    <legend>{t!(i18n, shop.address_heading)}</legend>
                    <Field
                        label=label(t_string!(i18n, shop.recipient))
                        name="form[address][recipient]"
                        autocomplete="name"
                    />
                    <Field
                        label=label(t_string!(i18n, shop.mobile))
                        name="form[address][mobile]"
                        kind="tel"
                        autocomplete="tel-national"
                    />
                    <div class="province" on:change=on_province>
                        <SelectField
                            label=label(t_string!(i18n, shop.province))
                            name="form[address][province]"
                            options=provinces
                            placeholder=label(t_string!(i18n, shop.choose_province))
                        />
                    </div>
                    <Field
                        label=label(t_string!(i18n, shop.city))
                        name="form[address][city]"
                        autocomplete="address-level2"
                    />
                    <Field
                        label=label(t_string!(i18n, shop.district))
                        name="form[address][district]"
                        autocomplete="address-level3"
                    />
                    <Field
                        label=label(t_string!(i18n, shop.street))
                        name="form[address][street]"
                        autocomplete="street-address"
                    />
                    <Field
                        label=label(t_string!(i18n, shop.postcode))
                        name="form[address][postcode]"
                        autocomplete="postal-code"
                    />
                </fieldset>
                {quote
                    .cross_border
                    .then(|| {
                        view! {
                            <fieldset>
                                <legend>{t!(i18n, shop.identity_heading)}</legend>
                                <p class="note">{t!(i18n, shop.identity_why)}</p>
                                <Field
                                    label=label(t_string!(i18n, shop.buyer_name))
                                    name="form[buyer_name]"
                                />
                                <Field
                                    label=label(t_string!(i18n, shop.id_number))
                                    name="form[id_number]"
                                    autocomplete="off"
                                />
                            </fieldset>
                        }
                    })}
                {quote
                    .shipments
                    .iter()
                    .any(|s| s.dispatch == Dispatch::Domestic)
                    .then(|| {
                        view! {
                            <fieldset class="invoice">
                                <legend>{t!(i18n, shop.invoice_heading)}</legend>
                                <p class="note">{t!(i18n, shop.invoice_hint)}</p>
                                <InvoiceFields within="form" />
                            </fieldset>
                        }
                    })}
                {(!quote.options.is_empty())
                    .then(|| {
                        view! {
                            <fieldset>
                                <legend>{t!(i18n, shop.shipping_heading)}</legend>
                                {move || {
                                    current
                                        .get()
                                        .options
                                        .into_iter()
                                        .map(|option| view! { <MethodChoice option method /> })
                                        .collect_view()
                                }}
                            </fieldset>
                        }
                    })}
                <p class="order-total" aria-live="polite" hidden=move || choosing && !hydrated.get()>
                    {t!(i18n, shop.order_total)}
                    " "
                    <strong>{total}</strong>
                </p>
                {quote.cross_border.then(|| view! { <RiskConsent /> })}
                <ActionError value=action.value() />
                <button type="submit" class="primary" disabled=!quote.payment_available>
                    {t!(i18n, shop.place_order)}
                </button>
            </Feedback>
        </ActionForm>
    }
}

/// The buyer's consent to the cross-border terms.
#[component]
fn RiskConsent() -> impl IntoView {
    let i18n = use_i18n();
    let control = use_control("form[accept_risk]", "field-risk");
    let invalid = control.invalid();
    let checked = control.was_chosen("form[accept_risk]", "on");
    view! {
        <ControlError control=control.clone() />
        <label class="risk">
            <input
                id="field-risk"
                type="checkbox"
                name="form[accept_risk]"
                value="on"
                required
                checked=checked
                aria-invalid=control.aria_invalid()
                aria-describedby=control.described_by(None)
                autofocus=move || invalid.try_get().unwrap_or(false)
            />
            <span>{t!(i18n, shop.risk_notice)}</span>
        </label>
    }
}

#[component]
fn MethodChoice(option: MethodOption, method: RwSignal<ShippingMethod>) -> impl IntoView {
    let i18n = use_i18n();
    let name = method_name(i18n, option.method);
    let this = option.method;
    view! {
        <label class="method">
            <input
                type="radio"
                name="form[shipping]"
                value=this.code()
                checked=this == method.get_untracked()
                on:change=move |_| method.set(this)
            />
            <span>
                {name}
                " · "
                {option.shipping.to_string()}
                " · "
                {t!(i18n, shop.days, min = option.days.0, max = option.days.1)}
                " · "
                {t!(i18n, shop.total_with_method, total = option.total.to_string())}
            </span>
        </label>
    }
}

/// The parcels, lines, goods and tax of the quote.
#[component]
fn OrderSummary(quote: Quote) -> impl IntoView {
    let i18n = use_i18n();
    let parcels = quote.shipments.len();
    // Parcels from inside China before the province is known: priced for most of the country.
    let estimated = quote.province.is_none()
        && quote
            .shipments
            .iter()
            .any(|s| s.dispatch.ships_from_china());
    let shipments = quote
        .shipments
        .into_iter()
        .map(|parcel| {
            let weight = crate::components::kilograms(i18n, parcel.weight_g);
            let from = ships_from_text(i18n, parcel.dispatch, &parcel.ships_from);
            // A parcel from Pakistan goes the way the buyer chooses below.
            let how = (parcel.dispatch != Dispatch::CrossBorder).then(|| {
                format!(
                    "{} · {} · {}",
                    method_name(i18n, parcel.method),
                    t_string!(i18n, shop.days, min = parcel.days.0, max = parcel.days.1),
                    parcel.shipping
                )
            });
            let lines = parcel
                .lines
                .into_iter()
                .map(|line| {
                    view! {
                        <li>
                            {line.title} " · " {line.option} " × " {line.quantity} " · "
                            {line.unit_price.to_string()}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="parcel" data-dispatch=parcel.dispatch.code()>
                    <h3>{parcel.shop} " · " {weight}</h3>
                    <p class="ships-from">{from}</p>
                    {how.map(|how| view! { <p class="parcel-method">{how}</p> })}
                    <ul>{lines}</ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="order-summary">
            <h2>{t!(i18n, shop.parcels_heading, count = move || parcels)}</h2>
            {shipments}
            <dl class="totals">
                <dt>{t!(i18n, shop.goods_total)}</dt>
                <dd>{quote.goods.to_string()}</dd>
                {quote
                    .cross_border
                    .then(|| {
                        view! {
                            <dt>{t!(i18n, shop.tax_total)}</dt>
                            <dd>{quote.tax.to_string()}</dd>
                        }
                    })}
            </dl>
            {estimated.then(|| view! { <p class="note">{t!(i18n, shop.shipping_estimated)}</p> })}
            {quote
                .over_order_limit
                .then(|| {
                    view! {
                        <p class="error" role="alert">
                            {t!(i18n, errors.problem.order_limit)}
                        </p>
                    }
                })}
            {(!quote.payment_available)
                .then(|| {
                    view! {
                        <p class="error" role="alert">
                            {t!(i18n, errors.problem.payment_unavailable)}
                        </p>
                    }
                })}
        </div>
    }
}

/// Guests may buy; those with an account are offered to sign in first.
#[component]
fn GuestNotice() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let href = move || {
        format!(
            "/{}/account/login?next=/{}/checkout",
            lang.get().code(),
            lang.get().code()
        )
    };
    view! {
        <p class="notice">
            {t!(i18n, shop.guest_notice)}
            " "
            <a href=href>{t!(i18n, account.login_submit)}</a>
        </p>
    }
}
