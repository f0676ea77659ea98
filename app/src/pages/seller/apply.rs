use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::seller_error;
use crate::api::seller::{ApplyForShop, get_my_application, get_seller_options};
use crate::components::{
    ActionError, ControlError, ErrorMessage, Feedback, Field, LangField, PageMeta, SelectField,
    use_control, use_lang,
};
use crate::i18n::*;
use crate::model::registration::ShopKind;
use crate::model::seller::{ApplicationStatus, ApplicationView};
use crate::pages::Loaded;

/// "Sell on the pavilion": the offer, then the way in.
#[component]
pub fn SellPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let link = move |rest: &str| format!("/{}{rest}", lang.get().code());
    view! {
        <PageMeta
            title=t_string!(i18n, seller.sell_title).to_string()
            description=t_string!(i18n, seller.sell_lead).to_string()
        />
        <section class="sell-page">
            <h1>{t!(i18n, seller.sell_title)}</h1>
            <p class="lead">{t!(i18n, seller.sell_lead)}</p>
            <div class="grid three">
                <article class="card">
                    <h2>{t!(i18n, seller.offer_reach_title)}</h2>
                    <p>{t!(i18n, seller.offer_reach)}</p>
                </article>
                <article class="card">
                    <h2>{t!(i18n, seller.offer_language_title)}</h2>
                    <p>{t!(i18n, seller.offer_language)}</p>
                </article>
                <article class="card">
                    <h2>{t!(i18n, seller.offer_money_title)}</h2>
                    <p>{t!(i18n, seller.offer_money)}</p>
                </article>
            </div>
            <h2>{t!(i18n, seller.who_title)}</h2>
            <ul>
                <li>{t!(i18n, seller.who_exporter)}</li>
                <li>{t!(i18n, seller.who_importer)}</li>
            </ul>
            <h2>{t!(i18n, seller.steps_title)}</h2>
            <ol>
                <li>{t!(i18n, seller.step_apply)}</li>
                <li>{t!(i18n, seller.step_documents)}</li>
                <li>{t!(i18n, seller.step_review)}</li>
                <li>{t!(i18n, seller.step_list)}</li>
            </ol>
            <p class="actions">
                <a class="button primary" href=move || link("/sell/apply")>{t!(i18n, seller.apply_now)}</a>
                " "
                <a href=move || link("/academy")>{t!(i18n, seller.read_academy)}</a>
            </p>
        </section>
    }
}

/// The application form; someone who already applied is sent to the status.
#[component]
pub fn ApplyPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let existing = Resource::new(move || lang.get(), get_my_application);
    let options = Resource::new(move || lang.get(), get_seller_options);
    let apply = ServerAction::<ApplyForShop>::new();
    view! {
        <PageMeta
            title=t_string!(i18n, seller.apply_title).to_string()
            description=t_string!(i18n, seller.sell_lead).to_string()
        />
        <section class="apply-page">
            <h1>{t!(i18n, seller.apply_title)}</h1>
            <Suspense fallback=move || view! { <p>{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    let existing = match existing.await {
                        Ok(existing) => existing,
                        Err(error) => return seller_error(error),
                    };
                    if let Some(application) = existing.filter(|a| a.status != ApplicationStatus::Rejected) {
                        return view! { <ApplicationSummary application /> }.into_any();
                    }
                    let options = match options.await {
                        Ok(options) => options,
                        Err(error) => return view! { <ErrorMessage error /> }.into_any(),
                    };
                    let cities: Vec<(String, String)> =
                        options.cities.into_iter().map(|c| (c.value, c.label)).collect();
                    let categories: Vec<(String, String)> = options
                        .categories
                        .into_iter()
                        .filter(|c| c.top)
                        .map(|c| (c.value, c.label))
                        .collect();
                    view! {
                        <ActionForm action=apply attr:class="apply-form">
                            <Feedback value=apply.value()>
                                <LangField />
                                <KindChoice />
                                <Field label=t_string!(i18n, seller.legal_name).to_string() name="form[legal_name]" maxlength=120 autocomplete="organization" />
                                <Field label=t_string!(i18n, seller.shop_name).to_string() name="form[shop_name]" maxlength=120 />
                                <Field
                                    label=t_string!(i18n, seller.registration_number).to_string()
                                    name="form[registration_number]"
                                    maxlength=24
                                    hint=t_string!(i18n, seller.registration_hint).to_string()
                                />
                                <SelectField label=t_string!(i18n, seller.city).to_string() name="form[city]" options=cities />
                                <div class="row">
                                    <Field label=t_string!(i18n, seller.contact_name).to_string() name="form[contact_name]" maxlength=120 autocomplete="name" />
                                    <Field label=t_string!(i18n, seller.contact_phone).to_string() name="form[contact_phone]" kind="tel" autocomplete="tel" />
                                </div>
                                <CategoryChoices categories />
                                <ActionError value=apply.value() />
                                <button type="submit" class="primary">{t!(i18n, seller.submit_application)}</button>
                            </Feedback>
                        </ActionForm>
                    }
                    .into_any()
                })}
            </Suspense>
        </section>
    }
}

/// Where the application stands, with its documents and the form to add one.
#[component]
pub fn ApplicationStatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let existing = Resource::new(move || lang.get(), get_my_application);
    view! {
        <PageMeta
            title=t_string!(i18n, seller.status_title).to_string()
            description=t_string!(i18n, seller.status_title).to_string()
        />
        <section class="apply-page">
            <h1>{t!(i18n, seller.status_title)}</h1>
            <Loaded resource=existing fail=seller_error let:existing>
                {match existing {
                    Some(application) => view! { <ApplicationSummary application /> }.into_any(),
                    None => view! {
                        <p>{t!(i18n, seller.not_applied)}</p>
                        <a class="button primary" href=move || format!("/{}/sell/apply", lang.get().code())>
                            {t!(i18n, seller.apply_now)}
                        </a>
                    }
                    .into_any(),
                }}
            </Loaded>
        </section>
    }
}

#[component]
fn ApplicationSummary(application: ApplicationView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let uploaded = query.read_untracked().get("uploaded").is_some();
    let upload_error = query.read_untracked().get("upload_error");
    let status = match application.status {
        ApplicationStatus::Pending => t_string!(i18n, seller.status_pending),
        ApplicationStatus::Approved => t_string!(i18n, seller.status_approved),
        ApplicationStatus::Rejected => t_string!(i18n, seller.status_rejected),
    };
    let kind = match application.kind {
        ShopKind::Exporter => t_string!(i18n, seller.kind_exporter),
        ShopKind::Importer => t_string!(i18n, seller.kind_importer),
    };
    let pending = application.status == ApplicationStatus::Pending;
    let documents = application.documents.len();
    let next = match application.status {
        ApplicationStatus::Approved => view! {
            <a class="button primary" href=move || format!("/{}/seller", lang.get().code())>
                {t!(i18n, seller.go_to_dashboard)}
            </a>
        }
        .into_any(),
        ApplicationStatus::Rejected => view! {
            <a class="button" href=move || format!("/{}/sell/apply", lang.get().code())>
                {t!(i18n, seller.apply_again)}
            </a>
        }
        .into_any(),
        ApplicationStatus::Pending => ().into_any(),
    };
    view! {
        <div class="application">
            <p class="status-line" role="status">
                <strong>{t!(i18n, seller.status)} ": "</strong>
                <span class=format!("badge {:?}", application.status).to_lowercase()>{status}</span>
            </p>
            {application.reason.map(|reason| view! { <p class="reason"><strong>{t!(i18n, seller.reason)} ": "</strong>{reason}</p> })}
            <dl class="facts">
                <dt>{t!(i18n, seller.kind)}</dt>
                <dd>{kind}</dd>
                <dt>{t!(i18n, seller.legal_name)}</dt>
                <dd>{application.legal_name}</dd>
                <dt>{t!(i18n, seller.shop_name)}</dt>
                <dd>{application.shop_name}</dd>
                <dt>{t!(i18n, seller.registration_number)}</dt>
                <dd>{application.registration_number}</dd>
                <dt>{t!(i18n, seller.city)}</dt>
                <dd>{application.city}</dd>
                <dt>{t!(i18n, seller.documents)}</dt>
                <dd>{t!(i18n, seller.documents_count, count = move || documents)}</dd>
            </dl>
            {uploaded.then(|| view! { <p class="notice" role="status">{t!(i18n, seller.document_added)}</p> })}
            {upload_error.map(|code| {
                let text = match code.as_str() {
                    "too_large" => t_string!(i18n, seller.upload_too_large),
                    "full" => t_string!(i18n, seller.upload_full),
                    _ => t_string!(i18n, seller.document_refused),
                };
                view! { <p class="error" role="alert">{text}</p> }
            })}
            {pending.then(|| view! {
                <form method="post" action="/uploads/documents" enctype="multipart/form-data" class="upload">
                    <input type="hidden" name="lang" value=move || lang.get().code() />
                    <label for="document">{t!(i18n, seller.document_label)}</label>
                    <input id="document" type="file" name="document" accept="application/pdf,image/jpeg,image/png,image/webp" required />
                    <small>{t!(i18n, seller.document_hint)}</small>
                    <button type="submit">{t!(i18n, seller.upload_document)}</button>
                </form>
            })}
            {next}
        </div>
    }
}

/// Exporter or importer.
#[component]
fn KindChoice() -> impl IntoView {
    let i18n = use_i18n();
    let control = use_control("form[kind]", "field-form-kind");
    let invalid = control.invalid();
    let message = view! { <ControlError control=control.clone() /> };
    let radio = move |kind: ShopKind, first: bool| {
        let control = control.clone();
        view! {
            <label class="check">
                <input
                    id=first.then(|| control.id.clone())
                    type="radio"
                    name="form[kind]"
                    value=kind.code()
                    required=first
                    checked=control.was_chosen("form[kind]", kind.code())
                    aria-invalid=control.aria_invalid()
                    aria-describedby=control.described_by(None)
                    autofocus=move || first && invalid.try_get().unwrap_or(false)
                />
                " "
                {match kind {
                    ShopKind::Exporter => t_string!(i18n, seller.kind_exporter).to_string(),
                    ShopKind::Importer => t_string!(i18n, seller.kind_importer).to_string(),
                }}
            </label>
        }
    };
    view! {
        <fieldset>
            <legend>{t!(i18n, seller.kind)}</legend>
            {message}
            {radio(ShopKind::Exporter, true)}
            {radio(ShopKind::Importer, false)}
        </fieldset>
    }
}

/// The categories a shop means to sell in, at least one.
#[component]
fn CategoryChoices(categories: Vec<(String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let control = use_control("form[categories]", "field-form-categories");
    let invalid = control.invalid();
    let boxes = categories
        .into_iter()
        .enumerate()
        .map(|(index, (value, text))| {
            let name = format!("form[categories][{value}]");
            let first = index == 0;
            view! {
                <label class="check">
                    <input
                        id=first.then(|| control.id.clone())
                        type="checkbox"
                        name=name.clone()
                        value=value.clone()
                        checked=control.was_chosen(&name, &value)
                        aria-invalid=control.aria_invalid()
                        aria-describedby=control.described_by(None)
                        autofocus=move || first && invalid.try_get().unwrap_or(false)
                    />
                    " "
                    {text}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="checks">
            <legend>{t!(i18n, seller.categories)}</legend>
            <ControlError control=control.clone() />
            {boxes}
        </fieldset>
    }
}
