use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde_json::{Value, json};

use crate::api::content::get_article;
use crate::components::{JsonLd, PageMeta, ProductCard, use_lang, use_site};
use crate::i18n::*;
use crate::model::Lang;
use crate::model::content::{ArticlePage as Page, Destination};
use crate::pages::Loaded;
use crate::pages::content::recipe::RecipeBlock;
use crate::pages::content::{ArticleCardView, section_name};

/// One article: a story, a recipe or a destination guide, with related reading and goods.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let page = Resource::new(
        move || (lang.get(), params.read().get("slug").unwrap_or_default()),
        |(lang, slug)| get_article(lang, slug),
    );
    view! {
        <Loaded resource=page let:page>
            <ArticleView page />
        </Loaded>
    }
}

#[component]
fn ArticleView(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let code = lang.code();
    let card = page.card.clone();
    let section = card.section;
    let title = format!("{} | {}", card.title, t_string!(i18n, common.site_name));
    let site = use_site();
    let json_ld = {
        let page = page.clone();
        move || {
            site.get().and_then(Result::ok).map(
                |site| view! { <JsonLd value=structured_data(&page, lang, &site.public_url) /> },
            )
        }
    };
    let products = page
        .products
        .iter()
        .cloned()
        .map(|product| view! { <ProductCard product /> })
        .collect_view();
    let related = page
        .related
        .iter()
        .cloned()
        .map(|article| view! { <ArticleCardView article /> })
        .collect_view();
    view! {
        <PageMeta
            title=title
            description=card.summary.clone()
            image=format!("/media/articles/{}.jpg", card.slug)
        />
        <Suspense>{json_ld}</Suspense>
        <article class="article">
            <p class="breadcrumb">
                <a href=format!("/{code}/{}", section.code())>{section_name(i18n, section)}</a>
            </p>
            <h1>{card.title.clone()}</h1>
            <p class="meta">
                <time datetime=card.published_on.clone()>{card.published_on.clone()}</time>
                " · "
                {t!(i18n, content.reading_time, minutes = card.reading_minutes)}
            </p>
            <img class="cover" src=card.cover.clone() alt="" width="960" height="720" />
            <p class="lead">{card.summary.clone()}</p>
            {page.recipe.clone().map(|recipe| view! { <RecipeBlock recipe slug=card.slug.clone() /> })}
            <div class="prose" inner_html=page.body_html.clone()></div>
            {page.destination.clone().map(|destination| view! { <DestinationFacts destination /> })}
        </article>
        {(!page.products.is_empty())
            .then(|| {
                view! {
                    <section aria-labelledby="goods-heading">
                        <h2 id="goods-heading">{t!(i18n, content.related_goods)}</h2>
                        <div class="product-grid">{products}</div>
                    </section>
                }
            })}
        {(!page.related.is_empty())
            .then(|| {
                view! {
                    <section aria-labelledby="more-heading">
                        <h2 id="more-heading">{t!(i18n, content.related_reading)}</h2>
                        <div class="article-grid">{related}</div>
                    </section>
                }
            })}
    }
}

#[component]
fn DestinationFacts(destination: Destination) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <dl class="destination-facts">
            <dt>{t!(i18n, content.best_season)}</dt>
            <dd>{destination.best_season}</dd>
            <dt>{t!(i18n, content.getting_there)}</dt>
            <dd>{destination.getting_there}</dd>
            <dt>{t!(i18n, content.visa_notes)}</dt>
            <dd>{destination.visa_notes}</dd>
        </dl>
    }
}

/// JSON-LD: `Recipe` (ingredients, times, yield) for recipes, `Article` for the rest.
fn structured_data(page: &Page, lang: Lang, origin: &str) -> Value {
    let card = &page.card;
    let url = format!("{origin}/{}/articles/{}", lang.code(), card.slug);
    let image = format!("{origin}{}", card.cover);
    match &page.recipe {
        Some(recipe) => json!({
            "@context": "https://schema.org",
            "@type": "Recipe",
            "name": card.title,
            "description": card.summary,
            "image": [image],
            "url": url,
            "inLanguage": lang.html_tag(),
            "datePublished": card.published_on,
            "recipeYield": recipe.servings.to_string(),
            "prepTime": format!("PT{}M", recipe.prep_minutes),
            "cookTime": format!("PT{}M", recipe.cook_minutes),
            "totalTime": format!("PT{}M", recipe.prep_minutes + recipe.cook_minutes),
            "recipeCuisine": "Pakistani",
            "recipeIngredient": recipe
                .ingredients
                .iter()
                .map(|i| format!("{} {}", i.quantity, i.name))
                .collect::<Vec<_>>(),
            "recipeInstructions": recipe
                .steps
                .iter()
                .map(|s| json!({ "@type": "HowToStep", "text": s }))
                .collect::<Vec<_>>(),
        }),
        None => json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": card.title,
            "description": card.summary,
            "image": [image],
            "url": url,
            "inLanguage": lang.html_tag(),
            "datePublished": card.published_on,
            "publisher": { "@type": "Organization", "name": "Pakistan Pavilion" },
        }),
    }
}
