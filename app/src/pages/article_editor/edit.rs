use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::articles::{SaveArticle, get_article_draft};
use crate::components::{ActionError, Feedback, Field, LangField, PageMeta, SelectField, TextArea};
use crate::i18n::*;
use crate::model::article_draft::{ArticleDraft, DraftSide};
use crate::model::content::Section;
use crate::pages::Loaded;
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
        <Loaded resource=draft let:draft>
            <ArticleForm draft />
        </Loaded>
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
    let sections: Vec<(String, String)> = Section::ALL
        .into_iter()
        .map(|s| (s.code().to_owned(), section_name(i18n, s).to_string()))
        .collect();
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
                <Feedback value=save.value()>
                    <LangField />
                    {draft.id.map(|id| view! { <input type="hidden" name="draft[id]" value=id /> })}
                    <div class="row">
                        <Field
                            label=t_string!(i18n, editor.slug).to_string()
                            name="draft[slug]"
                            value=draft.slug.clone()
                            pattern="[a-z0-9\\-]{3,80}"
                        />
                        <SelectField
                            label=t_string!(i18n, editor.section).to_string()
                            name="draft[section]"
                            options=sections
                            chosen=draft.section.clone()
                        />
                        <Field
                            label=t_string!(i18n, editor.cover).to_string()
                            name="draft[cover]"
                            value=draft.cover.clone()
                            required=false
                        />
                        <Field
                            label=t_string!(i18n, editor.publish_at).to_string()
                            name="draft[publish_at]"
                            kind="datetime-local"
                            value=draft.publish_at.clone().unwrap_or_default()
                            required=false
                            hint=t_string!(i18n, editor.publish_hint).to_string()
                        />
                    </div>
                    <div class="side-by-side">
                        <LanguageSide code="en" label="English" side=draft.en.clone() />
                        <LanguageSide code="zh" label="中文" side=draft.zh.clone() />
                    </div>
                    <ActionError value=save.value() />
                    <button type="submit" class="primary">{t!(i18n, editor.save)}</button>
                </Feedback>
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
            <Field
                label=format!("{} ({label})", t_string!(i18n, editor.field_title))
                name=format!("draft[{code}][title]")
                value=side.title.clone()
                required=false
            />
            <TextArea
                label=format!("{} ({label})", t_string!(i18n, editor.field_summary))
                name=format!("draft[{code}][summary]")
                value=side.summary.clone()
                rows=2
                required=false
            />
            <TextArea
                label=format!("{} ({label})", t_string!(i18n, editor.field_body))
                name=format!("draft[{code}][body]")
                value=side.body.clone()
                rows=16
                required=false
            />
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
