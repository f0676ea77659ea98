//! The trade academy: guides written with the product, compiled in, rendered once.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::backend::content::markdown::{reading_minutes, render};
use crate::model::Lang;
use crate::model::academy::{Guide, GuideCard};

#[derive(Deserialize)]
struct Side {
    title: String,
    summary: String,
    body: String,
}

#[derive(Deserialize)]
struct Source {
    slug: String,
    position: i64,
    topic: String,
    en: Side,
    zh: Side,
}

struct Rendered {
    cards: [GuideCard; 2],
    html: [String; 2],
}

static GUIDES: LazyLock<Vec<Rendered>> = LazyLock::new(|| {
    let mut sources: Vec<Source> = serde_json::from_str(include_str!("seed/content/academy.json"))
        .unwrap_or_else(|error| {
            tracing::error!(%error, "the academy guides do not parse");
            Vec::new()
        });
    sources.sort_by_key(|s| s.position);
    sources
        .into_iter()
        .map(|s| {
            let card = |side: &Side, chinese: bool| GuideCard {
                slug: s.slug.clone(),
                topic: s.topic.clone(),
                title: side.title.clone(),
                summary: side.summary.clone(),
                minutes: reading_minutes(&side.body, chinese),
            };
            Rendered {
                cards: [card(&s.en, false), card(&s.zh, true)],
                html: [render(&s.en.body), render(&s.zh.body)],
            }
        })
        .collect()
});

fn side(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    }
}

pub fn guides(lang: Lang) -> Vec<GuideCard> {
    GUIDES.iter().map(|g| g.cards[side(lang)].clone()).collect()
}

pub fn guide(lang: Lang, slug: &str) -> Option<Guide> {
    let i = GUIDES.iter().position(|g| g.cards[0].slug == slug)?;
    let card = |j: usize| GUIDES.get(j).map(|g| g.cards[side(lang)].clone());
    Some(Guide {
        card: card(i)?,
        body_html: GUIDES[i].html[side(lang)].clone(),
        previous: i.checked_sub(1).and_then(card),
        next: card(i + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_guide_reads_in_both_languages_and_links_to_its_neighbours() {
        let en = guides(Lang::En);
        assert!(en.len() >= 5);
        for card in &en {
            let zh = guide(Lang::Zh, &card.slug).expect("every guide in Chinese");
            assert!(!zh.body_html.is_empty() && zh.card.title != card.title);
        }
        let first = guide(Lang::En, &en[0].slug).expect("the first guide");
        assert!(first.previous.is_none());
        assert_eq!(first.next.map(|n| n.slug), Some(en[1].slug.clone()));
        assert!(guide(Lang::En, "no-such-guide").is_none());
    }
}
