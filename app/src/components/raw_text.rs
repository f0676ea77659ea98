/// Text for the content of `<title>` and `<textarea>`.
///
/// The server renderer writes the children of those elements as they are (tachys marks
/// `textarea` as not escaping its children, and leptos_meta copies the title into the head
/// verbatim), so a `</title>` or `</textarea>` in user text would end the element and let
/// the rest be read as markup. On the server the text is escaped here; in the browser the
/// same text is set through the DOM, which needs no escaping.
pub fn raw_text(text: String) -> String {
    #[cfg(feature = "ssr")]
    {
        match html_escape::encode_text(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(escaped) => escaped,
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        text
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::raw_text;

    #[test]
    fn markup_in_user_text_cannot_end_the_element() {
        for text in [
            "</title><b>x</b>",
            "</textarea><script>alert(1)</script>",
            "R</title><meta http-equiv=refresh content=\"0;url=//evil.example/\">",
        ] {
            let escaped = raw_text(text.to_owned());
            assert!(!escaped.contains('<'), "{escaped}");
        }
        assert_eq!(raw_text("Mango & 芒果".to_owned()), "Mango &amp; 芒果");
        assert_eq!(raw_text("plain".to_owned()), "plain");
    }
}
