//! The trade academy (`/{lang}/academy`): guides for traders selling to China.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::academy::{get_guide, list_guides};
use crate::components::{PageMeta, use_lang};
use crate::i18n::*;
use crate::model::academy::{Guide, GuideCard};
use crate::pages::Loaded;

#[component]
pub fn AcademyPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let guides = Resource::new(move || lang.get(), list_guides);
    view! {
        <PageMeta
            title=t_string!(i18n, seller.academy_title).to_string()
            description=t_string!(i18n, seller.academy_lead).to_string()
        />
        <section class="academy">
            <h1>{t!(i18n, seller.academy_title)}</h1>
            <p class="lead">{t!(i18n, seller.academy_lead)}</p>
            <Loaded resource=guides let:guides>
                <ol class="guides">
                    {guides.into_iter().map(|card| view! { <li><GuideLink card /></li> }).collect_view()}
                </ol>
            </Loaded>
        </section>
    }
}

#[component]
fn GuideLink(card: GuideCard) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let minutes = card.minutes;
    view! {
        <article class="card guide-card">
            <h2><a href=move || format!("/{}/academy/{}", lang.get().code(), card.slug)>{card.title.clone()}</a></h2>
            <p>{card.summary.clone()}</p>
            <small>{t!(i18n, content.reading_time, minutes = move || minutes)}</small>
        </article>
    }
}

#[component]
pub fn GuidePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let guide = Resource::new(
        move || (lang.get(), params.read().get("slug").unwrap_or_default()),
        |(lang, slug)| get_guide(lang, slug),
    );
    view! {
        <Loaded resource=guide let:guide>
            <GuideView guide />
        </Loaded>
    }
}

/// A guide, with the way to the one before and the one after.
#[component]
fn GuideView(guide: Guide) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let minutes = guide.card.minutes;
    let code = lang.get_untracked().code();
    let neighbour = |card: Option<GuideCard>, rel: &'static str| {
        card.map(|c| view! { <a rel=rel href=format!("/{code}/academy/{}", c.slug)>{c.title}</a> })
    };
    view! {
        <PageMeta title=guide.card.title.clone() description=guide.card.summary.clone() />
        <article class="article guide">
            <p class="eyebrow"><a href=format!("/{code}/academy")>{t!(i18n, seller.academy_title)}</a></p>
            <h1>{guide.card.title.clone()}</h1>
            <p class="lead">{guide.card.summary.clone()}</p>
            <small>{t!(i18n, content.reading_time, minutes = move || minutes)}</small>
            <div class="prose" inner_html=guide.body_html></div>
            <nav class="row between" aria-label=move || t_string!(i18n, seller.more_guides)>
                <span>{neighbour(guide.previous, "prev")}</span>
                <span>{neighbour(guide.next, "next")}</span>
            </nav>
        </article>
    }
    .into_any()
}
