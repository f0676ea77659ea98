use leptos::prelude::*;

use crate::api::articles::{SetHomeStories, list_articles_for_editing};
use crate::api::content::get_home_stories;
use crate::components::{PageMeta, use_lang};
use crate::i18n::*;
use crate::model::article_draft::EditorRow;
use crate::pages::Loaded;
use crate::pages::article_editor::state_name;
use crate::pages::content::section_name;

#[component]
pub fn EditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let rows = Resource::new(|| (), |_| list_articles_for_editing());
    view! {
        <PageMeta
            title=t_string!(i18n, editor.title).to_string()
            description=t_string!(i18n, editor.title).to_string()
        />
        <section class="editor">
            <h1>{t!(i18n, editor.title)}</h1>
            <p>
                <a class="button primary" href=move || format!("/{}/editor/new", lang.get().code())>
                    {t!(i18n, editor.new_article)}
                </a>
            </p>
            <HomeChoices />
            <Loaded resource=rows let:rows>
                <EditorTable rows />
            </Loaded>
        </section>
    }
}

/// The articles with each language's state; in the console (`withdraw`), with a button that
/// takes a published article back to draft.
#[component]
pub(crate) fn EditorTable(rows: Vec<EditorRow>, #[prop(optional)] withdraw: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let code = lang.get_untracked().code();
    let body = rows
        .into_iter()
        .map(|row| {
            let published =
                [row.en, row.zh].contains(&crate::model::article_draft::LangState::Published);
            let id = row.id;
            view! {
                <tr>
                    <td>
                        <a href=format!("/{code}/editor/{}", row.id)>{row.title.clone()}</a>
                        <br />
                        <small>{row.slug.clone()}</small>
                    </td>
                    <td>{section_name(i18n, row.section)}</td>
                    <td>{state_name(i18n, row.en)}</td>
                    <td>{state_name(i18n, row.zh)}</td>
                    {withdraw.then(|| view! {
                        <td>{published.then(|| view! { <WithdrawButton id /> })}</td>
                    })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="editor-table">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, editor.article)}</th>
                    <th scope="col">{t!(i18n, editor.section)}</th>
                    <th scope="col">"English"</th>
                    <th scope="col">"中文"</th>
                    {withdraw.then(|| view! { <th scope="col">{t!(i18n, admin.decision)}</th> })}
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// Which recipe and destination the home page features.
#[component]
fn HomeChoices() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let set = ServerAction::<SetHomeStories>::new();
    let stories = Resource::new(move || lang.get(), get_home_stories);
    let options = |choices: Vec<(String, String)>, chosen: Option<String>| {
        choices
            .into_iter()
            .map(|(slug, title)| {
                let selected = chosen.as_deref() == Some(slug.as_str());
                view! { <option value=slug selected=selected>{title}</option> }
            })
            .collect_view()
    };
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                stories.await.ok().map(|s| {
                    let recipes = options(s.recipes, s.recipe.map(|c| c.slug));
                    let destinations = options(s.destinations, s.destination.map(|c| c.slug));
                    view! {
                        <ActionForm action=set attr:class="row home-choices">
                            <div class="field">
                                <label for="home-recipe">{t!(i18n, content.home_recipe)}</label>
                                <select id="home-recipe" name="recipe">{recipes}</select>
                            </div>
                            <div class="field">
                                <label for="home-destination">{t!(i18n, content.home_destination)}</label>
                                <select id="home-destination" name="destination">{destinations}</select>
                            </div>
                            <button type="submit">{t!(i18n, editor.save)}</button>
                        </ActionForm>
                    }
                })
            })}
        </Suspense>
    }
}

#[component]
fn WithdrawButton(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let withdraw = ServerAction::<crate::api::admin::WithdrawArticle>::new();
    view! {
        <ActionForm action=withdraw attr:class="inline">
            <crate::components::LangField />
            <input type="hidden" name="id" value=id />
            <button type="submit" class="danger">{t!(i18n, admin.withdraw)}</button>
        </ActionForm>
        <crate::components::ActionError value=withdraw.value() />
    }
}
