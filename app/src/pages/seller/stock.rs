use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{SellerNav, seller_error};
use crate::api::seller::{AdjustStock, list_stock};
use crate::components::{ActionError, Feedback, Field, LangField, PageMeta, use_lang};
use crate::i18n::*;
use crate::model::seller::StockRow;
use crate::pages::Loaded;

/// Stock per variant, lowest first; adjust with a reason. `?low=1` lists only what runs low.
#[component]
pub fn StockPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let low = move || query.read().get("low").is_some();
    let adjusted = move || query.with(|q| q.get("adjusted"));
    let rows = Resource::new(
        move || (lang.get(), low(), adjusted()),
        |(lang, low, _)| list_stock(lang, low),
    );
    view! {
        <PageMeta
            title=t_string!(i18n, seller.stock).to_string()
            description=t_string!(i18n, seller.stock).to_string()
        />
        <SellerNav />
        <section class="seller-stock">
            <h1>{t!(i18n, seller.stock)}</h1>
            {move || adjusted().map(|_| view! { <p class="notice" role="status">{t!(i18n, seller.stock_adjusted)}</p> })}
            <p class="tabs">
                <a href=move || format!("/{}/seller/stock", lang.get().code()) aria-current=move || (!low()).then_some("page")>
                    {t!(i18n, seller.all_stock)}
                </a>
                " · "
                <a href=move || format!("/{}/seller/stock?low=1", lang.get().code()) aria-current=move || low().then_some("page")>
                    {t!(i18n, seller.low_stock)}
                </a>
            </p>
            <Loaded resource=rows fail=seller_error let:rows>
                {if rows.is_empty() {
                    view! { <p>{t!(i18n, seller.no_stock_rows)}</p> }.into_any()
                } else {
                    view! {
                            <table class="data">
                                <thead>
                                    <tr>
                                        <th scope="col">{t!(i18n, seller.product)}</th>
                                        <th scope="col">{t!(i18n, seller.sku)}</th>
                                        <th scope="col">{t!(i18n, seller.stock)}</th>
                                        <th scope="col">{t!(i18n, seller.adjust)}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows.into_iter().map(|row| view! { <StockLine row /> }).collect_view()}</tbody>
                            </table>
                    }
                    .into_any()
                }}
            </Loaded>
        </section>
    }
}

#[component]
fn StockLine(row: StockRow) -> impl IntoView {
    let i18n = use_i18n();
    let adjust = ServerAction::<AdjustStock>::new();
    let id = row.variant_id;
    let low = row.stock <= row.low_stock;
    view! {
        <tr class:low=low>
            <td>{row.title} {(!row.label.is_empty()).then(|| format!(" · {}", row.label))}</td>
            <td><code>{row.sku}</code></td>
            <td class="num">
                {row.stock}
                {low.then(|| view! { " " <span class="badge low">{t!(i18n, seller.runs_low)}</span> })}
            </td>
            <td>
                <ActionForm action=adjust attr:class="row compact">
                    <Feedback value=adjust.value() row=("variant_id", id.to_string())>
                        <LangField />
                        <input type="hidden" name="variant_id" value=id />
                        <Field
                            label=t_string!(i18n, seller.delta).to_string()
                            label_hidden=true
                            name="delta"
                            id=format!("delta-{id}")
                            inputmode="numeric"
                            pattern="[+\\-]?[0-9]{1,7}"
                            size=6
                            placeholder="+10"
                        />
                        <Field
                            label=t_string!(i18n, seller.adjust_reason).to_string()
                            label_hidden=true
                            name="reason"
                            id=format!("reason-{id}")
                            maxlength=300
                            placeholder=t_string!(i18n, seller.adjust_reason).to_string()
                        />
                        <button type="submit">{t!(i18n, seller.adjust)}</button>
                        <ActionError value=adjust.value() />
                    </Feedback>
                </ActionForm>
            </td>
        </tr>
    }
}
