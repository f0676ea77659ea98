//! The product's reviews and the wishlist button.

use leptos::prelude::*;

use crate::api::reviews::{ToggleWishlist, get_reviews};
use crate::components::{ActionError, use_lang};
use crate::error::AppError;
use crate::i18n::*;
use crate::model::review::{ProductReviews, ReviewView};

/// The product page's reviews: made once by the page, outside its `Suspend`, which the
/// server runs more than once while rendering (each run would fetch the reviews again).
#[derive(Clone, Copy)]
pub struct ReviewsData {
    pub reviews: Resource<Result<ProductReviews, AppError>>,
    pub toggle: ServerAction<ToggleWishlist>,
}

impl ReviewsData {
    /// The reviews of the product whose slug `slug` reads, fetched again after the
    /// wishlist button is used.
    pub fn new(slug: impl Fn() -> String + Send + Sync + 'static) -> ReviewsData {
        let toggle = ServerAction::<ToggleWishlist>::new();
        let reviews = Resource::new(
            move || (slug(), toggle.version().get()),
            |(slug, _)| get_reviews(slug),
        );
        ReviewsData { reviews, toggle }
    }
}

#[component]
pub fn Reviews(slug: String, data: ReviewsData) -> impl IntoView {
    let i18n = use_i18n();
    let ReviewsData { reviews, toggle } = data;
    view! {
        <section class="reviews" aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">{t!(i18n, shop.reviews_heading)}</h2>
            <Suspense fallback=|| ()>
                {move || {
                    let slug = slug.clone();
                    Suspend::new(async move {
                        reviews
                            .await
                            .ok()
                            .map(|data| view! { <ReviewList data slug toggle /> })
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn ReviewList(
    data: ProductReviews,
    slug: String,
    toggle: ServerAction<ToggleWishlist>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let summary = match data.average {
        Some(average) => t_string!(
            i18n,
            shop.rating_summary,
            average = format!("{average:.1}"),
            reviews = t_string!(i18n, shop.review_count, count = data.count).to_string()
        )
        .to_string(),
        None => t_string!(i18n, shop.no_reviews).to_string(),
    };
    let wished = data.wished;
    let needs_sign_in = move || matches!(toggle.value().get(), Some(Err(AppError::SignInRequired)));
    let login = move || format!("/{}/account/login", lang.get().code());
    let items = data
        .reviews
        .into_iter()
        .map(|review| view! { <ReviewItem review /> })
        .collect_view();
    view! {
        <p class="rating-summary">{summary}</p>
        <ActionForm action=toggle attr:class="wishlist">
            <input type="hidden" name="slug" value=slug />
            <button type="submit" aria-pressed=if wished { "true" } else { "false" }>
                {if wished {
                    t!(i18n, shop.wishlist_remove).into_any()
                } else {
                    t!(i18n, shop.wishlist_add).into_any()
                }}
            </button>
        </ActionForm>
        <Show
            when=needs_sign_in
            fallback=move || view! { <ActionError value=toggle.value() /> }
        >
            <p class="notice">
                <a href=login>{t!(i18n, shop.wishlist_sign_in)}</a>
            </p>
        </Show>
        <ul class="review-list">{items}</ul>
    }
}

#[component]
fn ReviewItem(review: ReviewView) -> impl IntoView {
    let stars = format!(
        "{}{}",
        "★".repeat(review.rating as usize),
        "☆".repeat(5 - review.rating as usize)
    );
    let label = format!("{}/5", review.rating);
    view! {
        <li class="review" lang=review.lang.html_tag()>
            <p>
                <span class="stars" role="img" aria-label=label>{stars}</span>
                " "
                <strong>{review.author}</strong>
                " · "
                <time>{crate::model::china_time::minute(review.created_at)}</time>
            </p>
            <p>{review.body}</p>
        </li>
    }
}
