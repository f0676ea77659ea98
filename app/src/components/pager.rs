use leptos::prelude::*;

use crate::i18n::*;
use crate::model::ListingQuery;

/// Previous / numbered / next links; each is a plain, crawlable URL.
#[component]
pub fn Pager(#[prop(into)] base: String, query: ListingQuery, pages: u32) -> impl IntoView {
    let i18n = use_i18n();
    if pages <= 1 {
        return ().into_any();
    }
    let current = query.page;
    let href = move |page: u32| {
        let mut q = query.clone();
        q.page = page;
        let qs = q.to_query_string();
        if qs.is_empty() {
            base.clone()
        } else {
            format!("{base}?{qs}")
        }
    };
    let first = current.saturating_sub(2).max(1);
    let last = (first + 4).min(pages);
    let numbers = (first..=last)
        .map(|page| {
            if page == current {
                view! { <span aria-current="page">{page}</span> }.into_any()
            } else {
                view! { <a href=href(page)>{page}</a> }.into_any()
            }
        })
        .collect_view();
    view! {
        <nav class="pager" aria-label=move || t_string!(i18n, catalogue.pages_label)>
            {(current > 1)
                .then(|| view! { <a href=href(current - 1) rel="prev">{t!(i18n, catalogue.previous)}</a> })}
            {numbers}
            {(current < pages)
                .then(|| view! { <a href=href(current + 1) rel="next">{t!(i18n, catalogue.next)}</a> })}
        </nav>
    }
    .into_any()
}
