//! The bilingual product editor: English and Chinese side by side, each field marked when
//! its text is missing or older than the other side's, glossary terms suggested while
//! typing, variants, pictures, a preview per language, and publishing.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::upload::UploadForm;
use super::{SellerError, SellerNav};
use crate::api::seller::{
    PublishProduct, SaveProduct, get_glossary, get_product_editor, get_seller_options,
};
use crate::components::{
    ActionError, ControlError, Feedback, Field, LangField, PageMeta, SelectField, raw_text,
    refused_form, use_control, use_lang,
};
use crate::i18n::*;
use crate::model::Money;
use crate::model::product::{GALLERY_SIZE, picture_url};
use crate::model::seller::{
    FieldState, GlossaryTerm, ProductDraft, ProductEditor, ProductStatus, SellerOptions,
    SideStates, VariantDraft, parse_price, suggestions,
};

#[component]
pub fn NewProductPage() -> impl IntoView {
    view! { <EditorFrame editor=None /> }
}

#[component]
pub fn EditProductPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(-1)
    };
    // A save or a publication comes back to this page with a new query: load again.
    let query = use_query_map();
    let editor = Resource::new(
        move || {
            (
                id(),
                query.read().get("saved"),
                query.read().get("published"),
            )
        },
        |(id, ..)| get_product_editor(id),
    );
    view! { <EditorFrame editor=Some(editor) /> }
}

/// An empty form for a new product.
fn new_product() -> ProductEditor {
    ProductEditor {
        draft: ProductDraft::default(),
        status: ProductStatus::Draft,
        review_note: None,
        en: SideStates::default(),
        zh: SideStates::default(),
        edit_waiting: false,
        pictures_waiting: Vec::new(),
        pictures: Vec::new(),
    }
}

/// The form around one product (`None`: a new one) with what it offers (cities, categories,
/// glossary). Every resource is made here, before anything waits, and one `Suspense` waits
/// for all of them: a resource or boundary made only after another one resolved gets its
/// hydration id in an order the browser cannot repeat, and hydration fails.
#[component]
fn EditorFrame(
    editor: Option<Resource<Result<ProductEditor, crate::error::AppError>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let options = Resource::new(move || lang.get(), get_seller_options);
    let glossary = Resource::new(move || lang.get(), get_glossary);
    let heading = move || {
        if editor.is_some() {
            t_string!(i18n, seller.edit_product)
        } else {
            t_string!(i18n, seller.new_product)
        }
        .to_string()
    };
    view! {
        <PageMeta title=heading() description=heading() />
        <SellerNav />
        <section class="editor product-editor">
            <h1>{heading}</h1>
            <Suspense fallback=move || view! { <p>{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    let editor = match editor {
                        Some(editor) => editor.await,
                        None => Ok(new_product()),
                    };
                    match (editor, options.await, glossary.await) {
                        (Ok(editor), Ok(options), Ok(terms)) => {
                            view! { <ProductForm editor options terms /> }.into_any()
                        }
                        (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
                            view! { <SellerError error /> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ProductForm(
    editor: ProductEditor,
    options: SellerOptions,
    terms: Vec<GlossaryTerm>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let save = ServerAction::<SaveProduct>::new();
    let publish = ServerAction::<PublishProduct>::new();
    let saved = query.read_untracked().get("saved").is_some();
    let published = query.read_untracked().get("published");
    let uploaded = query.read_untracked().get("uploaded").is_some();
    let upload_error = query.read_untracked().get("upload_error");
    // Refused without JavaScript, the form comes back as it was sent.
    let draft = refused_form(save.value())
        .and_then(|sent| sent.decode::<SaveProduct>())
        .map(|sent| sent.draft)
        .unwrap_or_else(|| editor.draft.clone());
    let existing = editor.draft.id;
    let categories: Vec<(String, String)> = options
        .categories
        .iter()
        .map(|c| {
            let label = if c.top {
                c.label.clone()
            } else {
                format!("\u{a0}\u{a0}{}", c.label)
            };
            (c.value.clone(), label)
        })
        .collect();
    // Goods sold from stock in China carry VAT in their price; others are taxed at checkout.
    let price_hint = match options.dispatch.unwrap_or_default() {
        crate::model::Dispatch::CrossBorder => t_string!(i18n, seller.price_hint),
        crate::model::Dispatch::Domestic => t_string!(i18n, seller.price_hint_domestic),
        crate::model::Dispatch::Bonded => t_string!(i18n, seller.price_hint_bonded),
    };
    let cities: Vec<(String, String)> = options
        .cities
        .iter()
        .map(|c| (c.value.clone(), c.label.clone()))
        .collect();
    let mut variants = draft.variants.clone();
    if variants.len() < crate::model::seller::MAX_VARIANTS {
        variants.push(VariantDraft::default());
    }
    // Made inside the form's `Feedback` (below), so that their fields take part in it.
    let product_weight = draft.weight_g.clone();
    let variant_rows = move || {
        variants
            .into_iter()
            .enumerate()
            .map(|(i, v)| view! { <VariantRow index=i variant=v product_weight=product_weight.clone() /> })
            .collect_view()
    };
    let terms = StoredValue::new(terms);
    let en_text = RwSignal::new(format!(
        "{} {} {}",
        draft.en.title, draft.en.summary, draft.en.description
    ));
    let zh_text = RwSignal::new(format!(
        "{} {} {}",
        draft.zh.title, draft.zh.summary, draft.zh.description
    ));
    let pictures = existing.map(|id| {
        let slug = draft.slug.clone();
        let (shown, waiting) = (editor.pictures.clone(), editor.pictures_waiting.clone());
        view! { <PictureUpload id slug shown waiting uploaded upload_error /> }
    });
    let preview = existing.map(|_| view! { <Preview draft=draft.clone() /> });
    let tax_guide = move || format!("/{}/academy/cross-border-tax-and-limits", lang.get().code());
    view! {
        {saved.then(|| view! { <p class="notice" role="status">{t!(i18n, seller.saved)}</p> })}
        {published.map(|p| {
            let text = if p == "true" { t_string!(i18n, seller.now_published) } else { t_string!(i18n, seller.now_hidden) };
            view! { <p class="notice" role="status">{text}</p> }
        })}
        {(editor.edit_waiting || !editor.pictures_waiting.is_empty())
            .then(|| view! { <p class="notice" role="status">{t!(i18n, seller.edit_waiting)}</p> })}
        {existing.map(|id| view! { <PublishBox id status=editor.status review_note=editor.review_note.clone() complete=!editor.en.missing_any() && !editor.zh.missing_any() publish /> })}
        {form(existing, save, view! {
            <Feedback value=save.value()>
                <LangField />
                {existing.map(|id| view! { <input type="hidden" name="draft[id]" value=id /> })}
                <div class="row">
                    <Field
                        label=t_string!(i18n, seller.slug).to_string()
                        name="draft[slug]"
                        value=draft.slug.clone()
                        pattern="[a-z0-9][a-z0-9\\-]{1,78}[a-z0-9]"
                        readonly=existing.is_some()
                        hint=t_string!(i18n, seller.slug_hint).to_string()
                    />
                    <SelectField
                        label=t_string!(i18n, seller.category).to_string()
                        name="draft[category]"
                        options=categories
                        chosen=draft.category.clone()
                    />
                    <SelectField
                        label=t_string!(i18n, seller.origin_city).to_string()
                        name="draft[origin_city]"
                        options=cities
                        chosen=draft.origin_city.clone()
                    />
                </div>
                <div class="row">
                    <Field
                        label=t_string!(i18n, seller.hs_code).to_string()
                        name="draft[hs_code]"
                        value=draft.hs_code.clone()
                        hint=t_string!(i18n, seller.hs_hint).to_string()
                    />
                    <Field
                        label=t_string!(i18n, seller.weight_g).to_string()
                        name="draft[weight_g]"
                        kind="number"
                        min="1"
                        max="100000"
                        value=draft.weight_g.clone()
                    />
                </div>
                <div class="side-by-side">
                    <ProductSideFields code="en" label="English" side=draft.en.clone() states=editor.en text=en_text />
                    <ProductSideFields code="zh" label="中文" side=draft.zh.clone() states=editor.zh text=zh_text />
                </div>
                <Suggestions terms en_text zh_text />
                <fieldset class="variants">
                    <legend>{t!(i18n, seller.variants)}</legend>
                    <p class="hint">
                        {price_hint} " " <a href=tax_guide>{t!(i18n, seller.tax_guide)}</a>
                    </p>
                    <table class="data">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, seller.sku)}</th>
                                <th scope="col">{t!(i18n, seller.variant_en)}</th>
                                <th scope="col">{t!(i18n, seller.variant_zh)}</th>
                                <th scope="col">{t!(i18n, seller.price_cny)}</th>
                                <th scope="col">{t!(i18n, seller.variant_weight_g)}</th>
                                <th scope="col">{t!(i18n, seller.stock)}</th>
                            </tr>
                        </thead>
                        <tbody>{variant_rows()}</tbody>
                    </table>
                </fieldset>
                {existing.is_none().then(|| view! { <NewPictures /> })}
                <ActionError value=save.value() />
                <button type="submit" class="primary">{t!(i18n, seller.save)}</button>
            </Feedback>
        }.into_any())}
        {pictures}
        {preview}
    }
}

/// The product form: a saved product's goes to `save_product`; a new product's first save
/// carries its pictures too, so it is one multipart form (`/uploads/products/new`), the same
/// with or without JavaScript, refused the same way as `save_product`.
fn form(existing: Option<i64>, save: ServerAction<SaveProduct>, fields: AnyView) -> AnyView {
    match existing {
        Some(_) => view! { <ActionForm action=save attr:class="article-form">{fields}</ActionForm> }.into_any(),
        None => view! {
            <form method="post" action="/uploads/products/new" enctype="multipart/form-data" class="article-form">
                {fields}
            </form>
        }
        .into_any(),
    }
}

/// Pictures chosen for a new product, saved with it.
#[component]
fn NewPictures() -> impl IntoView {
    let i18n = use_i18n();
    let inputs = (0..GALLERY_SIZE)
        .map(|index| {
            let id = format!("new-picture-{index}");
            view! {
                <div class="field">
                    <label for=id.clone()>{t_string!(i18n, seller.picture_number, n = index + 1).to_string()}</label>
                    <input id=id type="file" name=format!("picture_{index}") accept="image/jpeg,image/png,image/webp" />
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="new-pictures">
            <legend>{t!(i18n, seller.pictures)}</legend>
            <p class="hint">{t!(i18n, seller.pictures_with_product)} " " {t!(i18n, seller.picture_hint)}</p>
            <div class="row">{inputs}</div>
        </fieldset>
    }
}

#[component]
fn PublishBox(
    id: i64,
    status: ProductStatus,
    review_note: Option<String>,
    complete: bool,
    publish: ServerAction<PublishProduct>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (state, next) = match status {
        ProductStatus::Published => (t_string!(i18n, seller.state_published), false),
        ProductStatus::Hidden => (t_string!(i18n, seller.state_hidden), true),
        ProductStatus::Draft => (t_string!(i18n, seller.state_draft), true),
        ProductStatus::InReview => (t_string!(i18n, seller.state_review), false),
    };
    view! {
        <div class="publish-box card">
            <p>
                <strong>{t!(i18n, seller.state)} ": "</strong>
                <span class="badge">{state}</span>
            </p>
            {review_note.map(|note| view! { <p class="error" role="alert">{t!(i18n, seller.review_rejected)} " " {note}</p> })}
            {(next && !complete).then(|| view! { <p class="hint">{t!(i18n, seller.publish_needs_both)}</p> })}
            <ActionForm action=publish>
                <LangField />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="publish" value=next.to_string() />
                <button type="submit" class=if next { "primary" } else { "" }>
                    {if next { t_string!(i18n, seller.publish) } else { t_string!(i18n, seller.unpublish) }}
                </button>
            </ActionForm>
            <ActionError value=publish.value() />
        </div>
    }
}

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
fn ProductSideFields(
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
fn Suggestions(
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
fn VariantRow(index: usize, variant: VariantDraft, product_weight: String) -> impl IntoView {
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
fn PictureUpload(
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
fn Preview(draft: ProductDraft) -> impl IntoView {
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
