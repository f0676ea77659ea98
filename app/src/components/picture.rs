use leptos::prelude::*;

use crate::model::product::{picture_srcset, picture_url};

/// A product picture with responsive thumbnails; lazy unless `eager` (above the fold).
#[component]
pub fn Picture(
    #[prop(into)] slug: String,
    index: u8,
    #[prop(into)] alt: String,
    #[prop(into)] sizes: String,
    #[prop(optional)] eager: bool,
) -> impl IntoView {
    view! {
        <img
            src=picture_url(&slug, index, 480)
            srcset=picture_srcset(&slug, index)
            sizes=sizes
            alt=alt
            width="480"
            height="360"
            loading=if eager { "eager" } else { "lazy" }
            fetchpriority=if eager { "high" } else { "auto" }
            decoding="async"
        />
    }
}
