//! Articles, recipes, destination guides and the offline pavilions, as pages show them.

use serde::{Deserialize, Serialize};

use crate::model::ProductCard;

/// The four content sections, each a page of articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Section {
    Culture,
    Cuisine,
    Tourism,
    Exchange,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Culture,
        Section::Cuisine,
        Section::Tourism,
        Section::Exchange,
    ];

    /// The URL segment and database code.
    pub fn code(self) -> &'static str {
        match self {
            Section::Culture => "culture",
            Section::Cuisine => "cuisine",
            Section::Tourism => "tourism",
            Section::Exchange => "exchange",
        }
    }

    pub fn parse(code: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArticleKind {
    Article,
    Recipe,
    Destination,
}

impl ArticleKind {
    pub fn code(self) -> &'static str {
        match self {
            ArticleKind::Article => "article",
            ArticleKind::Recipe => "recipe",
            ArticleKind::Destination => "destination",
        }
    }

    pub fn parse(code: &str) -> ArticleKind {
        match code {
            "recipe" => ArticleKind::Recipe,
            "destination" => ArticleKind::Destination,
            _ => ArticleKind::Article,
        }
    }
}

/// An article in a list: enough for a card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleCard {
    pub slug: String,
    pub section: Section,
    pub kind: ArticleKind,
    pub title: String,
    pub summary: String,
    pub cover: String,
    /// `YYYY-MM-DD`, China time.
    pub published_on: String,
    pub reading_minutes: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ingredient {
    pub quantity: String,
    pub name: String,
    /// The catalogue product for it: (slug, title, can be bought now).
    pub product: Option<(String, String, bool)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipe {
    pub servings: i64,
    pub prep_minutes: i64,
    pub cook_minutes: i64,
    pub ingredients: Vec<Ingredient>,
    pub steps: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Destination {
    pub best_season: String,
    pub getting_there: String,
    pub visa_notes: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticlePage {
    pub card: ArticleCard,
    /// Sanitised HTML rendered from the article's Markdown.
    pub body_html: String,
    pub recipe: Option<Recipe>,
    pub destination: Option<Destination>,
    pub related: Vec<ArticleCard>,
    pub products: Vec<ProductCard>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pavilion {
    pub slug: String,
    pub name: String,
    pub address: String,
    pub hours: String,
    pub phone: String,
    pub offers_html: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PavilionsPage {
    pub pavilions: Vec<Pavilion>,
    /// A schematic map (inline SVG, no tiles, no borders).
    pub map_svg: String,
}

/// The stories on the home page, as editors chose them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeStories {
    pub recipe: Option<ArticleCard>,
    pub destination: Option<ArticleCard>,
    pub exchange: Vec<ArticleCard>,
    /// What editors may choose from: (slug, title).
    pub recipes: Vec<(String, String)>,
    pub destinations: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_round_trip_through_their_codes() {
        for section in Section::ALL {
            assert_eq!(Section::parse(section.code()), Some(section));
        }
        assert_eq!(Section::parse("politics"), None);
    }
}
