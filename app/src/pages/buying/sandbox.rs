use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use leptos::server_fn::ServerFn;

use crate::api::payments::{SandboxDecide, get_sandbox_payment};
use crate::components::PageMeta;
use crate::i18n::*;
use crate::pages::Loaded;

/// The sandbox wallet's pay page: the tester chooses whether the payment succeeds.
#[component]
pub fn SandboxPayPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let fields: BTreeMap<String, String> = query
        .read_untracked()
        .clone()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let payment = Resource::new(
        {
            let fields = fields.clone();
            move || fields.clone()
        },
        get_sandbox_payment,
    );
    let fields = StoredValue::new(fields);
    let hidden = move || {
        fields.with_value(|all| {
            all.iter()
                .map(|(k, v)| {
                    view! { <input type="hidden" name=format!("fields[{k}]") value=v.clone() /> }
                })
                .collect_view()
        })
    };
    view! {
        <PageMeta
            title=t_string!(i18n, shop.sandbox_title).to_string()
            description=t_string!(i18n, shop.sandbox_intro).to_string()
        />
        <section class="sandbox-pay">
            <h1>{t!(i18n, shop.sandbox_title)}</h1>
            <p class="note">{t!(i18n, shop.sandbox_intro)}</p>
            <Loaded resource=payment let:payment>
                {
                    let (number, amount) = payment;
                    view! {
                                <p class="amount">
                                    {t!(i18n, shop.sandbox_amount, number = number, amount = amount.to_string())}
                                </p>
                                // Plain forms: the wallet sends the browser back through
                                // `/payments/sandbox/return`, outside the app's routes.
                                <div class="row">
                                    <form method="post" action=SandboxDecide::url()>
                                        {hidden()}
                                        <input type="hidden" name="outcome" value="success" />
                                        <button type="submit" class="primary">
                                            {t!(i18n, shop.sandbox_pay)}
                                        </button>
                                    </form>
                                    <form method="post" action=SandboxDecide::url()>
                                        {hidden()}
                                        <input type="hidden" name="outcome" value="failure" />
                                        <button type="submit">{t!(i18n, shop.sandbox_fail)}</button>
                                    </form>
                                </div>
                    }
                }
            </Loaded>
        </section>
    }
}
