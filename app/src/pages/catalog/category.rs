use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::get_category_page;
use crate::components::{ErrorMessage, PageMeta, ProductCard, use_lang};
use crate::error::AppError;
use crate::i18n::*;
use crate::model;
use crate::pages::NotFound;

#[component]
pub fn CategoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let params = use_params_map();
    let page = Resource::new(
        move || (lang.get(), params.read().get("slug").unwrap_or_default()),
        |(lang, slug)| get_category_page(lang, slug),
    );
    view! {
        <Suspense fallback=move || view! { <p>{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <CategoryView page /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(error) => view! { <ErrorMessage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CategoryView(page: model::CategoryPage) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let name = page.category.name.clone();
    let title = format!("{} | {}", name, t_string!(i18n, common.site_name));
    let description = page.description.clone();
    let count = page.category.product_count;
    view! {
        <PageMeta title=title description=description.clone() />
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, catalog.breadcrumb_label)>
            <a href=move || format!("/{}/", lang.get().code())>{t!(i18n, common.nav_home)}</a>
            " › "
            <span aria-current="page">{name.clone()}</span>
        </nav>
        <h1>{name}</h1>
        <p>{description}</p>
        <p class="count">{t!(i18n, catalog.category_products, count = move || count)}</p>
        <div class="product-grid">
            {if page.products.is_empty() {
                view! { <p>{t!(i18n, common.no_products)}</p> }.into_any()
            } else {
                page.products
                    .into_iter()
                    .map(|product| view! { <ProductCard product /> })
                    .collect_view()
                    .into_any()
            }}
        </div>
    }
}
