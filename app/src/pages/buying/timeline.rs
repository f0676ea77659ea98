use leptos::prelude::*;

use crate::i18n::*;
use crate::model::china_time;
use crate::model::order::TimelineEntry;
use crate::pages::buying::status_name;

/// Each status change of the order and its parcels: what, which parcel, who, when.
#[component]
pub fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let items = entries
        .into_iter()
        .map(|entry| {
            let who = match entry.actor.as_str() {
                "customer" => t_string!(i18n, shop.actor_customer),
                "seller" => t_string!(i18n, shop.actor_seller),
                "admin" => t_string!(i18n, shop.actor_admin),
                "payment" => t_string!(i18n, shop.actor_payment),
                _ => t_string!(i18n, shop.actor_system),
            };
            let note = entry.note.map(|note| match note.as_str() {
                "expired" => t_string!(i18n, shop.note_expired).to_string(),
                "late_payment_refund_due" => t_string!(i18n, shop.note_late_payment).to_string(),
                other => other.to_owned(),
            });
            view! {
                <li>
                    <time>{china_time::minute(entry.at)}</time>
                    " "
                    <strong>{status_name(i18n, entry.status)}</strong>
                    {entry.shop.map(|shop| view! { " · " {shop} })}
                    " · "
                    {who}
                    {note.map(|note| view! { " · " {note} })}
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="timeline">{items}</ol>
    }
}
