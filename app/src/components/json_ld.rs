use leptos::prelude::*;

/// Structured data for search engines. `</` is escaped so the JSON cannot end the script.
#[component]
pub fn JsonLd(value: serde_json::Value) -> impl IntoView {
    let json = value.to_string().replace("</", "<\\/");
    view! { <script type="application/ld+json" inner_html=json></script> }
}
