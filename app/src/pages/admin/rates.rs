use leptos::prelude::*;

use super::{AdminPage, loaded, param};
use crate::api::admin::{SetCommission, SetExchangeRate, get_rates};
use crate::components::{ActionError, Feedback, Field, LangField, SelectField};
use crate::i18n::*;
use crate::model::admin::{DatedRate, RatesView, percent_text, rate_text};

/// Exchange rates and the commission, with their dated history. A change applies to new
/// orders; placed orders keep the rates of their day.
#[component]
pub fn AdminRatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let done = param("done");
    let rates = Resource::new(done, |_| get_rates());
    let exchange = ServerAction::<SetExchangeRate>::new();
    let commission = ServerAction::<SetCommission>::new();
    view! {
        <AdminPage title=|i18n| t_string!(i18n, admin.rates).to_string()>
            <p>{t!(i18n, admin.rates_lead)}</p>
            <div class="grid two">
                <ActionForm action=exchange attr:class="card stack">
                    <Feedback value=exchange.value()>
                        <h2>{t!(i18n, admin.exchange_rate)}</h2>
                        <LangField />
                        <SelectField
                            label=t_string!(i18n, admin.currency).to_string()
                            name="currency"
                            options=vec![("PKR".into(), "PKR".into()), ("USD".into(), "USD".into())]
                        />
                        <Field
                            label=t_string!(i18n, admin.per_cny).to_string()
                            name="rate"
                            inputmode="decimal"
                            maxlength=14
                            placeholder="39.8125"
                        />
                        <button type="submit" class="primary">{t!(i18n, admin.set_rate)}</button>
                        <ActionError value=exchange.value() />
                    </Feedback>
                </ActionForm>
                <ActionForm action=commission attr:class="card stack">
                    <Feedback value=commission.value()>
                        <h2>{t!(i18n, admin.commission)}</h2>
                        <LangField />
                        <Field
                            label=t_string!(i18n, admin.percent).to_string()
                            name="percent"
                            inputmode="decimal"
                            maxlength=6
                            placeholder="8"
                        />
                        <Field
                            label=t_string!(i18n, admin.applies_from).to_string()
                            name="from"
                            kind="date"
                            required=false
                        />
                        <button type="submit" class="primary">{t!(i18n, admin.set_rate)}</button>
                        <ActionError value=commission.value() />
                    </Feedback>
                </ActionForm>
            </div>
            {loaded(rates, move |rates: RatesView| view! {
                <h2>{t!(i18n, admin.history)}</h2>
                <div class="grid two">
                    <History rows=rates.exchange value=|r| format!("{} {}", rate_text(r.value), r.currency) />
                    <History rows=rates.commission value=|r| percent_text(r.value) />
                </div>
            })}
        </AdminPage>
    }
}

#[component]
fn History(rows: Vec<DatedRate>, value: fn(&DatedRate) -> String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="data">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, admin.applies_from)}</th>
                    <th scope="col">{t!(i18n, admin.value)}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .iter()
                    .map(|r| view! { <tr><td>{r.set_on.clone()}</td><td>{value(r)}</td></tr> })
                    .collect_view()}
            </tbody>
        </table>
    }
}
