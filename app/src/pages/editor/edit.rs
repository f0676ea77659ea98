use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::editor::{SaveArticle, get_article_draft};
use crate::components::{ActionError, ErrorMessage, LangField, PageMeta, raw_text};
use crate::error::AppError;
use crate::i18n::*;
use crate::model::content::Section;
use crate::model::editor::{ArticleDraft, DraftSide};
use crate::pages::account::SignInFirst;
use crate::pages::content::section_name;

#[component]
pub fn NewArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageMeta
            title=t_string!(i18n, editor.new_article).to_string()
            description=t_string!(i18n, editor.new_article).to_string()
        />
        <ArticleForm draft=ArticleDraft::default() />
    }
}

#[component]
pub fn EditArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let draft = Resource::new(
        move || {
            params
                .read()
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or(-1)
        },
        get_article_draft,
    );
    view! {
        <PageMeta
            title=t_string!(i18n, editor.edit_article).to_string()
            description=t_string!(i18n, editor.edit_article).to_string()
        />
        <Suspense fallback=move || view! { <p>{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match draft.await {
                    Ok(draft) => view! { <ArticleForm draft /> }.into_any(),
                    Err(AppError::SignInRequired) => view! { <SignInFirst /> }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Both languages side by side; each says whether it is missing, and shows the saved text
/// as readers will see it.
#[component]
fn ArticleForm(draft: ArticleDraft) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let save = ServerAction::<SaveArticle>::new();
    let saved = query.read_untracked().get("saved").is_some();
    let uploaded = query.read_untracked().get("uploaded");
    let upload_error = query.read_untracked().get("upload_error").is_some();
    let sections = Section::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.code() selected=draft.section == s.code()>
                    {section_name(i18n, s)}
                </option>
            }
        })
        .collect_view();
    let heading = if draft.id.is_some() {
        t_string!(i18n, editor.edit_article)
    } else {
        t_string!(i18n, editor.new_article)
    };
    view! {
        <section class="editor">
            <h1>{heading}</h1>
            {saved.then(|| view! { <p class="notice" role="status">{t!(i18n, editor.saved)}</p> })}
            <UploadForm uploaded upload_error />
            <ActionForm action=save attr:class="article-form">
                <LangField />
                {draft.id.map(|id| view! { <input type="hidden" name="draft[id]" value=id /> })}
                <div class="row">
                    <div class="field">
                        <label for="slug">{t!(i18n, editor.slug)}</label>
                        <input id="slug" name="draft[slug]" value=draft.slug.clone() required pattern="[a-z0-9\\-]{3,80}" />
                    </div>
                    <div class="field">
                        <label for="section">{t!(i18n, editor.section)}</label>
                        <select id="section" name="draft[section]">{sections}</select>
                    </div>
                    <div class="field">
                        <label for="cover">{t!(i18n, editor.cover)}</label>
                        <input id="cover" name="draft[cover]" value=draft.cover.clone() />
                    </div>
                    <div class="field">
                        <label for="publish_at">{t!(i18n, editor.publish_at)}</label>
                        <input
                            id="publish_at"
                            type="datetime-local"
                            name="draft[publish_at]"
                            value=draft.publish_at.clone().unwrap_or_default()
                        />
                        <small>{t!(i18n, editor.publish_hint)}</small>
                    </div>
                </div>
                <div class="side-by-side">
                    <LanguageSide code="en" label="English" side=draft.en.clone() />
                    <LanguageSide code="zh" label="中文" side=draft.zh.clone() />
                </div>
                <ActionError value=save.value() />
                <button type="submit" class="primary">{t!(i18n, editor.save)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn LanguageSide(code: &'static str, label: &'static str, side: DraftSide) -> impl IntoView {
    let i18n = use_i18n();
    let missing = side.title.is_empty() && side.body.is_empty();
    let preview = (!side.preview_html.is_empty()).then(|| {
        view! {
            <details class="preview" open>
                <summary>{t!(i18n, editor.preview)} " · " {label}</summary>
                <div class="prose" inner_html=side.preview_html.clone()></div>
            </details>
        }
    });
    view! {
        <fieldset lang=code>
            <legend>
                {label}
                {missing.then(|| view! { " · " <span class="badge sold-out">{t!(i18n, editor.state_missing)}</span> })}
            </legend>
            <div class="field">
                <label for=format!("{code}-title")>{t!(i18n, editor.field_title)} " (" {label} ")"</label>
                <input id=format!("{code}-title") name=format!("draft[{code}][title]") value=side.title.clone() />
            </div>
            <div class="field">
                <label for=format!("{code}-summary")>{t!(i18n, editor.field_summary)} " (" {label} ")"</label>
                <textarea id=format!("{code}-summary") name=format!("draft[{code}][summary]") rows="2">
                    {raw_text(side.summary.clone())}
                </textarea>
            </div>
            <div class="field">
                <label for=format!("{code}-body")>{t!(i18n, editor.field_body)} " (" {label} ")"</label>
                <textarea id=format!("{code}-body") name=format!("draft[{code}][body]") rows="16">
                    {raw_text(side.body.clone())}
                </textarea>
            </div>
            {preview}
        </fieldset>
    }
}

/// Upload a picture; the page then offers the Markdown that shows it.
#[component]
fn UploadForm(uploaded: Option<String>, upload_error: bool) -> impl IntoView {
    let i18n = use_i18n();
    let snippet = uploaded
        .filter(|path| path.starts_with("/media/uploads/"))
        .map(|path| {
            let markdown = format!("![]({path})");
            view! {
                <p class="notice" role="status">
                    {t!(i18n, editor.uploaded)} " " <code>{markdown}</code>
                </p>
            }
        });
    view! {
        <form method="post" action="/uploads/images" enctype="multipart/form-data" class="upload row">
            <label for="upload-image">{t!(i18n, editor.upload_label)}</label>
            <input id="upload-image" type="file" name="image" accept="image/*" required />
            <button type="submit">{t!(i18n, editor.upload)}</button>
        </form>
        {snippet}
        {upload_error.then(|| view! { <p class="error" role="alert">{t!(i18n, editor.upload_refused)}</p> })}
    }
}
