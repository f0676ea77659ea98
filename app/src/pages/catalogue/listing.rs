use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::list_products;
use crate::components::{PageMeta, Pager, ProductCard, use_lang};
use crate::i18n::*;
use crate::model::{ListingPage, ListingQuery};
use crate::pages::Loaded;
use crate::pages::catalogue::facets::{ActiveFilters, FacetPanel, SortLinks};

/// The listing state from the URL (and, on a category page, its slug).
fn use_listing_query() -> Memo<ListingQuery> {
    let query = use_query_map();
    let params = use_params_map();
    Memo::new(move |_| {
        let map = query.read();
        let pairs: Vec<(&str, String)> = ListingQuery::KEYS
            .iter()
            .filter_map(|&k| map.get(k).map(|v| (k, v)))
            .collect();
        let mut parsed = ListingQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        if let Some(slug) = params.read().get("slug") {
            parsed.category = ListingQuery::from_pairs([("category", slug.as_str())]).category;
        }
        parsed
    })
}

/// `/{lang}/products?…`: every product, searched, filtered, sorted and paged.
#[component]
pub fn ProductsPage() -> impl IntoView {
    view! { <Listing on_category_page=false /> }
}

/// `/{lang}/categories/{slug}?…`: the listing within one category.
#[component]
pub fn CategoryPage() -> impl IntoView {
    view! { <Listing on_category_page=true /> }
}

#[component]
fn Listing(on_category_page: bool) -> impl IntoView {
    let lang = use_lang();
    let query = use_listing_query();
    let page = Resource::new(
        move || (lang.get(), query.get()),
        |(lang, query)| list_products(lang, query),
    );
    view! {
        <Loaded resource=page let:page>
            {if on_category_page && page.category.is_none() {
                view! { <crate::pages::NotFound /> }.into_any()
            } else {
                view! { <ListingView page on_category_page /> }.into_any()
            }}
        </Loaded>
    }
}

#[component]
fn ListingView(page: ListingPage, on_category_page: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let base = match (&page.category, on_category_page) {
        (Some((slug, _, _)), true) => format!("/{}/categories/{slug}", lang.code()),
        _ => format!("/{}/products", lang.code()),
    };
    let h1 = match (&page.query.q, &page.category) {
        (Some(q), _) => t_string!(i18n, catalogue.results_for, query = q.clone()).to_string(),
        (None, Some((_, name, _))) => name.clone(),
        (None, None) => t_string!(i18n, catalogue.all_goods).to_string(),
    };
    let description = page
        .category
        .as_ref()
        .map(|(_, _, d)| d.clone())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| t_string!(i18n, common.home_description).to_string());
    let title = format!("{h1} | {}", t_string!(i18n, common.site_name));
    let total = page.total;
    let ListingPage {
        query,
        items,
        pages,
        facets,
        category,
        ..
    } = page;
    let intro = category
        .as_ref()
        .map(|(_, _, d)| d.clone())
        .filter(|d| !d.is_empty());
    let grid = if items.is_empty() {
        view! { <p class="empty">{t!(i18n, catalogue.no_results)}</p> }.into_any()
    } else {
        items
            .into_iter()
            .map(|product| view! { <ProductCard product /> })
            .collect_view()
            .into_any()
    };
    view! {
        <PageMeta title description />
        <h1>{h1}</h1>
        {intro.map(|text| view! { <p class="intro">{text}</p> })}
        <div class="listing">
            <FacetPanel base=base.clone() query=query.clone() facets />
            <section class="results" aria-labelledby="results-count">
                <div class="results-bar">
                    // A heading between the page's h1 and the cards' h3s; the count inside
                    // is announced when a filter changes it.
                    <h2 id="results-count" class="results-count">
                        <span role="status">{t!(i18n, catalogue.result_count, count = move || total)}</span>
                    </h2>
                    <SortLinks base=base.clone() query=query.clone() />
                </div>
                <ActiveFilters base=base.clone() query=query.clone() />
                <div class="product-grid">{grid}</div>
                <Pager base query pages />
            </section>
        </div>
    }
    .into_any()
}
