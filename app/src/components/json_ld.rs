use leptos::prelude::*;

/// Structured data for search engines: a data block, which browsers never run (nor ask the
/// page's script policy about). Every `<` is escaped, so no text in it can end the element
/// (`</script>`) or make the parser look for a second end tag (`<!--<script>`).
#[component]
pub fn JsonLd(value: serde_json::Value) -> impl IntoView {
    view! { <script type="application/ld+json" inner_html=data_block(&value)></script> }
}

/// `<` only appears inside JSON strings, where `\u003c` means the same.
fn data_block(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::data_block;

    #[test]
    fn text_in_structured_data_cannot_close_or_open_a_script() {
        let value = serde_json::json!({ "name": "mango </script><!--<script>alert(1)" });
        let block = data_block(&value);
        assert!(!block.contains('<'), "{block}");
        let back: serde_json::Value = serde_json::from_str(&block).expect("still JSON");
        assert_eq!(back, value);
    }
}
