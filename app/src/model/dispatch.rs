//! Where a shop's goods ship from, and so which rules a sale follows. An exporter ships
//! from Pakistan: a cross-border retail import, taxed at checkout, within the import limits,
//! with the buyer's resident ID for customs. An importer ships from stock in China: an
//! ordinary domestic sale with VAT in the price, no limits and no ID. An importer may
//! instead hold goods in a bonded warehouse (保税仓): cross-border rules, shipped from
//! inside China.

use serde::{Deserialize, Serialize};

use crate::error::Problem;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Dispatch {
    /// From the shop's city in Pakistan, across the border.
    #[default]
    CrossBorder,
    /// From stock in the shop's city in China.
    Domestic,
    /// From a bonded warehouse in the shop's city in China.
    Bonded,
}

impl Dispatch {
    pub const ALL: [Dispatch; 3] = [Dispatch::CrossBorder, Dispatch::Domestic, Dispatch::Bonded];

    pub fn code(self) -> &'static str {
        match self {
            Dispatch::CrossBorder => "cross_border",
            Dispatch::Domestic => "domestic",
            Dispatch::Bonded => "bonded",
        }
    }

    pub fn parse(code: &str) -> Option<Dispatch> {
        Dispatch::ALL.into_iter().find(|d| d.code() == code)
    }

    /// Whether the sale is a cross-border retail import: import tax at checkout, the
    /// per-order and yearly limits, the buyer's resident ID, no VAT invoice.
    pub fn is_cross_border(self) -> bool {
        !matches!(self, Dispatch::Domestic)
    }

    /// Whether the goods leave from inside China (stock or a bonded warehouse).
    pub fn ships_from_china(self) -> bool {
        !matches!(self, Dispatch::CrossBorder)
    }

    /// What a shop of `kind` (`exporter`, `importer`) may be approved for: an exporter ships
    /// from Pakistan; an importer from stock or a bonded warehouse in China.
    pub fn allowed_for(self, kind: &str) -> Result<Dispatch, Problem> {
        match (kind, self) {
            ("exporter", Dispatch::CrossBorder)
            | ("importer", Dispatch::Domestic | Dispatch::Bonded) => Ok(self),
            _ => Err(Problem::Dispatch),
        }
    }
}

/// How far a parcel travels inside China, which prices a domestic or bonded parcel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Zone {
    /// Within the province it ships from.
    Local,
    /// To most of the country.
    Standard,
    /// To the far west and north, where couriers charge more and take longer.
    Remote,
}

/// Provinces couriers count as remote (偏远地区): Xinjiang, Tibet, Qinghai, Inner Mongolia,
/// Gansu and Ningxia.
pub const REMOTE_PROVINCES: [&str; 6] = ["XJ", "XZ", "QH", "NM", "GS", "NX"];

impl Zone {
    pub const ALL: [Zone; 3] = [Zone::Local, Zone::Standard, Zone::Remote];

    pub fn code(self) -> &'static str {
        match self {
            Zone::Local => "local",
            Zone::Standard => "standard",
            Zone::Remote => "remote",
        }
    }

    /// The zone of a trip from the province `from` to the province `to` (codes as in
    /// `address::PROVINCES`).
    pub fn of_trip(from: &str, to: &str) -> Zone {
        if from == to {
            Zone::Local
        } else if REMOTE_PROVINCES.contains(&to) {
            Zone::Remote
        } else {
            Zone::Standard
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_domestic_stock_is_sold_as_a_domestic_sale() {
        assert!(Dispatch::CrossBorder.is_cross_border());
        assert!(Dispatch::Bonded.is_cross_border());
        assert!(!Dispatch::Domestic.is_cross_border());
        assert!(Dispatch::Bonded.ships_from_china());
        assert!(!Dispatch::CrossBorder.ships_from_china());
        for d in Dispatch::ALL {
            assert_eq!(Dispatch::parse(d.code()), Some(d));
        }
    }

    #[test]
    fn exporters_ship_across_the_border_and_importers_from_china() {
        assert_eq!(
            Dispatch::CrossBorder.allowed_for("exporter"),
            Ok(Dispatch::CrossBorder)
        );
        assert_eq!(
            Dispatch::Domestic.allowed_for("exporter"),
            Err(Problem::Dispatch)
        );
        assert_eq!(
            Dispatch::Bonded.allowed_for("importer"),
            Ok(Dispatch::Bonded)
        );
        assert_eq!(
            Dispatch::CrossBorder.allowed_for("importer"),
            Err(Problem::Dispatch)
        );
    }

    #[test]
    fn a_trip_is_local_within_a_province_and_remote_to_the_far_west() {
        assert_eq!(Zone::of_trip("ZJ", "ZJ"), Zone::Local);
        assert_eq!(Zone::of_trip("XJ", "XJ"), Zone::Local);
        assert_eq!(Zone::of_trip("ZJ", "XJ"), Zone::Remote);
        assert_eq!(Zone::of_trip("ZJ", "XZ"), Zone::Remote);
        assert_eq!(Zone::of_trip("XJ", "SH"), Zone::Standard);
        assert_eq!(Zone::of_trip("ZJ", "SC"), Zone::Standard);
    }
}
