use leptos::prelude::*;

use crate::api::content::get_pavilions;
use crate::components::{PageMeta, use_lang};
use crate::i18n::*;
use crate::model::content::Pavilion;
use crate::pages::Loaded;

/// The offline pavilions in Chinese cities, with a map drawn on the server (no tiles).
#[component]
pub fn PavilionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let page = Resource::new(
        move || lang.get(),
        move |lang| {
            get_pavilions(
                lang,
                t_string!(i18n, content.map_title).to_string(),
                t_string!(i18n, content.map_description).to_string(),
            )
        },
    );
    view! {
        <PageMeta
            title=format!("{} | {}", t_string!(i18n, content.pavilions_title), t_string!(i18n, common.site_name))
            description=t_string!(i18n, content.pavilions_intro).to_string()
        />
        <section class="pavilions">
            <h1>{t!(i18n, content.pavilions_title)}</h1>
            <p class="lead">{t!(i18n, content.pavilions_intro)}</p>
            <Loaded resource=page let:page>
                <figure class="map" inner_html=page.map_svg></figure>
                <div class="pavilion-list">
                    {page.pavilions.into_iter().map(|pavilion| view! { <PavilionCard pavilion /> }).collect_view()}
                </div>
            </Loaded>
        </section>
    }
}

#[component]
fn PavilionCard(pavilion: Pavilion) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="pavilion" id=pavilion.slug.clone()>
            <h2>{pavilion.name}</h2>
            <dl>
                <dt>{t!(i18n, content.address)}</dt>
                <dd>{pavilion.address}</dd>
                <dt>{t!(i18n, content.hours)}</dt>
                <dd>{pavilion.hours}</dd>
                <dt>{t!(i18n, content.phone)}</dt>
                <dd>{pavilion.phone}</dd>
            </dl>
            <div class="prose" inner_html=pavilion.offers_html></div>
        </article>
    }
}
