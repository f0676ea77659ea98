//! The shop and its people: roles, the dashboard's view of the shop, the team, the profile.

use serde::{Deserialize, Serialize};

use super::{DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS};
use crate::error::Problem;

/// What a person may do in a shop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShopRole {
    Owner,
    Manager,
    Fulfilment,
}

impl ShopRole {
    pub fn code(self) -> &'static str {
        match self {
            ShopRole::Owner => "owner",
            ShopRole::Manager => "manager",
            ShopRole::Fulfilment => "fulfilment",
        }
    }

    pub fn parse(code: &str) -> Option<ShopRole> {
        match code {
            "owner" => Some(ShopRole::Owner),
            "manager" => Some(ShopRole::Manager),
            "fulfilment" => Some(ShopRole::Fulfilment),
            _ => None,
        }
    }

    /// Products, the shop profile, analytics and CSV: owners and managers.
    pub fn manages_catalogue(self) -> bool {
        matches!(self, ShopRole::Owner | ShopRole::Manager)
    }
}

/// The shop the signed-in seller works for, as the dashboard shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerShop {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub role: ShopRole,
    pub verified: bool,
    /// How the shop ships: from Pakistan, from stock in China or from a bonded warehouse.
    pub dispatch: crate::model::Dispatch,
    pub low_stock: i64,
    pub to_ship: i64,
}

/// A person of the shop's team, or someone invited to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub user_id: Option<i64>,
    pub email: String,
    pub name: String,
    pub role: ShopRole,
    /// Invited, not joined yet.
    pub pending: bool,
}

/// One language of the shop's profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileSide {
    pub name: String,
    #[serde(default)]
    pub tagline: String,
    #[serde(default)]
    pub story: String,
    #[serde(default)]
    pub policies: String,
}

impl ProfileSide {
    /// Trimmed, with a name, within lengths.
    pub fn checked(&self) -> Result<ProfileSide, Problem> {
        let side = ProfileSide {
            name: self.name.trim().to_owned(),
            tagline: self.tagline.trim().to_owned(),
            story: self.story.trim().replace("\r\n", "\n"),
            policies: self.policies.trim().replace("\r\n", "\n"),
        };
        let long = |s: &str, max: usize| s.chars().count() > max;
        if side.name.is_empty() || long(&side.name, NAME_MAX_CHARS) {
            return Err(Problem::ShopName);
        }
        if long(&side.tagline, 200)
            || long(&side.story, DESCRIPTION_MAX_CHARS)
            || long(&side.policies, DESCRIPTION_MAX_CHARS)
        {
            return Err(Problem::ProductText);
        }
        Ok(side)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopProfile {
    pub slug: String,
    pub en: ProfileSide,
    pub zh: ProfileSide,
    pub has_logo: bool,
    pub has_banner: bool,
    /// Changes with every catalogue change: keeps replaced pictures out of caches.
    pub version: i64,
}
