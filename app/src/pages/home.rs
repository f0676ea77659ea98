use leptos::prelude::*;

use crate::api::content::get_home_stories;
use crate::api::get_home;
use crate::components::{PageMeta, ProductCard, use_lang};
use crate::i18n::*;
use crate::model::{CategorySummary, HomeData};
use crate::pages::Loaded;
use crate::pages::content::ArticleCardView;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let home = Resource::new(move || lang.get(), get_home);
    view! {
        <PageMeta
            title=t_string!(i18n, common.home_title).to_string()
            description=t_string!(i18n, common.home_description).to_string()
        />
        <section class="hero">
            <h1>{t!(i18n, common.hero_heading)}</h1>
            <p>{t!(i18n, common.hero_body)}</p>
        </section>
        <Loaded resource=home let:data>
            <HomeSections data />
        </Loaded>
        <HomeStories />
    }
}

/// The pavilion's story beside the goods: a recipe, a destination and exchange news, as
/// editors chose them.
#[component]
fn HomeStories() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let stories = Resource::new(move || lang.get(), get_home_stories);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                stories
                    .await
                    .ok()
                    .map(|stories| {
                        let code = lang.get_untracked().code();
                        let recipe = stories.recipe.map(|article| view! {
                            <div>
                                <h2>{t!(i18n, content.home_recipe)}</h2>
                                <ArticleCardView article />
                            </div>
                        });
                        let destination = stories.destination.map(|article| view! {
                            <div>
                                <h2>{t!(i18n, content.home_destination)}</h2>
                                <ArticleCardView article />
                            </div>
                        });
                        let exchange = stories
                            .exchange
                            .into_iter()
                            .map(|article| view! { <ArticleCardView article /> })
                            .collect_view();
                        view! {
                            <section class="home-stories" aria-label=t_string!(i18n, content.home_recipe)>
                                {recipe}
                                {destination}
                            </section>
                            <section aria-labelledby="exchange-heading">
                                <h2 id="exchange-heading">{t!(i18n, content.home_exchange)}</h2>
                                <div class="article-grid">{exchange}</div>
                                <p>
                                    <a href=format!("/{code}/pavilions")>{t!(i18n, content.nav_pavilions)}</a>
                                </p>
                            </section>
                        }
                    })
            })}
        </Suspense>
    }
}

#[component]
fn HomeSections(data: HomeData) -> impl IntoView {
    let i18n = use_i18n();
    let HomeData {
        categories,
        featured,
    } = data;
    view! {
        <section id="categories" aria-labelledby="categories-heading">
            <h2 id="categories-heading">{t!(i18n, common.categories_heading)}</h2>
            <CategoryList categories=categories.clone() />
        </section>
        <FeaturedGoods categories featured />
    }
}

#[component]
fn CategoryList(categories: Vec<CategorySummary>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <ul class="category-list">
            {categories
                .into_iter()
                .map(|c| {
                    let href = format!("/{}/categories/{}", lang.get_untracked().code(), c.slug);
                    let count = c.product_count;
                    view! {
                        <li>
                            <a href=href>
                                <span class="name">{c.name}</span>
                                <span class="count">
                                    {t!(i18n, catalogue.category_products, count = move || count)}
                                </span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Featured goods with category tabs. Without WebAssembly every product shows and the tabs
/// are inert; once hydrated, a tab narrows the grid to its category in place.
#[component]
fn FeaturedGoods(
    categories: Vec<CategorySummary>,
    featured: Vec<crate::model::ProductCard>,
) -> impl IntoView {
    let i18n = use_i18n();
    let selected = RwSignal::new(None::<String>);
    let featured = StoredValue::new(featured);
    let present: Vec<CategorySummary> = categories
        .into_iter()
        .filter(|c| featured.with_value(|f| f.iter().any(|p| p.category_slug == c.slug)))
        .collect();
    let tab = move |slug: Option<String>, label: AnyView| {
        let is_selected = {
            let slug = slug.clone();
            move || selected.get() == slug
        };
        view! {
            <button
                type="button"
                role="tab"
                aria-selected=move || is_selected().to_string()
                on:click=move |_| selected.set(slug.clone())
            >
                {label}
            </button>
        }
    };
    let shown = move || {
        let current = selected.get();
        featured.with_value(|all| {
            all.iter()
                .filter(|p| current.as_ref().is_none_or(|slug| &p.category_slug == slug))
                .cloned()
                .map(|product| view! { <ProductCard product /> })
                .collect_view()
        })
    };
    view! {
        <section aria-labelledby="featured-heading">
            <h2 id="featured-heading">{t!(i18n, common.featured_heading)}</h2>
            <div class="tabs" role="tablist" aria-label=move || t_string!(i18n, common.filter_label)>
                {tab(None, t!(i18n, common.filter_all).into_any())}
                {present
                    .into_iter()
                    .map(|c| tab(Some(c.slug), c.name.into_any()))
                    .collect_view()}
            </div>
            <div class="product-grid" role="tabpanel">{shown}</div>
        </section>
    }
}
