//! The editor's fields: one language's texts with their markers, glossary suggestions,
//! a variant's row, a picture's upload and the preview.

use leptos::prelude::*;
use leptos_i18n::I18nContext;

use super::super::upload::UploadForm;
use crate::components::{ControlError, Field, raw_text, use_control};
use crate::i18n::*;
use crate::model::Money;
use crate::model::product::{GALLERY_SIZE, picture_url};
use crate::model::seller::{
    FieldState, GlossaryTerm, ProductDraft, SideStates, VariantDraft, parse_price, suggestions,
};

/// The marker a field carries: missing, or older than the other language's.
fn marker(i18n: I18nContext<Locale>, state: FieldState) -> Option<impl IntoView> {
    match state {
        FieldState::Ok => None,
        FieldState::Missing => Some(
            view! { <span class="badge sold-out">{t_string!(i18n, seller.field_missing)}</span> }
                .into_any(),
        ),
        FieldState::Stale => Some(
            view! { <span class="badge low">{t_string!(i18n, seller.field_stale)}</span> }
                .into_any(),
        ),
    }
}

#[component]
pub(super) fn ProductSideFields(
    code: &'static str,
    label: &'static str,
    side: crate::model::seller::ProductSide,
    states: SideStates,
    text: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (title, summary, description) = (
        RwSignal::new(side.title.clone()),
        RwSignal::new(side.summary.clone()),
        RwSignal::new(side.description.clone()),
    );
    Effect::new(move |_| {
        text.set(format!(
            "{} {} {}",
            title.get(),
            summary.get(),
            description.get()
        ))
    });
    let control = use_control(&format!("draft[{code}][title]"), &format!("{code}-title"));
    let invalid = control.invalid();
    view! {
        <fieldset lang=code>
            <legend>{label}</legend>
            <div class="field">
                <label for=format!("{code}-title")>
                    {t!(i18n, seller.field_title)} " (" {label} ") " {marker(i18n, states.title)}
                </label>
                <ControlError control=control.clone() />
                <input
                    id=format!("{code}-title")
                    name=format!("draft[{code}][title]")
                    value=side.title.clone()
                    maxlength="120"
                    aria-invalid=control.aria_invalid()
                    aria-describedby=control.described_by(None)
                    autofocus=move || invalid.try_get().unwrap_or(false)
                    on:input=move |ev| title.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for=format!("{code}-summary")>
                    {t!(i18n, seller.field_summary)} " (" {label} ") " {marker(i18n, states.summary)}
                </label>
                <textarea
                    id=format!("{code}-summary")
                    name=format!("draft[{code}][summary]")
                    rows="2"
                    maxlength="300"
                    on:input=move |ev| summary.set(event_target_value(&ev))
                >
                    {raw_text(side.summary.clone())}
                </textarea>
            </div>
            <div class="field">
                <label for=format!("{code}-description")>
                    {t!(i18n, seller.field_description)} " (" {label} ") " {marker(i18n, states.description)}
                </label>
                <textarea
                    id=format!("{code}-description")
                    name=format!("draft[{code}][description]")
                    rows="8"
                    on:input=move |ev| description.set(event_target_value(&ev))
                >
                    {raw_text(side.description.clone())}
                </textarea>
            </div>
        </fieldset>
    }
}

/// Glossary terms found on one side whose translation the other side does not use yet.
#[component]
pub(super) fn Suggestions(
    terms: StoredValue<Vec<GlossaryTerm>>,
    en_text: RwSignal<String>,
    zh_text: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let found = move || {
        terms.with_value(|terms| {
            let (en, zh) = (en_text.get(), zh_text.get());
            let mut found: Vec<(String, String, String)> = suggestions(terms, &en, &zh, true)
                .into_iter()
                .chain(suggestions(terms, &zh, &en, false))
                .map(|t| (t.en.clone(), t.zh.clone(), t.note.clone()))
                .collect();
            found.dedup();
            found
        })
    };
    view! {
        <aside class="glossary-suggestions" aria-live="polite">
            <h2>{t!(i18n, seller.glossary)}</h2>
            {move || {
                let found = found();
                if found.is_empty() {
                    view! { <p class="hint">{t!(i18n, seller.glossary_none)}</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {found
                                .into_iter()
                                .map(|(en, zh, note)| view! {
                                    <li>
                                        <span lang="en">{en}</span> " → " <span lang="zh">{zh}</span>
                                        {(!note.is_empty()).then(|| view! { <small>" · " {note}</small> })}
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </aside>
    }
}

#[component]
pub(super) fn VariantRow(
    index: usize,
    variant: VariantDraft,
    product_weight: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = move |field: &str| format!("draft[variants][{index}][{field}]");
    let id = move |field: &str| format!("variant-{index}-{field}");
    let existing = variant.id.is_some();
    view! {
        <tr>
            <td>
                {variant.id.map(|id| view! { <input type="hidden" name=name("id") value=id /> })}
                <Field label=t_string!(i18n, seller.sku).to_string() label_hidden=true name=name("sku") id=id("sku") value=variant.sku.clone() maxlength=40 required=false />
            </td>
            <td><Field label=t_string!(i18n, seller.variant_en).to_string() label_hidden=true name=name("label_en") id=id("label_en") value=variant.label_en.clone() lang="en" required=false /></td>
            <td><Field label=t_string!(i18n, seller.variant_zh).to_string() label_hidden=true name=name("label_zh") id=id("label_zh") value=variant.label_zh.clone() lang="zh" required=false /></td>
            <td><Field label=t_string!(i18n, seller.price_cny).to_string() label_hidden=true name=name("price") id=id("price") value=variant.price.clone() inputmode="decimal" size=8 required=false /></td>
            <td><Field label=t_string!(i18n, seller.variant_weight_g).to_string() label_hidden=true name=name("weight_g") id=id("weight_g") value=variant.weight_g.clone() kind="number" min="1" max="100000" size=7 placeholder=product_weight required=false /></td>
            <td>
                {if existing {
                    view! { <span>{variant.stock.unwrap_or(0)}</span> }.into_any()
                } else {
                    view! { <input name=name("stock") type="number" min="0" value="0" size="6" aria-label=move || t_string!(i18n, seller.stock) /> }.into_any()
                }}
            </td>
        </tr>
    }
}

/// Pictures 1 to 3: checked, re-encoded and cut to the gallery's sizes on the server.
#[component]
pub(super) fn PictureUpload(
    id: i64,
    slug: String,
    /// The positions showing a picture, and those whose new picture waits for review.
    shown: Vec<u8>,
    waiting: Vec<u8>,
    uploaded: bool,
    upload_error: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pictures = (0..GALLERY_SIZE)
        .map(|index| {
            if shown.contains(&index) {
                view! { <img src=picture_url(&slug, index, 240) alt="" width="120" height="90" loading="lazy" /> }
                    .into_any()
            } else {
                let text = if waiting.contains(&index) {
                    t_string!(i18n, seller.picture_waiting)
                } else {
                    t_string!(i18n, seller.picture_none)
                };
                view! { <span class="thumb-empty">{text}</span> }.into_any()
            }
        })
        .collect_view();
    view! {
        <section class="pictures card">
            <h2>{t!(i18n, seller.pictures)}</h2>
            <div class="thumbs">{pictures}</div>
            {uploaded.then(|| view! { <p class="notice" role="status">{t!(i18n, seller.picture_added)}</p> })}
            {upload_error.map(|code| {
                let text = match code.as_str() {
                    "too_large" => t_string!(i18n, seller.upload_too_large),
                    _ => t_string!(i18n, seller.picture_refused),
                };
                view! { <p class="error" role="alert">{text}</p> }
            })}
            <UploadForm action="/uploads/products">
                <input type="hidden" name="product" value=id />
                <label for="picture-index">{t!(i18n, seller.picture_slot)}</label>
                <select id="picture-index" name="index">
                    <option value="0">"1"</option>
                    <option value="1">"2"</option>
                    <option value="2">"3"</option>
                </select>
                <label for="picture">{t!(i18n, seller.picture_file)}</label>
                <input id="picture" type="file" name="image" accept="image/jpeg,image/png,image/webp" required />
                <small>{t!(i18n, seller.picture_hint)}</small>
                <button type="submit">{t!(i18n, seller.upload_picture)}</button>
            </UploadForm>
        </section>
    }
}

/// The saved product as shoppers will read it, in each language.
#[component]
pub(super) fn Preview(draft: ProductDraft) -> impl IntoView {
    let i18n = use_i18n();
    let price = draft
        .variants
        .iter()
        .filter_map(|v| parse_price(&v.price))
        .min()
        .map(|p| Money::cny(p).to_string())
        .unwrap_or_default();
    let side = |code: &'static str, label: &'static str, s: crate::model::seller::ProductSide| {
        let price = price.clone();
        view! {
            <article class="preview card" lang=code>
                <p class="eyebrow">{t!(i18n, seller.preview)} " · " {label}</p>
                <h3>{s.title}</h3>
                <p class="price">{price}</p>
                <p class="lead">{s.summary}</p>
                <p class="description">{s.description}</p>
            </article>
        }
    };
    view! {
        <section class="previews">
            <h2>{t!(i18n, seller.preview)}</h2>
            <div class="side-by-side">
                {side("en", "English", draft.en.clone())}
                {side("zh", "中文", draft.zh.clone())}
            </div>
        </section>
    }
}
