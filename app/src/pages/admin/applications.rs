use leptos::prelude::*;

use super::{AdminPage, StateTabs, loaded, param};
use crate::api::admin::{DecideApplication, SuspendShop, list_applications};
use crate::components::{ActionError, Feedback, Field, LangField, use_lang};
use crate::i18n::*;
use crate::model::admin::{AdminApplication, AdminShop};

/// Seller applications by status: approve or reject the pending ones; suspend or reinstate
/// the shops that approved ones opened.
#[component]
pub fn AdminApplicationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let status = param("status");
    let done = param("done");
    let list = Resource::new(
        move || (lang.get(), status(), done()),
        |(lang, status, _)| list_applications(lang, status),
    );
    view! {
        <AdminPage title=|i18n| t_string!(i18n, admin.applications).to_string()>
            <StateTabs
                page="applications"
                param="status"
                choices=vec![
                    ("pending", t_string!(i18n, admin.status_pending).to_string()),
                    ("approved", t_string!(i18n, admin.status_approved).to_string()),
                    ("rejected", t_string!(i18n, admin.status_rejected).to_string()),
                ]
            />
            {loaded(list, move |list: Vec<AdminApplication>| {
                if list.is_empty() {
                    return view! { <p>{t!(i18n, admin.nothing_here)}</p> }.into_any();
                }
                list.into_iter()
                    .map(|application| view! { <ApplicationCard application /> })
                    .collect_view()
                    .into_any()
            })}
        </AdminPage>
    }
}

#[component]
fn ApplicationCard(application: AdminApplication) -> impl IntoView {
    let i18n = use_i18n();
    let decide = ServerAction::<DecideApplication>::new();
    let id = application.id;
    let pending = application.status == "pending";
    let importer = application.kind == "importer";
    let kind = if application.kind == "importer" {
        t_string!(i18n, admin.kind_importer)
    } else {
        t_string!(i18n, admin.kind_exporter)
    };
    let documents = application
        .documents
        .iter()
        .enumerate()
        .map(|(n, d)| {
            let label = format!(
                "{} {} ({}, {} KB)",
                t_string!(i18n, admin.document),
                n + 1,
                d.content_type,
                (d.size_bytes + 1023) / 1024
            );
            view! { <li><a href=format!("/admin/documents/{}", d.id)>{label}</a></li> }
        })
        .collect_view();
    view! {
        <article class="card admin-application" data-application=id>
            <h2>{application.shop_name.clone()}</h2>
            <dl class="facts">
                <dt>{t!(i18n, admin.kind)}</dt><dd>{kind}</dd>
                <dt>{t!(i18n, admin.legal_name)}</dt><dd>{application.legal_name.clone()}</dd>
                <dt>{t!(i18n, admin.registration)}</dt><dd><code>{application.registration_number.clone()}</code></dd>
                <dt>{t!(i18n, admin.city)}</dt><dd>{application.city.clone()}</dd>
                <dt>{t!(i18n, admin.contact)}</dt>
                <dd>{format!("{} · {} · {}", application.contact_name, application.contact_phone, application.email)}</dd>
                <dt>{t!(i18n, admin.categories)}</dt><dd>{application.categories.clone()}</dd>
                <dt>{t!(i18n, admin.applied_at)}</dt><dd>{crate::model::china_time::minute(application.created_at)}</dd>
            </dl>
            {application.reason.clone().map(|reason| view! { <p class="notice">{t!(i18n, admin.reason)} ": " {reason}</p> })}
            {if application.documents.is_empty() {
                view! { <p>{t!(i18n, admin.no_documents)}</p> }.into_any()
            } else {
                view! { <ul class="documents">{documents}</ul> }.into_any()
            }}
            {pending.then(|| view! {
                <div class="row">
                    <ActionForm action=decide attr:class="row compact">
                        <LangField />
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="decision" value="approve" />
                        {importer
                            .then(|| {
                                view! {
                                    <label>
                                        {t!(i18n, admin.dispatch)}
                                        " "
                                        <select name="dispatch">
                                            <option value="domestic" selected>
                                                {t!(i18n, admin.dispatch_domestic)}
                                            </option>
                                            <option value="bonded">{t!(i18n, admin.dispatch_bonded)}</option>
                                        </select>
                                    </label>
                                }
                            })}
                        <button type="submit" class="primary">{t!(i18n, admin.approve)}</button>
                    </ActionForm>
                    <ActionForm action=decide attr:class="row compact">
                        <LangField />
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="decision" value="reject" />
                        <input name="reason" required maxlength="300" aria-label=move || t_string!(i18n, admin.reason_for_applicant) placeholder=move || t_string!(i18n, admin.reason_for_applicant) />
                        <button type="submit">{t!(i18n, admin.reject)}</button>
                    </ActionForm>
                </div>
                <ActionError value=decide.value() />
            })}
            {application.shop.map(|shop| view! { <ShopControls shop /> })}
        </article>
    }
}

#[component]
fn ShopControls(shop: AdminShop) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let suspend = ServerAction::<SuspendShop>::new();
    let shop_id = shop.id;
    let storefront = format!("/{}/shops/{}", lang.get_untracked().code(), shop.slug);
    view! {
        <div class="shop-controls">
            <p>
                <a href=storefront>{t!(i18n, admin.view_shop)}</a>
                {shop.suspended.then(|| view! { " " <span class="badge low">{t!(i18n, admin.suspended)}</span> })}
                {shop.suspended_reason.map(|reason| view! { " · " {reason} })}
            </p>
            <ActionForm action=suspend attr:class="row compact">
                <Feedback value=suspend.value() row=("shop_id", shop_id.to_string())>
                    <LangField />
                    <input type="hidden" name="shop_id" value=shop_id />
                    {if shop.suspended {
                        view! {
                            <input type="hidden" name="action" value="reinstate" />
                            <button type="submit">{t!(i18n, admin.reinstate)}</button>
                        }
                        .into_any()
                    } else {
                        view! {
                            <input type="hidden" name="action" value="suspend" />
                            <Field
                                label=t_string!(i18n, admin.suspend_reason).to_string()
                                label_hidden=true
                                name="reason"
                                id=format!("suspend-{shop_id}")
                                maxlength=300
                                placeholder=t_string!(i18n, admin.suspend_reason).to_string()
                            />
                            <button type="submit" class="danger">{t!(i18n, admin.suspend)}</button>
                        }
                        .into_any()
                    }}
                    <ActionError value=suspend.value() />
                </Feedback>
            </ActionForm>
        </div>
    }
}
