use leptos::prelude::*;

use super::{AdminPage, loaded};
use crate::api::admin::get_admin_dashboard;
use crate::components::use_lang;
use crate::i18n::*;
use crate::model::Money;

/// Today's orders and revenue, and the queues waiting for the operator.
#[component]
pub fn AdminDashboardPage() -> impl IntoView {
    let lang = use_lang();
    let i18n = use_i18n();
    let figures = Resource::new(|| (), |_| get_admin_dashboard());
    let link = move |rest: &str| format!("/{}/admin{rest}", lang.get_untracked().code());
    view! {
        <AdminPage title=|i18n| t_string!(i18n, admin.console).to_string()>
            {loaded(figures, move |d| view! {
                <div class="grid three">
                    <a class="card stat" href=link("/orders")>
                        <strong>{d.orders_today}</strong>
                        <span>{t!(i18n, admin.orders_today)}</span>
                    </a>
                    <a class="card stat" href=link("/orders?status=paid")>
                        <strong>{Money::cny(d.revenue_today_fen).to_string()}</strong>
                        <span>{t!(i18n, admin.revenue_today)}</span>
                    </a>
                    <a class="card stat" href=link("/applications")>
                        <strong>{d.pending_applications}</strong>
                        <span>{t!(i18n, admin.pending_applications)}</span>
                    </a>
                    <a class="card stat" href=link("/listings")>
                        <strong>{d.pending_listings}</strong>
                        <span>{t!(i18n, admin.pending_listings)}</span>
                    </a>
                    <a class="card stat" href=link("/orders?status=cancelled")>
                        <strong>{d.refunds_due}</strong>
                        <span>{t!(i18n, admin.refunds_due)}</span>
                    </a>
                    <a class="card stat" href=link("/applications?status=approved")>
                        <strong>{d.suspended_shops}</strong>
                        <span>{t!(i18n, admin.suspended_shops)}</span>
                    </a>
                </div>
            })}
        </AdminPage>
    }
}
