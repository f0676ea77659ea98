use leptos::prelude::*;

use super::{AdminPage, loaded, param};
use crate::api::admin::{ModerateReview, list_reviews};
use crate::components::{ActionError, LangField, use_lang};
use crate::i18n::*;
use crate::model::admin::AdminReview;

/// The newest reviews; hide one that breaks the rules (it stops showing and counting).
#[component]
pub fn AdminReviewsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let done = param("done");
    let list = Resource::new(move || (lang.get(), done()), |(lang, _)| list_reviews(lang));
    view! {
        <AdminPage title=|i18n| t_string!(i18n, admin.reviews).to_string()>
            {loaded(list, move |reviews: Vec<AdminReview>| {
                if reviews.is_empty() {
                    return view! { <p>{t!(i18n, admin.nothing_here)}</p> }.into_any();
                }
                reviews.into_iter().map(|review| view! { <ReviewCard review /> }).collect_view().into_any()
            })}
        </AdminPage>
    }
}

#[component]
fn ReviewCard(review: AdminReview) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let moderate = ServerAction::<ModerateReview>::new();
    let product = format!(
        "/{}/products/{}",
        lang.get_untracked().code(),
        review.product_slug
    );
    let stars = "★".repeat(review.rating.clamp(0, 5) as usize);
    view! {
        <article class="card review" class:hidden-review=review.hidden>
            <p>
                <a href=product>{review.product_title.clone()}</a>
                " · " <span aria-label=format!("{}/5", review.rating)>{stars}</span>
                " · " {review.author.clone()}
                " · " {crate::model::china_time::minute(review.created_at)}
                {review.hidden.then(|| view! { " · " <span class="badge low">{t!(i18n, admin.hidden)}</span> })}
            </p>
            <blockquote>{review.body.clone()}</blockquote>
            <ActionForm action=moderate attr:class="inline">
                <LangField />
                <input type="hidden" name="id" value=review.id />
                <input type="hidden" name="action" value=if review.hidden { "show" } else { "hide" } />
                <button type="submit">
                    {if review.hidden { t_string!(i18n, admin.show_review) } else { t_string!(i18n, admin.hide_review) }}
                </button>
            </ActionForm>
            <ActionError value=moderate.value() />
        </article>
    }
}
