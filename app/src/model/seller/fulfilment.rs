//! Parcels to pack and ship, stock, and the sales report.

use serde::{Deserialize, Serialize};

/// A shipment the shop has to fulfil, with what goes in the parcel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentRow {
    pub id: i64,
    pub order_number: String,
    pub status: crate::model::order::OrderStatus,
    pub placed_at: i64,
    pub recipient: String,
    pub mobile: String,
    pub address: String,
    pub carrier: Option<String>,
    pub tracking: Option<String>,
    pub weight_g: i64,
    pub lines: Vec<PackingLine>,
    pub dispatch: crate::model::Dispatch,
    /// The invoice the buyer asked for (parcels from stock in China only).
    pub invoice: Option<crate::model::invoice::InvoiceView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackingLine {
    pub sku: String,
    pub title_en: String,
    pub title_zh: String,
    pub option_en: String,
    pub option_zh: String,
    pub quantity: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockRow {
    pub variant_id: i64,
    pub product_id: i64,
    pub title: String,
    pub sku: String,
    pub label: String,
    pub stock: i64,
    pub low_stock: i64,
}

/// Sales of the shop over a period, as the analytics page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesReport {
    pub days: i64,
    pub chart_svg: String,
    pub orders: i64,
    pub units: i64,
    pub goods_minor: i64,
    pub commission_minor: i64,
    pub net_minor: i64,
    /// The net in rupees at each order's rate, for an exporter (who is paid in Pakistan);
    /// `None` for an importer, who sells and is paid in China.
    pub net_pkr_minor: Option<i64>,
    pub commission_basis_points: i64,
    pub views: i64,
    /// Orders per thousand product views.
    pub conversion_per_mille: i64,
    pub top: Vec<TopProduct>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopProduct {
    pub title: String,
    pub units: i64,
    pub goods_minor: i64,
}
