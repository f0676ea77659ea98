//! The trade academy's guides for traders.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideCard {
    pub slug: String,
    pub topic: String,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    pub card: GuideCard,
    /// Rendered from Markdown and sanitised.
    pub body_html: String,
    pub previous: Option<GuideCard>,
    pub next: Option<GuideCard>,
}
