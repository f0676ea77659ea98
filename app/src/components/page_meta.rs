use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_location;

use crate::components::{raw_text, use_lang, use_site};
use crate::model::Lang;

/// Title, description, canonical URL and the reciprocal hreflang links of a page; a page
/// that is `missing` (the not-found page) is kept out of search engines and names no URL.
/// Title and description are plain strings: a page's language never changes in place
/// (switching reloads), and leptos_meta reads them after the page's reactive owners may
/// have been disposed.
#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    /// A picture for sharing (`og:image`), as a path on this site.
    #[prop(optional, into)]
    image: Option<String>,
    #[prop(optional)] missing: bool,
) -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let location = use_location();
    let links = move || {
        if missing {
            return view! { <Meta name="robots" content="noindex" /> }.into_any();
        }
        let origin = site
            .get()
            .and_then(Result::ok)
            .map(|s| s.public_url)
            .unwrap_or_default();
        let path = location.pathname.get();
        let url = |l: Lang| format!("{origin}{}", l.localize_path(&path));
        let og_image = image.clone().map(|image| {
            view! { <Meta property="og:image" content=format!("{origin}{image}") /> }
        });
        view! {
            {og_image}
            <Link rel="canonical" href=url(lang.get()) />
            <Link rel="alternate" hreflang=Lang::En.html_tag() href=url(Lang::En) />
            <Link rel="alternate" hreflang=Lang::Zh.html_tag() href=url(Lang::Zh) />
            <Link rel="alternate" hreflang="x-default" href=url(Lang::default()) />
            <Meta property="og:url" content=url(lang.get()) />
        }
        .into_any()
    };
    view! {
        <Title text=raw_text(title.clone()) />
        <Meta name="description" content=description.clone() />
        <Meta property="og:title" content=title />
        <Meta property="og:description" content=description />
        <Suspense>{links}</Suspense>
    }
}
