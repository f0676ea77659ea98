use leptos::prelude::*;
use leptos_meta::Link;

use crate::api::content::list_section;
use crate::components::{PageMeta, use_lang};
use crate::i18n::*;
use crate::model::content::Section;
use crate::pages::Loaded;
use crate::pages::content::{ArticleCardView, section_name};

#[component]
pub fn CulturePage() -> impl IntoView {
    view! { <SectionPage section=Section::Culture /> }
}

#[component]
pub fn CuisinePage() -> impl IntoView {
    view! { <SectionPage section=Section::Cuisine /> }
}

#[component]
pub fn TourismPage() -> impl IntoView {
    view! { <SectionPage section=Section::Tourism /> }
}

#[component]
pub fn ExchangePage() -> impl IntoView {
    view! { <SectionPage section=Section::Exchange /> }
}

/// A section: its articles, newest first, and its Atom feed.
#[component]
fn SectionPage(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let articles = Resource::new(move || lang.get(), move |lang| list_section(lang, section));
    let name = section_name(i18n, section);
    let intro = match section {
        Section::Culture => t_string!(i18n, content.culture_intro),
        Section::Cuisine => t_string!(i18n, content.cuisine_intro),
        Section::Tourism => t_string!(i18n, content.tourism_intro),
        Section::Exchange => t_string!(i18n, content.exchange_intro),
    };
    let feed = format!(
        "/feeds/{}/{}.xml",
        lang.get_untracked().code(),
        section.code()
    );
    let title = format!("{name} | {}", t_string!(i18n, common.site_name));
    view! {
        <PageMeta title=title description=intro.to_string() />
        <Link rel="alternate" type_="application/atom+xml" href=feed.clone() title=name.clone() />
        <section class="content-section">
            <h1>{name}</h1>
            <p class="lead">{intro}</p>
            <p>
                <a href=feed>{t!(i18n, content.feed_link)}</a>
            </p>
            <Loaded resource=articles let:list>
                <div class="article-grid">
                    {list.into_iter().map(|article| view! { <ArticleCardView article /> }).collect_view()}
                </div>
            </Loaded>
        </section>
    }
}
