//! The bilingual product editor: English and Chinese side by side, each field marked when
//! its text is missing or older than the other side's, glossary terms suggested while
//! typing, variants, pictures, a preview per language, and publishing.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{SellerError, SellerNav};
use crate::api::seller::{
    PublishProduct, SaveProduct, get_glossary, get_product_editor, get_seller_options,
};
use crate::components::{ActionError, LangField, PageMeta, raw_text, use_lang};
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
    let draft = editor.draft.clone();
    let existing = draft.id;
    let categories = options
        .categories
        .iter()
        .map(|c| {
            let label = if c.top { c.label.clone() } else { format!("\u{a0}\u{a0}{}", c.label) };
            view! { <option value=c.value.clone() selected=draft.category == c.value>{label}</option> }
        })
        .collect_view();
    let cities = options
        .cities
        .iter()
        .map(|c| view! { <option value=c.value.clone() selected=draft.origin_city == c.value>{c.label.clone()}</option> })
        .collect_view();
    let mut variants = draft.variants.clone();
    if variants.len() < crate::model::seller::MAX_VARIANTS {
        variants.push(VariantDraft::default());
    }
    let variant_rows = variants
        .into_iter()
        .enumerate()
        .map(|(i, v)| view! { <VariantRow index=i variant=v product_weight=draft.weight_g.clone() /> })
        .collect_view();
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
        <ActionForm action=save attr:class="article-form">
            <LangField />
            {existing.map(|id| view! { <input type="hidden" name="draft[id]" value=id /> })}
            <div class="row">
                <div class="field">
                    <label for="slug">{t!(i18n, seller.slug)}</label>
                    <input
                        id="slug"
                        name="draft[slug]"
                        value=draft.slug.clone()
                        required
                        pattern="[a-z0-9][a-z0-9\\-]{1,78}[a-z0-9]"
                        readonly=existing.is_some()
                        aria-describedby="slug-hint"
                    />
                    <small id="slug-hint">{t!(i18n, seller.slug_hint)}</small>
                </div>
                <div class="field">
                    <label for="category">{t!(i18n, seller.category)}</label>
                    <select id="category" name="draft[category]" required>{categories}</select>
                </div>
                <div class="field">
                    <label for="origin_city">{t!(i18n, seller.origin_city)}</label>
                    <select id="origin_city" name="draft[origin_city]" required>{cities}</select>
                </div>
            </div>
            <div class="row">
                <div class="field">
                    <label for="hs_code">{t!(i18n, seller.hs_code)}</label>
                    <input id="hs_code" name="draft[hs_code]" value=draft.hs_code.clone() required aria-describedby="hs-hint" />
                    <small id="hs-hint">
                        {t!(i18n, seller.hs_hint)} " " <a href=tax_guide>{t!(i18n, seller.tax_guide)}</a>
                    </small>
                </div>
                <div class="field">
                    <label for="weight_g">{t!(i18n, seller.weight_g)}</label>
                    <input id="weight_g" name="draft[weight_g]" type="number" min="1" max="100000" value=draft.weight_g.clone() required />
                </div>
            </div>
            <div class="side-by-side">
                <ProductSideFields code="en" label="English" side=draft.en.clone() states=editor.en text=en_text />
                <ProductSideFields code="zh" label="中文" side=draft.zh.clone() states=editor.zh text=zh_text />
            </div>
            <Suggestions terms en_text zh_text />
            <fieldset class="variants">
                <legend>{t!(i18n, seller.variants)}</legend>
                <p class="hint">
                    {t!(i18n, seller.price_hint)} " " <a href=tax_guide>{t!(i18n, seller.tax_guide)}</a>
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
                    <tbody>{variant_rows}</tbody>
                </table>
            </fieldset>
            <ActionError value=save.value() />
            <button type="submit" class="primary">{t!(i18n, seller.save)}</button>
        </ActionForm>
        {pictures}
        {preview}
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
    view! {
        <fieldset lang=code>
            <legend>{label}</legend>
            <div class="field">
                <label for=format!("{code}-title")>
                    {t!(i18n, seller.field_title)} " (" {label} ") " {marker(i18n, states.title)}
                </label>
                <input
                    id=format!("{code}-title")
                    name=format!("draft[{code}][title]")
                    value=side.title.clone()
                    maxlength="120"
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
    let existing = variant.id.is_some();
    view! {
        <tr>
            <td>
                {variant.id.map(|id| view! { <input type="hidden" name=name("id") value=id /> })}
                <input name=name("sku") value=variant.sku.clone() maxlength="40" aria-label=move || t_string!(i18n, seller.sku) />
            </td>
            <td><input name=name("label_en") value=variant.label_en.clone() lang="en" aria-label=move || t_string!(i18n, seller.variant_en) /></td>
            <td><input name=name("label_zh") value=variant.label_zh.clone() lang="zh" aria-label=move || t_string!(i18n, seller.variant_zh) /></td>
            <td><input name=name("price") value=variant.price.clone() inputmode="decimal" size="8" aria-label=move || t_string!(i18n, seller.price_cny) /></td>
            <td><input name=name("weight_g") value=variant.weight_g.clone() type="number" min="1" max="100000" size="7" placeholder=product_weight aria-label=move || t_string!(i18n, seller.variant_weight_g) /></td>
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
    let lang = use_lang();
    let progress = RwSignal::new(None::<f64>);
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
            <form
                method="post"
                action="/uploads/products"
                enctype="multipart/form-data"
                class="upload"
                on:submit=move |ev| crate::pages::seller::upload::with_progress(ev, progress)
            >
                <input type="hidden" name="lang" value=move || lang.get().code() />
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
                {move || progress.get().map(|p| view! {
                    <progress max="100" value=p aria-label=move || t_string!(i18n, seller.uploading)>{format!("{p:.0}%")}</progress>
                })}
            </form>
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
