use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::*;
use crate::model::content::ArticleCard;

/// An article in a list: cover, title, summary, date and reading time.
#[component]
pub fn ArticleCardView(article: ArticleCard) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let href = format!("/{}/articles/{}", lang.get_untracked().code(), article.slug);
    let minutes = article.reading_minutes;
    view! {
        <article class="article-card">
            <img src=article.cover.clone() alt="" width="320" height="240" loading="lazy" />
            <h3>
                <a href=href>{article.title.clone()}</a>
            </h3>
            <p>{article.summary.clone()}</p>
            <p class="meta">
                <time datetime=article.published_on.clone()>{article.published_on.clone()}</time>
                " · "
                {t!(i18n, content.reading_time, minutes = minutes)}
            </p>
        </article>
    }
}
