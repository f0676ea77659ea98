//! Atom 1.0 (RFC 4287) feed writer for the journal / new-arrivals feeds.
//!
//! Produces a complete, UTF-8 XML document as a `String`; every text value
//! and attribute is XML-escaped by [`escape`].

// `write!` into a `String` cannot fail, so its `fmt::Result` is ignored (`let _ =`).
use std::fmt::Write as _;

use crate::backend::xml::escape;

/// Author name shown on every feed.
pub const FEED_AUTHOR: &str = "Pakistan Pavilion";

/// One `<entry>` of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEntry {
    /// Permanent, absolute URL identifying the entry (used as `<id>`).
    pub id: String,
    pub title: String,
    /// Plain text (not HTML); emitted as `<summary type="text">`.
    pub summary: String,
    /// Absolute URL of the entry's page (`<link rel="alternate">`).
    pub link: String,
    /// RFC 3339 timestamp, e.g. from [`rfc3339_date`].
    pub updated: String,
    /// BCP 47 language tag of the entry, e.g. `en` or `zh-Hans`; empty = inherit.
    pub lang: String,
}

/// Whether `date` is `YYYY-MM-DD` with a plausible month and day.
fn is_plain_date(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Turns a `YYYY-MM-DD` date into an RFC 3339 timestamp at local midnight in
/// Beijing time: `YYYY-MM-DDT00:00:00+08:00`.
///
/// A value that already starts with a valid date followed by `T` is assumed
/// to be a full timestamp and returned unchanged (trimmed). Anything else is
/// not a date: it yields the Unix epoch (`1970-01-01T00:00:00+08:00`) rather
/// than producing an invalid feed.
pub fn rfc3339_date(date: &str) -> String {
    let date = date.trim();
    if is_plain_date(date) {
        return format!("{date}T00:00:00+08:00");
    }
    if date.len() > 10
        && date.is_char_boundary(10)
        && is_plain_date(&date[..10])
        && date[10..].starts_with('T')
    {
        return date.to_owned();
    }
    "1970-01-01T00:00:00+08:00".to_owned()
}

/// Writes a complete Atom 1.0 document.
///
/// `feed_id` should be a permanent absolute URL, `self_link` the feed's own
/// URL, `alternate_link` the HTML page it mirrors, `lang` a BCP 47 tag and
/// `updated` an RFC 3339 timestamp (normally that of the newest entry).
pub fn atom(
    feed_id: &str,
    title: &str,
    self_link: &str,
    alternate_link: &str,
    lang: &str,
    updated: &str,
    entries: &[FeedEntry],
) -> String {
    let mut xml = String::with_capacity(1024 + entries.len() * 512);
    // `write!` into a String cannot fail; the results are ignored on purpose.
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         \x20 <id>{id}</id>\n\
         \x20 <title type=\"text\">{title}</title>\n\
         \x20 <updated>{updated}</updated>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{self_link}\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{alternate}\"/>\n\
         \x20 <author><name>{author}</name></author>\n",
        lang = escape(lang),
        id = escape(feed_id),
        title = escape(title),
        updated = escape(updated),
        self_link = escape(self_link),
        alternate = escape(alternate_link),
        author = escape(FEED_AUTHOR),
    );
    for entry in entries {
        let lang_attr = if entry.lang.is_empty() {
            String::new()
        } else {
            format!(" xml:lang=\"{}\"", escape(&entry.lang))
        };
        let _ = write!(
            xml,
            "  <entry{lang_attr}>\n\
             \x20   <id>{id}</id>\n\
             \x20   <title type=\"text\">{title}</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>\n\
             \x20   <updated>{updated}</updated>\n\
             \x20   <summary type=\"text\">{summary}</summary>\n\
             \x20 </entry>\n",
            id = escape(&entry.id),
            title = escape(&entry.title),
            link = escape(&entry.link),
            updated = escape(&entry.updated),
            summary = escape(&entry.summary),
        );
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event;
    use quick_xml::reader::Reader;

    fn entry(n: u32, title: &str, lang: &str) -> FeedEntry {
        FeedEntry {
            id: format!("https://pavilion.example/{lang}/journal/{n}"),
            title: title.to_owned(),
            summary: format!("Summary {n} <b>&</b>"),
            link: format!("https://pavilion.example/{lang}/journal/{n}?a=1&b=2"),
            updated: rfc3339_date("2025-03-0{n}"),
            lang: lang.to_owned(),
        }
    }

    fn sample() -> String {
        atom(
            "https://pavilion.example/zh/feed.xml",
            "巴基斯坦馆 · Journal <&>",
            "https://pavilion.example/zh/feed.xml",
            "https://pavilion.example/zh/journal",
            "zh-Hans",
            "2025-03-03T00:00:00+08:00",
            &[
                entry(1, "白沙瓦的铜器", "zh-Hans"),
                entry(2, "Truck art \"'", "en"),
                entry(3, "Ajrak", ""),
            ],
        )
    }

    /// Walks every event; returns (local names of started elements, all text).
    fn parse(xml: &str) -> (Vec<String>, String) {
        let mut reader = Reader::from_str(xml);
        let mut names = Vec::new();
        let mut text = String::new();
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                    for attr in e.attributes() {
                        let attr = attr.expect("well-formed attribute");
                        attr.unescape_value().expect("attribute value unescapes");
                    }
                    names.push(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
                }
                Ok(Event::Text(t)) => text.push_str(&t.decode().expect("utf-8 text")),
                Ok(Event::GeneralRef(r)) => {
                    let name = r.decode().expect("utf-8 entity name");
                    text.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unexpected entity {other}"),
                    });
                }
                Ok(_) => {}
                Err(e) => panic!("XML error at {}: {e}", reader.buffer_position()),
            }
        }
        (names, text)
    }

    #[test]
    fn special_characters_are_escaped() {
        let xml = sample();
        assert!(!xml.contains("<b>"), "raw markup leaked");
        assert!(xml.contains("Journal &lt;&amp;&gt;"));
        assert!(xml.contains("?a=1&amp;b=2"));
    }

    #[test]
    fn chinese_text_is_kept_as_utf8() {
        let xml = sample();
        assert!(xml.contains("巴基斯坦馆"));
        assert!(xml.contains("<title type=\"text\">白沙瓦的铜器</title>"));
        assert!(xml.contains("xml:lang=\"zh-Hans\""));
    }

    #[test]
    fn the_output_parses_as_xml_with_one_entry_per_item() {
        let xml = sample();
        let (names, text) = parse(&xml);
        assert_eq!(names.first().map(String::as_str), Some("feed"));
        assert_eq!(names.iter().filter(|n| *n == "entry").count(), 3);
        assert_eq!(names.iter().filter(|n| *n == "summary").count(), 3);
        assert!(text.contains("Truck art \"'"), "{text}");
        assert!(text.contains("Summary 1 <b>&</b>"), "{text}");
        assert!(xml.contains("<name>Pakistan Pavilion</name>"));
        assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-Hans\">"));
        assert!(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://pavilion.example/zh/feed.xml\"/>"));
        assert!(
            xml.contains("<entry>\n"),
            "entry without lang has no xml:lang"
        );
    }

    #[test]
    fn an_empty_feed_is_still_valid() {
        let xml = atom(
            "urn:x",
            "T",
            "https://a/feed",
            "https://a/",
            "en",
            "2025-01-01T00:00:00+08:00",
            &[],
        );
        let (names, _) = parse(&xml);
        assert!(!names.contains(&"entry".to_owned()));
    }

    #[test]
    fn dates_become_rfc3339_at_beijing_midnight() {
        assert_eq!(rfc3339_date("2025-03-01"), "2025-03-01T00:00:00+08:00");
        assert_eq!(rfc3339_date(" 2025-12-31 "), "2025-12-31T00:00:00+08:00");
        assert_eq!(rfc3339_date("2025-03-01T10:00:00Z"), "2025-03-01T10:00:00Z");
        assert_eq!(rfc3339_date("2025-13-01"), "1970-01-01T00:00:00+08:00");
        assert_eq!(rfc3339_date("yesterday"), "1970-01-01T00:00:00+08:00");
        assert_eq!(rfc3339_date("２０２５-03-01"), "1970-01-01T00:00:00+08:00");
    }
}
