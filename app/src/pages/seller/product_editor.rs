//! The bilingual product editor: English and Chinese side by side, each field marked when
//! its text is missing or older than the other side's, glossary terms suggested while
//! typing, variants, pictures, a preview per language, and publishing.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{SellerNav, seller_error};
use crate::api::seller::{
    PublishProduct, SaveProduct, get_glossary, get_product_editor, get_seller_options,
};
use crate::components::{
    ActionError, Feedback, Field, LangField, PageMeta, SelectField, refused_form, use_lang,
};
use crate::i18n::*;
use crate::model::product::GALLERY_SIZE;
mod fields;

use fields::{PictureUpload, Preview, ProductSideFields, Suggestions, VariantRow};

use crate::model::seller::{
    GlossaryTerm, ProductDraft, ProductEditor, ProductStatus, SellerOptions, SideStates,
    VariantDraft,
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
                            seller_error(error)
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
