use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::params::ParamsMap;

use crate::api::get_site_config;
use crate::error::AppError;
use crate::model::{Lang, SiteConfig};

/// The page's language, from the first URL segment (Chinese when it names none).
///
/// Inside a matched route that is the `lang` parameter. The not-found page is drawn outside
/// any route (for a path such as `//x/en/editor`), where there are no parameters to read, so
/// there the path itself is looked at.
pub fn use_lang() -> Memo<Lang> {
    let lang = |code: Option<&str>| code.and_then(Lang::parse).unwrap_or_default();
    match use_context::<ArcMemo<ParamsMap>>() {
        Some(params) => Memo::new(move |_| lang(params.read().get("lang").as_deref())),
        None => {
            let location = use_location();
            Memo::new(move |_| {
                lang(
                    location
                        .pathname
                        .read()
                        .trim_start_matches('/')
                        .split('/')
                        .next(),
                )
            })
        }
    }
}

pub type SiteResource = OnceResource<Result<SiteConfig, AppError>>;

/// Site settings, loaded once per page by `LangLayout` and shared through context.
pub fn use_site() -> SiteResource {
    use_context::<SiteResource>().unwrap_or_else(|| {
        let site = OnceResource::new(get_site_config());
        provide_context(site);
        site
    })
}
