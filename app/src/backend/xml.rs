//! Text written into XML: the sitemap, the Atom feeds, the sales charts and the maps (SVG).
//! One rule for all of them, so that no writer escapes less than another.

/// Escapes text for XML element content and for single- or double-quoted attribute
/// values. Characters XML 1.0 forbids (C0 controls other than tab and line breaks,
/// U+FFFE, U+FFFF) are dropped, so the output is always well-formed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_quotes_are_escaped_and_forbidden_characters_dropped() {
        assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&apos;");
        assert_eq!(escape("a\u{0}b\u{1b}c\td\u{FFFE}"), "abc\td");
        assert_eq!(escape("巴基斯坦馆 · Lahore\n"), "巴基斯坦馆 · Lahore\n");
    }

    #[test]
    fn escaped_text_reads_back_as_written() {
        let text = "Tom & Jerry's <b>\"tea\"</b> 茶";
        assert_eq!(
            quick_xml::escape::unescape(&escape(text)).expect("unescapes"),
            text
        );
        let xml = format!("<t a=\"{0}\" b='{0}'/>", escape(text));
        let mut reader = quick_xml::Reader::from_str(&xml);
        match reader.read_event().expect("a tag") {
            quick_xml::events::Event::Empty(tag) => {
                for attribute in tag.attributes() {
                    let value = attribute
                        .expect("attribute")
                        .unescape_value()
                        .expect("value");
                    assert_eq!(value, text);
                }
            }
            other => panic!("{other:?}"),
        }
    }
}
