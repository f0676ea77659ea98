//! Site-wide settings the pages need on both sides.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SiteConfig {
    /// The public origin, without a trailing slash: `https://pavilion.example`.
    pub public_url: String,
    /// The ICP filing number shown in the footer when hosted in mainland China.
    pub icp_number: String,
}

/// Who is looking, for the header: their name when signed in, and their cart's size.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visitor {
    pub name: Option<String>,
    pub cart_items: i64,
}
