//! Markdown → safe HTML for editorial content (articles, product stories).
//!
//! Markdown is rendered with `pulldown-cmark` (tables + strikethrough) and the
//! result, including any raw HTML the author wrote, is sanitised with an
//! allow-list `ammonia` policy: no scripts, styles, event handlers, embeds,
//! forms or SVG, and only `http`, `https`, `mailto` and relative URLs
//! (images: `http`, `https` and relative only). Also provides a reading-time
//! estimate and a plain-text summary for cards, meta descriptions and feeds.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, Url};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Elements kept in rendered output; everything else is unwrapped (text kept)
/// or, for [`DROPPED_WITH_CONTENT`], removed together with its content.
const ALLOWED_TAGS: &str = "h1 h2 h3 h4 h5 h6 p ul ol li blockquote code pre em strong del b i sub sup \
    table caption thead tbody tfoot tr th td hr br img a";

/// Elements removed together with everything inside them.
const DROPPED_WITH_CONTENT: &str = "script style iframe object embed form svg math noscript \
    template textarea select button frameset noembed xmp";

const LINK_REL: &str = "noopener noreferrer nofollow";

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let tag_attributes: HashMap<&str, HashSet<&str>> = HashMap::from([
        ("a", HashSet::from(["href", "title"])),
        (
            "img",
            HashSet::from(["src", "alt", "title", "width", "height"]),
        ),
        ("ol", HashSet::from(["start"])),
        ("code", HashSet::from(["class"])),
        ("th", HashSet::from(["align"])),
        ("td", HashSet::from(["align"])),
    ]);
    let mut builder = Builder::empty();
    builder
        .tags(ALLOWED_TAGS.split_whitespace().collect())
        .clean_content_tags(DROPPED_WITH_CONTENT.split_whitespace().collect())
        .tag_attributes(tag_attributes)
        .generic_attributes(HashSet::new())
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some(LINK_REL))
        .strip_comments(true)
        .attribute_filter(filter_attribute);
    builder
});

/// Second-pass checks on attributes that passed the allow-list.
fn filter_attribute<'u>(
    element: &str,
    attribute: &str,
    value: &'u str,
) -> Option<std::borrow::Cow<'u, str>> {
    let keep = match (element, attribute) {
        // Images may only load over http(s) or from a relative path (no mailto:).
        ("img", "src") => match Url::parse(value.trim()) {
            Ok(url) => matches!(url.scheme(), "http" | "https"),
            Err(_) => true, // ammonia already accepted it, so it is a relative URL
        },
        ("img", "width" | "height") => {
            !value.is_empty() && value.len() <= 5 && value.bytes().all(|b| b.is_ascii_digit())
        }
        ("ol", "start") => {
            !value.is_empty() && value.len() <= 9 && value.bytes().all(|b| b.is_ascii_digit())
        }
        ("code", "class") => value.strip_prefix("language-").is_some_and(|lang| {
            !lang.is_empty()
                && lang.len() <= 32
                && lang
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'#'))
        }),
        ("th" | "td", "align") => matches!(value, "left" | "center" | "right"),
        _ => true,
    };
    keep.then_some(std::borrow::Cow::Borrowed(value))
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Renders Markdown to sanitised HTML that is safe to inject into a page.
pub fn render(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, parser_options()));
    // pulldown-cmark expresses table alignment with `style`, which we never
    // allow; translate its exact output to the harmless `align` attribute.
    let html = html
        .replace(" style=\"text-align: left\">", " align=\"left\">")
        .replace(" style=\"text-align: center\">", " align=\"center\">")
        .replace(" style=\"text-align: right\">", " align=\"right\">");
    SANITIZER.clean(&html).to_string()
}

/// The readable text of a Markdown document: no markup, raw HTML or image alt
/// text, and raw HTML *blocks* are skipped whole (inline tags are dropped but
/// their text kept); block boundaries become spaces. Whitespace not collapsed.
fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    let mut image_depth = 0usize;
    for event in Parser::new_ext(markdown, parser_options()) {
        match event {
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::Rule => text.push(' '),
            Event::End(end) if !is_inline(end) => text.push(' '),
            _ => {}
        }
    }
    text
}

fn is_inline(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Whether `c` is a Han (CJK ideograph) character.
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}

/// Estimated reading time in whole minutes (at least 1).
///
/// English: about 220 words per minute. Chinese (`chinese = true`): about 400
/// Han characters per minute, plus any Latin words (brand names, numbers) at
/// the English rate. Counts only readable text, not Markdown syntax or URLs.
pub fn reading_minutes(markdown: &str, chinese: bool) -> u32 {
    let text = plain_text(markdown);
    let (han, words) = if chinese {
        let han = text.chars().filter(|&c| is_han(c)).count();
        let words = text
            .split(|c: char| !c.is_alphanumeric() || is_han(c))
            .filter(|w| !w.is_empty())
            .count();
        (han, words)
    } else {
        let words = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        (0, words)
    };
    let minutes = han as f64 / 400.0 + words as f64 / 220.0;
    // Rounded to the nearest minute; the float → int `as` cast saturates.
    (minutes.round() as u32).max(1)
}

/// Plain-text summary of at most `max_chars` characters (Unicode scalar
/// values), whitespace collapsed. When the text is cut it ends with "…"
/// (counted in `max_chars`).
pub fn plain_summary(markdown: &str, max_chars: usize) -> String {
    let collapsed = plain_text(markdown)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if collapsed.chars().count() <= max_chars {
        return collapsed;
    }
    if max_chars == 0 {
        return String::new();
    }
    let mut cut: String = collapsed.chars().take(max_chars - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_clean(html: &str) {
        let lower = html.to_ascii_lowercase();
        let banned = "<script <style <iframe <object <embed <form <input <svg javascript: vbscript: \
                      data: onerror onclick onload style=";
        for bad in banned.split_whitespace() {
            assert!(!lower.contains(bad), "{bad:?} survived in {html:?}");
        }
    }

    #[test]
    fn a_script_tag_does_not_survive() {
        let html = render("Hello\n\n<script>alert('x')</script>\n\nworld");
        assert_clean(&html);
        assert!(!html.contains("alert"), "script content kept: {html}");
        assert!(html.contains("<p>Hello</p>") && html.contains("<p>world</p>"));
    }

    #[test]
    fn an_image_onerror_handler_is_removed() {
        let html = render("<img src=x onerror=alert(1)>");
        assert_clean(&html);
        assert!(html.contains("<img src=\"x\">"), "{html}");
    }

    #[test]
    fn a_javascript_link_loses_its_href() {
        for md in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](vbscript:msgbox(1))",
        ] {
            let html = render(md);
            assert_clean(&html);
            assert!(html.contains(">x</a>"), "{html}");
        }
    }

    #[test]
    fn data_urls_are_removed_from_links_and_images() {
        let html = render("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");
        assert_clean(&html);
        let html = render("![x](data:image/png;base64,iVBORw0KGgo=)");
        assert_clean(&html);
        assert!(html.contains("alt=\"x\""), "{html}");
    }

    #[test]
    fn an_entity_encoded_javascript_url_is_removed() {
        let html = render("<a href=\"javascript&colon;alert(1)\">x</a>");
        assert_clean(&html);
        let html = render("<a href=\"&#106;avascript:alert(1)\">y</a>");
        assert_clean(&html);
    }

    #[test]
    fn nested_markup_is_cleaned_but_harmless_text_stays() {
        let html = render("<div><script>alert(1)</script><p onclick=\"alert(2)\">hi</p></div>");
        assert_clean(&html);
        assert!(!html.contains("alert"));
        assert!(html.contains("<p>hi</p>"), "{html}");
    }

    #[test]
    fn svg_iframe_object_and_forms_are_removed() {
        let html = render(
            "<svg onload=alert(1)><circle r=1 /></svg>\n<iframe src=\"https://evil.example\"></iframe>\n\
             <object data=\"x.swf\"></object><embed src=\"x.swf\">\n<form action=\"/x\"><input name=a></form>",
        );
        assert_clean(&html);
        assert!(!html.contains("evil.example"), "{html}");
    }

    #[test]
    fn style_elements_and_attributes_are_removed() {
        let html = render("<style>body{display:none}</style>\n\n<p style=\"color:red\">red</p>");
        assert_clean(&html);
        assert!(!html.contains("display"), "{html}");
        assert!(html.contains("<p>red</p>"), "{html}");
    }

    #[test]
    fn harmless_raw_html_is_kept_not_escaped() {
        let html = render("A <em>real</em> <strong>word</strong> <span>plain</span>");
        assert_eq!(html, "<p>A <em>real</em> <strong>word</strong> plain</p>\n");
    }

    #[test]
    fn links_get_rel_and_images_only_load_over_http() {
        let html = render(
            "[ok](https://example.com \"T\") [mail](mailto:a@example.com)\n\n![pic](mailto:a@b.c)",
        );
        assert!(html.contains(
            "<a href=\"https://example.com\" title=\"T\" rel=\"noopener noreferrer nofollow\">ok</a>"
        ), "{html}");
        assert!(html.contains("href=\"mailto:a@example.com\""), "{html}");
        assert!(html.contains("<img alt=\"pic\">"), "{html}");
    }

    #[test]
    fn a_normal_article_renders_as_expected() {
        let md = "# Truck art\n\n## History\n\nSome *colourful* **trucks** and ~~old~~ new.\n\n\
                  - one\n- two\n\n3. three\n4. four\n\n> quoted\n\n```rust\nlet x = 1 < 2;\n```\n\n\
                  See [our shop](/en/shop) and ![a truck](https://cdn.example.com/t.jpg \"Truck\").\n\n---\n";
        let html = render(md);
        assert_clean(&html);
        for expected in [
            "<h1>Truck art</h1>",
            "<h2>History</h2>",
            "<em>colourful</em>",
            "<strong>trucks</strong>",
            "<del>old</del>",
            "<ul>\n<li>one</li>",
            "<ol start=\"3\">",
            "<blockquote>\n<p>quoted</p>",
            "<pre><code class=\"language-rust\">let x = 1 &lt; 2;\n</code></pre>",
            "<a href=\"/en/shop\" rel=\"noopener noreferrer nofollow\">our shop</a>",
            "<img src=\"https://cdn.example.com/t.jpg\" alt=\"a truck\" title=\"Truck\">",
            "<hr>",
        ] {
            assert!(html.contains(expected), "missing {expected:?} in {html}");
        }
    }

    #[test]
    fn tables_render_with_alignment_but_without_style() {
        let html = render("| Item | 价格 |\n|:-----|-----:|\n| Shawl | 120 |\n");
        assert_clean(&html);
        for expected in [
            "<table>",
            "<thead>",
            "<th align=\"left\">Item</th>",
            "<th align=\"right\">价格</th>",
            "<tbody>",
            "<td align=\"left\">Shawl</td>",
            "<td align=\"right\">120</td>",
        ] {
            assert!(html.contains(expected), "missing {expected:?} in {html}");
        }
    }

    #[test]
    fn reading_time_for_440_english_words_is_two_minutes() {
        let md = vec!["word"; 440].join(" ");
        assert_eq!(reading_minutes(&md, false), 2);
        assert_eq!(reading_minutes("short", false), 1);
        assert_eq!(reading_minutes("", true), 1);
    }

    #[test]
    fn reading_time_for_800_chinese_characters_is_two_minutes() {
        let md = "巴基斯坦手工艺品".repeat(100);
        assert_eq!(md.chars().count(), 800);
        assert_eq!(reading_minutes(&md, true), 2);
        // Latin words count too: 800 Han + 220 words ≈ 3 minutes.
        let mixed = format!("{md} {}", vec!["Lahore"; 220].join(" "));
        assert_eq!(reading_minutes(&mixed, true), 3);
    }

    #[test]
    fn a_summary_is_plain_collapsed_and_cut_with_an_ellipsis() {
        let md =
            "# Title\n\nSome   *bold*\ntext <b>here</b> ![alt](x.png) and [a link](https://x.y).";
        assert_eq!(
            plain_summary(md, 200),
            "Title Some bold text here and a link."
        );
        assert_eq!(plain_summary(md, 12), "Title Some…");
        assert_eq!(plain_summary("白沙瓦的铜器", 4), "白沙瓦…");
        assert_eq!(plain_summary("abc", 3), "abc");
        assert_eq!(plain_summary("abc", 0), "");
    }
}
