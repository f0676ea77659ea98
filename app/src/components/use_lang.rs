use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::get_site_config;
use crate::error::AppError;
use crate::model::{Lang, SiteConfig};

/// The page's language, from the first URL segment (Chinese when it names none).
pub fn use_lang() -> Memo<Lang> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("lang")
            .and_then(|code| Lang::parse(&code))
            .unwrap_or_default()
    })
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
