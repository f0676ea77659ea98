use leptos::prelude::*;

use super::{AdminPage, SearchForm, loaded, param};
use crate::api::admin::search_audit;
use crate::components::use_lang;
use crate::i18n::*;
use crate::model::admin::{AuditEntry, PAGE_ROWS};

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
            format!("/admin/audit.csv?q={}", crate::model::listing::encode(&q))
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
                        crate::model::listing::encode(&q())
                    )
                });
                view! {
                    <table class="data audit">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, admin.when)}</th>
                                <th scope="col">{t!(i18n, admin.who)}</th>
                                <th scope="col">{t!(i18n, admin.action)}</th>
                                <th scope="col">{t!(i18n, admin.target)}</th>
                                <th scope="col">{t!(i18n, admin.change)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {entries.into_iter().map(|e| view! {
                                <tr>
                                    <td>{crate::pages::shop::china_time(e.at)}</td>
                                    <td>{e.actor} <br /> <small>{e.address}</small></td>
                                    <td><code>{e.action}</code></td>
                                    <td><code>{e.target}</code></td>
                                    <td>
                                        <small>{e.before.unwrap_or_default()}</small>
                                        " → "
                                        <small>{e.after.unwrap_or_default()}</small>
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    {older.map(|href| view! { <p><a href=href>{t!(i18n, admin.older)}</a></p> })}
                }
                .into_any()
            })}
        </AdminPage>
    }
}
