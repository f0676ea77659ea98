use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::SellerError;
use crate::api::seller::{ApplyForShop, get_my_application, get_seller_options};
use crate::components::{ActionError, ErrorMessage, LangField, PageMeta, use_lang};
use crate::i18n::*;
use crate::model::registration::ShopKind;
use crate::model::seller::{ApplicationStatus, ApplicationView};

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
                        Err(error) => return view! { <SellerError error /> }.into_any(),
                    };
                    if let Some(application) = existing.filter(|a| a.status != ApplicationStatus::Rejected) {
                        return view! { <ApplicationSummary application /> }.into_any();
                    }
                    let options = match options.await {
                        Ok(options) => options,
                        Err(error) => return view! { <ErrorMessage error /> }.into_any(),
                    };
                    let cities = options
                        .cities
                        .into_iter()
                        .map(|c| view! { <option value=c.value>{c.label}</option> })
                        .collect_view();
                    let categories = options
                        .categories
                        .into_iter()
                        .filter(|c| c.top)
                        .map(|c| {
                            let name = format!("form[categories][{}]", c.value);
                            view! {
                                <label class="check">
                                    <input type="checkbox" name=name value=c.value.clone() />
                                    " "
                                    {c.label}
                                </label>
                            }
                        })
                        .collect_view();
                    view! {
                        <ActionForm action=apply attr:class="apply-form">
                            <LangField />
                            <fieldset>
                                <legend>{t!(i18n, seller.kind)}</legend>
                                <label class="check">
                                    <input type="radio" name="form[kind]" value=ShopKind::Exporter.code() required />
                                    " "
                                    {t!(i18n, seller.kind_exporter)}
                                </label>
                                <label class="check">
                                    <input type="radio" name="form[kind]" value=ShopKind::Importer.code() />
                                    " "
                                    {t!(i18n, seller.kind_importer)}
                                </label>
                            </fieldset>
                            <div class="field">
                                <label for="legal_name">{t!(i18n, seller.legal_name)}</label>
                                <input id="legal_name" name="form[legal_name]" required maxlength="120" autocomplete="organization" />
                            </div>
                            <div class="field">
                                <label for="shop_name">{t!(i18n, seller.shop_name)}</label>
                                <input id="shop_name" name="form[shop_name]" required maxlength="120" />
                            </div>
                            <div class="field">
                                <label for="registration_number">{t!(i18n, seller.registration_number)}</label>
                                <input
                                    id="registration_number"
                                    name="form[registration_number]"
                                    required
                                    maxlength="24"
                                    aria-describedby="registration-hint"
                                />
                                <small id="registration-hint">{t!(i18n, seller.registration_hint)}</small>
                            </div>
                            <div class="field">
                                <label for="city">{t!(i18n, seller.city)}</label>
                                <select id="city" name="form[city]" required>{cities}</select>
                            </div>
                            <div class="row">
                                <div class="field">
                                    <label for="contact_name">{t!(i18n, seller.contact_name)}</label>
                                    <input id="contact_name" name="form[contact_name]" required maxlength="120" autocomplete="name" />
                                </div>
                                <div class="field">
                                    <label for="contact_phone">{t!(i18n, seller.contact_phone)}</label>
                                    <input id="contact_phone" name="form[contact_phone]" type="tel" required autocomplete="tel" />
                                </div>
                            </div>
                            <fieldset class="checks">
                                <legend>{t!(i18n, seller.categories)}</legend>
                                {categories}
                            </fieldset>
                            <ActionError value=apply.value() />
                            <button type="submit" class="primary">{t!(i18n, seller.submit_application)}</button>
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
            <Suspense fallback=move || view! { <p>{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match existing.await {
                        Ok(Some(application)) => view! { <ApplicationSummary application /> }.into_any(),
                        Ok(None) => view! {
                            <p>{t!(i18n, seller.not_applied)}</p>
                            <a class="button primary" href=move || format!("/{}/sell/apply", lang.get().code())>
                                {t!(i18n, seller.apply_now)}
                            </a>
                        }
                        .into_any(),
                        Err(error) => view! { <SellerError error /> }.into_any(),
                    }
                })}
            </Suspense>
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
