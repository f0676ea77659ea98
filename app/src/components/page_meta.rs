use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_location;

use crate::components::{use_lang, use_site};
use crate::model::Lang;

/// Title, description, canonical URL and the reciprocal hreflang links of a page.
#[component]
pub fn PageMeta(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let location = use_location();
    let links = move || {
        let origin = site
            .get()
            .and_then(Result::ok)
            .map(|s| s.public_url)
            .unwrap_or_default();
        let path = location.pathname.get();
        let url = move |l: Lang| format!("{origin}{}", l.localize_path(&path));
        view! {
            <Link rel="canonical" href=url(lang.get()) />
            <Link rel="alternate" hreflang=Lang::En.html_tag() href=url(Lang::En) />
            <Link rel="alternate" hreflang=Lang::Zh.html_tag() href=url(Lang::Zh) />
            <Link rel="alternate" hreflang="x-default" href=url(Lang::default()) />
            <Meta property="og:url" content=url(lang.get()) />
        }
    };
    view! {
        <Title text=move || title.get() />
        <Meta name="description" content=move || description.get() />
        <Meta property="og:title" content=move || title.get() />
        <Meta property="og:description" content=move || description.get() />
        <Suspense>{links}</Suspense>
    }
}
