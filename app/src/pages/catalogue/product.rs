use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::get_product;
use crate::components::{PageMeta, Picture, ProductCard, use_lang};
use crate::i18n::*;
use crate::model::ProductPage as Page;
use crate::pages::Loaded;
use crate::pages::catalogue::buy_box::BuyBox;
use crate::pages::catalogue::reviews::{Reviews, ReviewsData};
use crate::pages::catalogue::structured_data::product_json_ld;

#[component]
pub fn ProductPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let page = Resource::new(
        move || (lang.get(), params.read().get("slug").unwrap_or_default()),
        |(lang, slug)| get_product(lang, slug),
    );
    let reviews = ReviewsData::new(move || params.read().get("slug").unwrap_or_default());
    view! {
        <Loaded resource=page let:page>
            <ProductView page reviews />
        </Loaded>
    }
}

#[component]
fn ProductView(page: Page, reviews: ReviewsData) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let query = use_query_map();
    let chosen_sku = query.read_untracked().get("variant");
    let code = lang.code();
    let title = format!("{} | {}", page.title, t_string!(i18n, common.site_name));
    let crumbs = page
        .categories
        .iter()
        .map(|c| {
            view! {
                " › "
                <a href=format!("/{code}/categories/{}", c.slug)>{c.name.clone()}</a>
            }
        })
        .collect_view();
    let gallery = (0..page.gallery)
        .map(|index| {
            view! {
                <li>
                    <Picture
                        slug=page.slug.clone()
                        index
                        alt=format!("{} ({})", page.title, index + 1)
                        sizes="(min-width: 720px) 480px, 100vw"
                        eager=index == 0
                    />
                </li>
            }
        })
        .collect_view();
    let related = page
        .related
        .iter()
        .cloned()
        .map(|product| view! { <ProductCard product /> })
        .collect_view();
    let site = crate::components::use_site();
    let json_ld = {
        let page = page.clone();
        let home = t_string!(i18n, common.site_name).to_string();
        move || {
            site.get().and_then(Result::ok).map(|site| {
                view! {
                    <crate::components::JsonLd value=product_json_ld(&page, lang, &site.public_url, &home) />
                }
            })
        }
    };
    view! {
        <PageMeta
            title
            description=page.summary.clone()
            image=crate::model::product::picture_url(&page.slug, 0, 960)
        />
        <Suspense>{json_ld}</Suspense>
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, catalogue.breadcrumb_label)>
            <a href=format!("/{code}/")>{t!(i18n, common.nav_home)}</a>
            {crumbs}
        </nav>
        <div class="product">
            <ul class="gallery" aria-label=move || t_string!(i18n, catalogue.gallery_label)>
                {gallery}
            </ul>
            <BuyBox page=page.clone() chosen_sku />
        </div>
        <section class="description" aria-labelledby="description-heading">
            <h2 id="description-heading">{t!(i18n, catalogue.description_heading)}</h2>
            <p>{page.description.clone()}</p>
        </section>
        <Reviews slug=page.slug.clone() data=reviews />
        {(!page.related.is_empty())
            .then(|| {
                view! {
                    <section aria-labelledby="related-heading">
                        <h2 id="related-heading">{t!(i18n, catalogue.related_heading)}</h2>
                        <div class="product-grid">{related}</div>
                    </section>
                }
            })}
    }
    .into_any()
}
