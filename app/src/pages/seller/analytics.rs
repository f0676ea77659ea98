use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{SellerNav, seller_error};
use crate::api::seller::get_sales;
use crate::components::{PageMeta, use_lang};
use crate::i18n::*;
use crate::model::seller::SalesReport;
use crate::model::{Currency, Money};
use crate::pages::Loaded;

/// Sales by day over 7, 30 or 90 days (China time), top products, views and conversion.
#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let days = move || {
        query
            .read()
            .get("days")
            .and_then(|d| d.parse::<i64>().ok())
            .unwrap_or(30)
    };
    let report = Resource::new(
        move || (lang.get(), days()),
        |(lang, days)| get_sales(lang, days),
    );
    let period = move |n: i64| {
        view! {
            <a href=move || format!("/{}/seller/analytics?days={n}", lang.get().code()) aria-current=move || (days() == n).then_some("page")>
                {t!(i18n, seller.last_days, count = move || n)}
            </a>
        }
    };
    view! {
        <PageMeta
            title=t_string!(i18n, seller.analytics).to_string()
            description=t_string!(i18n, seller.analytics).to_string()
        />
        <SellerNav />
        <section class="seller-analytics">
            <h1>{t!(i18n, seller.analytics)}</h1>
            <p class="tabs">{period(7)} " · " {period(30)} " · " {period(90)}</p>
            <Loaded resource=report fail=seller_error let:report>
                <SalesFigures report />
            </Loaded>
        </section>
    }
}

/// The period's chart, figures and best sellers.
#[component]
fn SalesFigures(report: SalesReport) -> impl IntoView {
    let i18n = use_i18n();
    let pkr = report.net_pkr_minor.map(|minor| {
        format!(
            " ≈ {}",
            Money {
                minor,
                currency: Currency::Pkr
            }
        )
    });
    let in_rupees = pkr.is_some();
    let rate = format!("{:.2}%", report.commission_basis_points as f64 / 100.0);
    let conversion = format!("{:.1}%", report.conversion_per_mille as f64 / 10.0);
    let top = report
        .top
        .into_iter()
        .map(|p| view! { <tr><td>{p.title}</td><td class="num">{p.units}</td><td class="num">{Money::cny(p.goods_minor).to_string()}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart" inner_html=report.chart_svg></figure>
        <dl class="facts stats">
            <dt>{t!(i18n, seller.orders)}</dt>
            <dd>{report.orders}</dd>
            <dt>{t!(i18n, seller.units)}</dt>
            <dd>{report.units}</dd>
            <dt>{t!(i18n, seller.revenue)}</dt>
            <dd>{Money::cny(report.goods_minor).to_string()}</dd>
            <dt>{t!(i18n, seller.commission, rate = rate)}</dt>
            <dd>{Money::cny(-report.commission_minor).to_string()}</dd>
            <dt>{t!(i18n, seller.net)}</dt>
            <dd><strong>{Money::cny(report.net_minor).to_string()}</strong> {pkr}</dd>
            <dt>{t!(i18n, seller.views)}</dt>
            <dd>{report.views}</dd>
            <dt>{t!(i18n, seller.conversion)}</dt>
            <dd>{conversion}</dd>
        </dl>
        {in_rupees.then(|| view! { <p class="hint">{t!(i18n, seller.pkr_note)}</p> })}
        <h2>{t!(i18n, seller.top_products)}</h2>
        <table class="data">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, seller.product)}</th>
                    <th scope="col">{t!(i18n, seller.units)}</th>
                    <th scope="col">{t!(i18n, seller.revenue)}</th>
                </tr>
            </thead>
            <tbody>{top}</tbody>
        </table>
    }
    .into_any()
}
