use leptos::prelude::*;
use leptos_i18n::I18nContext;
use serde_json::Value;

use super::users::role_name;
use super::{AdminPage, SearchForm, loaded, param};
use crate::api::admin::search_audit;
use crate::components::use_lang;
use crate::i18n::*;
use crate::model::Money;
use crate::model::account::Role;
use crate::model::admin::{AuditEntry, PAGE_ROWS};
use crate::model::audit::{Actor, FieldChange, changes, object};
use crate::model::china_time;
use crate::model::order::OrderStatus;
use crate::pages::buying::status_name;

/// Every privileged action, newest first: search it, page back, download it as CSV.
#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let q = param("q");
    let before = param("before");
    let entries = Resource::new(
        move || (q(), before()),
        |(q, before)| search_audit(q, before.parse().ok()),
    );
    let csv = move || {
        let q = q();
        if q.is_empty() {
            "/admin/audit.csv".to_owned()
        } else {
            format!(
                "/admin/audit.csv?q={}",
                crate::model::url::encode_query_value(&q)
            )
        }
    };
    view! {
        <AdminPage title=|i18n| t_string!(i18n, admin.audit).to_string()>
            <p>{t!(i18n, admin.audit_lead)}</p>
            {move || view! { <SearchForm value=q() /> }}
            <p><a class="button" href=csv download="audit.csv">{t!(i18n, admin.download_csv)}</a></p>
            {loaded(entries, move |entries: Vec<AuditEntry>| {
                if entries.is_empty() {
                    return view! { <p>{t!(i18n, admin.nothing_here)}</p> }.into_any();
                }
                let older = (entries.len() as i64 == PAGE_ROWS).then(|| {
                    let last = entries.last().map(|e| e.id).unwrap_or_default();
                    format!(
                        "/{}/admin/audit?q={}&before={last}",
                        lang.get_untracked().code(),
                        crate::model::url::encode_query_value(&q())
                    )
                });
                view! {
                    <table class="data audit">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, admin.when)}</th>
                                <th scope="col">{t!(i18n, admin.who)}</th>
                                <th scope="col">{t!(i18n, admin.action)}</th>
                                <th scope="col">{t!(i18n, admin.change)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {entries.into_iter().map(|e| view! { <EntryRow entry=e /> }).collect_view()}
                        </tbody>
                    </table>
                    {older.map(|href| view! { <p><a href=href>{t!(i18n, admin.older)}</a></p> })}
                }
                .into_any()
            })}
        </AdminPage>
    }
}

/// One entry as sentences: who, what they did to what, and each changed field.
#[component]
fn EntryRow(entry: AuditEntry) -> impl IntoView {
    let i18n = use_i18n();
    let who = match Actor::parse(&entry.actor) {
        Actor::Person(email) => email.to_owned(),
        Actor::CommandLine(user) => t_string!(i18n, admin.audit_command_line, user).to_string(),
    };
    let did = action_text(i18n, &entry.action, &object(&entry.target));
    let fields = changes(entry.before.as_deref(), entry.after.as_deref())
        .into_iter()
        .map(|change| {
            let FieldChange {
                field,
                before,
                after,
            } = change;
            view! {
                <li>
                    {field_name(i18n, &field)} ": " {value_text(i18n, &field, &before)} " → "
                    {value_text(i18n, &field, &after)}
                </li>
            }
        })
        .collect_view();
    view! {
        <tr>
            <td>{china_time::minute(entry.at)}</td>
            <td>{who} <br /> <small>{entry.address}</small></td>
            <td>{did}</td>
            <td>
                <ul class="changes">{fields}</ul>
            </td>
        </tr>
    }
}

/// What was done, as a sentence; an action this version does not know keeps its code.
fn action_text(i18n: I18nContext<Locale>, action: &str, object: &str) -> String {
    let object = object.to_owned();
    let text = match action {
        "application.approve" => t_string!(i18n, admin.audit_did_application_approve, object),
        "application.reject" => t_string!(i18n, admin.audit_did_application_reject, object),
        "article.withdraw" => t_string!(i18n, admin.audit_did_article_withdraw, object),
        "listing.approve" => t_string!(i18n, admin.audit_did_listing_approve, object),
        "listing.reject" => t_string!(i18n, admin.audit_did_listing_reject, object),
        "listing.take_down" => t_string!(i18n, admin.audit_did_listing_take_down, object),
        "order.refund" => t_string!(i18n, admin.audit_did_order_refund, object),
        "rate.commission" => t_string!(i18n, admin.audit_did_rate_commission).to_string(),
        "rate.exchange" => t_string!(i18n, admin.audit_did_rate_exchange, object),
        "review.hide" => t_string!(i18n, admin.audit_did_review_hide, object),
        "review.show" => t_string!(i18n, admin.audit_did_review_show, object),
        "shop.reinstate" => t_string!(i18n, admin.audit_did_shop_reinstate, object),
        "shop.suspend" => t_string!(i18n, admin.audit_did_shop_suspend, object),
        "user.force_password_reset" => {
            t_string!(i18n, admin.audit_did_user_force_password_reset, object)
        }
        "user.lock" => t_string!(i18n, admin.audit_did_user_lock, object),
        "user.role" => t_string!(i18n, admin.audit_did_user_role, object),
        "user.unlock" => t_string!(i18n, admin.audit_did_user_unlock, object),
        other => return format!("{other} {object}"),
    };
    text.to_string()
}

fn field_name(i18n: I18nContext<Locale>, field: &str) -> String {
    match field {
        "state" => t_string!(i18n, admin.audit_field_state),
        "status" => t_string!(i18n, admin.audit_field_status),
        "shop" => t_string!(i18n, admin.audit_field_shop),
        "reason" => t_string!(i18n, admin.audit_field_reason),
        "note" => t_string!(i18n, admin.audit_field_note),
        "suspended" => t_string!(i18n, admin.audit_field_suspended),
        "hidden" => t_string!(i18n, admin.audit_field_hidden),
        "per_cny_micros" => t_string!(i18n, admin.audit_field_per_cny_micros),
        "set_on" => t_string!(i18n, admin.audit_field_set_on),
        "basis_points" => t_string!(i18n, admin.audit_field_basis_points),
        "from" => t_string!(i18n, admin.audit_field_from),
        "publish_at" => t_string!(i18n, admin.audit_field_publish_at),
        "refund_due" => t_string!(i18n, admin.audit_field_refund_due),
        "amount_fen" => t_string!(i18n, admin.audit_field_amount_fen),
        "role" => t_string!(i18n, admin.audit_field_role),
        "locked" => t_string!(i18n, admin.audit_field_locked),
        "must_reset" => t_string!(i18n, admin.audit_field_must_reset),
        other => return other.to_owned(),
    }
    .to_string()
}

/// A field's value in words: codes translated, amounts as money, times in China time.
fn value_text(i18n: I18nContext<Locale>, field: &str, value: &Value) -> String {
    let number = value.as_i64();
    let text = value.as_str().unwrap_or_default();
    match (field, value) {
        (_, Value::Null) => "—".to_owned(),
        (_, Value::Bool(true)) => t_string!(i18n, admin.audit_yes).to_string(),
        (_, Value::Bool(false)) => t_string!(i18n, admin.audit_no).to_string(),
        ("per_cny_micros", _) if number.is_some() => {
            format!("{}", number.unwrap_or_default() as f64 / 1e6)
        }
        ("basis_points", _) if number.is_some() => {
            format!("{}%", number.unwrap_or_default() as f64 / 100.0)
        }
        ("amount_fen" | "refund_due", _) if number.is_some() => {
            Money::cny(number.unwrap_or_default()).to_string()
        }
        ("publish_at", _) if number.is_some() => china_time::minute(number.unwrap_or_default()),
        ("role", _) => Role::parse(text)
            .map(|role| role_name(i18n, role))
            .unwrap_or_else(|| text.to_owned()),
        ("state", _) => match text {
            "waiting" => t_string!(i18n, admin.audit_state_waiting).to_string(),
            "published" => t_string!(i18n, admin.audit_state_published).to_string(),
            "sent back" => t_string!(i18n, admin.audit_state_sent_back).to_string(),
            "taken down" => t_string!(i18n, admin.audit_state_taken_down).to_string(),
            other => other.to_owned(),
        },
        ("status", _) => match text {
            "pending" => t_string!(i18n, admin.status_pending).to_string(),
            "approved" => t_string!(i18n, admin.status_approved).to_string(),
            "rejected" => t_string!(i18n, admin.status_rejected).to_string(),
            other => OrderStatus::parse(other)
                .map(|status| status_name(i18n, status))
                .unwrap_or_else(|| other.to_owned()),
        },
        (_, Value::String(text)) => text.clone(),
        (_, other) => other.to_string(),
    }
}
