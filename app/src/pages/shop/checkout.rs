use leptos::prelude::*;

use crate::api::checkout::{PlaceOrder, get_quote};
use crate::components::{
    ActionError, ControlError, ErrorMessage, Feedback, Field, LangField, PageMeta, SelectField,
    refused_form, use_control, use_lang,
};
use crate::error::{AppError, Problem};
use crate::i18n::*;
use crate::model::Lang;
use crate::model::address::PROVINCES;
use crate::model::order::{MethodOption, Quote, ShippingMethod};

/// Checkout: address, the buyer's identity for customs, shipping, the risk notice, pay.
/// Every amount shown comes from the server, which computes it again on submission.
#[component]
pub fn CheckoutPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let quote = Resource::new(move || lang.get(), get_quote);
    view! {
        <PageMeta
            title=t_string!(i18n, shop.checkout_title).to_string()
            description=t_string!(i18n, shop.checkout_title).to_string()
        />
        <section class="checkout-page">
            <h1>{t!(i18n, shop.checkout_title)}</h1>
            <Suspense fallback=move || view! { <p>{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match quote.await {
                        Ok(quote) => view! { <CheckoutForm quote /> }.into_any(),
                        Err(AppError::Invalid(Problem::CartEmpty)) => {
                            view! {
                                <p>{t!(i18n, shop.cart_empty)}</p>
                                <a href=move || format!("/{}/products", lang.get().code())>
                                    {t!(i18n, shop.continue_shopping)}
                                </a>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
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
    let options = StoredValue::new(quote.options.clone());
    let chosen =
        move || options.with_value(|all| all.iter().find(|o| o.method == method.get()).cloned());
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
        <OrderSummary quote=quote.clone() />
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
                    <SelectField
                        label=label(t_string!(i18n, shop.province))
                        name="form[address][province]"
                        options=provinces
                        placeholder=label(t_string!(i18n, shop.choose_province))
                    />
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
                <fieldset>
                    <legend>{t!(i18n, shop.identity_heading)}</legend>
                    <p class="note">{t!(i18n, shop.identity_why)}</p>
                    <Field label=label(t_string!(i18n, shop.buyer_name)) name="form[buyer_name]" />
                    <Field
                        label=label(t_string!(i18n, shop.id_number))
                        name="form[id_number]"
                        autocomplete="off"
                    />
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, shop.shipping_heading)}</legend>
                    {quote
                        .options
                        .iter()
                        .cloned()
                        .map(|option| view! { <MethodChoice option method /> })
                        .collect_view()}
                </fieldset>
                <p class="order-total" aria-live="polite" hidden=move || !hydrated.get()>
                    {t!(i18n, shop.order_total)}
                    " "
                    <strong>{move || chosen().map(|o| o.total.to_string())}</strong>
                </p>
                <RiskConsent />
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
    let name = match option.method {
        ShippingMethod::Air => t_string!(i18n, shop.method_air).to_string(),
        ShippingMethod::Land => t_string!(i18n, shop.method_land).to_string(),
    };
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
    let shipments = quote
        .shipments
        .into_iter()
        .map(|parcel| {
            let weight = crate::components::kilograms(i18n, parcel.weight_g);
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
                <div class="parcel">
                    <h3>{parcel.shop} " · " {weight}</h3>
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
                <dt>{t!(i18n, shop.tax_total)}</dt>
                <dd>{quote.tax.to_string()}</dd>
            </dl>
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
