use leptos::prelude::*;

use super::not_found::Notice;
use crate::i18n::*;

/// What the installed app shows for a page it cannot fetch without a connection: the
/// service worker keeps this page in each language.
#[component]
pub fn OfflinePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Notice
            title=t_string!(i18n, common.offline_title).to_string()
            body=t_string!(i18n, common.offline_body).to_string()
        />
    }
}
