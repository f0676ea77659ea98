//! A shop's sales over 7, 30 or 90 days: by day (China time) as a chart, top products,
//! product views and conversion, in CNY and in PKR at each order's recorded rate, after
//! the pavilion's commission.

use std::collections::HashMap;

use sqlx::AnyPool;

use super::chart::{ChartLabels, DayPoint, sales_chart};
use crate::backend::AppState;
use crate::backend::catalogue::CatalogueStore;
use crate::backend::db::{now_seconds, sales};
use crate::model::Lang;
use crate::model::china_time::{self, DAY};
use crate::model::seller::{SalesReport, TopProduct};

/// Counts a product page view in memory; `flush_views` writes the counts every few seconds
/// (one upsert per product, not one write per page view).
pub fn count_view(store: &CatalogueStore, slug: &str) {
    let catalogue = store.get();
    let Some(&index) = catalogue.product_by_slug.get(slug) else {
        return;
    };
    if let Ok(mut views) = store.views.lock() {
        *views.entry(catalogue.products[index].id).or_insert(0) += 1;
    }
}

pub async fn flush_views(state: &AppState) -> Result<(), sqlx::Error> {
    let counts: HashMap<i64, i64> = match state.catalogue.views.lock() {
        Ok(mut views) => std::mem::take(&mut *views),
        Err(_) => return Ok(()),
    };
    let day = china_time::date(now_seconds());
    for (product_id, views) in counts {
        sales::add_views(&state.pool, product_id, &day, views).await?;
    }
    Ok(())
}

/// The commission in force, in basis points.
pub async fn commission(pool: &AnyPool) -> Result<i64, sqlx::Error> {
    let today = china_time::date(now_seconds());
    Ok(crate::backend::db::rates::commission_on(pool, &today)
        .await?
        .unwrap_or(0))
}

/// Sets the commission from a day on (`YYYY-MM-DD`, China time); earlier sales keep the
/// rate of their day in the history. Returns whether the values were acceptable.
pub async fn set_commission(
    pool: &AnyPool,
    basis_points: i64,
    set_on: &str,
) -> Result<bool, sqlx::Error> {
    let parts: Vec<&str> = set_on.split('-').collect();
    let valid_day = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            match (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) {
                (Ok(y), Ok(m), Ok(d)) => time::Month::try_from(m)
                    .and_then(|m| time::Date::from_calendar_date(y, m, d))
                    .is_ok(),
                _ => false,
            }
        }
        _ => false,
    };
    if !(0..=5_000).contains(&basis_points) || !valid_day {
        return Ok(false);
    }
    crate::backend::db::rates::insert_commission(pool, basis_points, set_on, now_seconds()).await?;
    Ok(true)
}

/// `in_rupees`: whether the shop is paid in Pakistan, so the net is also shown in rupees.
pub async fn report(
    pool: &AnyPool,
    shop_id: i64,
    in_rupees: bool,
    days: i64,
    lang: Lang,
    labels: &ChartLabels<'_>,
) -> Result<SalesReport, sqlx::Error> {
    let days = if [7, 30, 90].contains(&days) {
        days
    } else {
        30
    };
    let now = now_seconds();
    let first_day = china_time::day_number(now) - (days - 1);
    let since = china_time::day_start(now) - (days - 1) * DAY;
    let lines = sales::sold_since(pool, shop_id, since).await?;
    let mut per_day: Vec<(i64, std::collections::HashSet<i64>)> =
        (0..days).map(|_| (0, Default::default())).collect();
    let mut top: HashMap<i64, TopProduct> = HashMap::new();
    let (mut goods, mut goods_pkr_micros, mut units) = (0i64, 0i128, 0i64);
    let mut orders = std::collections::HashSet::new();
    for line in lines {
        let (order_id, quantity) = (line.order_id, line.quantity);
        let amount = quantity * line.unit_price;
        let day = (china_time::day_number(line.placed_at) - first_day).clamp(0, days - 1) as usize;
        per_day[day].0 += amount;
        per_day[day].1.insert(order_id);
        orders.insert(order_id);
        goods += amount;
        units += quantity;
        goods_pkr_micros += i128::from(amount) * i128::from(line.pkr);
        let title = match lang {
            Lang::Zh => line.title_zh,
            Lang::En => line.title_en,
        };
        let entry = top.entry(line.product_id).or_insert(TopProduct {
            title,
            units: 0,
            goods_minor: 0,
        });
        entry.units += quantity;
        entry.goods_minor += amount;
    }
    let views = sales::shop_views_since(pool, shop_id, &china_time::date(since)).await?;
    let basis_points = commission(pool).await?;
    let commission_minor = goods * basis_points / 10_000;
    let keep = |amount: i128| amount * i128::from(10_000 - basis_points) / 10_000;
    let points: Vec<DayPoint> = per_day
        .iter()
        .enumerate()
        .map(|(i, (revenue, orders))| DayPoint {
            day: china_time::date(since + i as i64 * DAY),
            orders: orders.len() as i64,
            revenue_minor: *revenue,
        })
        .collect();
    let mut top: Vec<TopProduct> = top.into_values().collect();
    top.sort_by(|a, b| {
        b.goods_minor
            .cmp(&a.goods_minor)
            .then(a.title.cmp(&b.title))
    });
    top.truncate(10);
    let orders = orders.len() as i64;
    Ok(SalesReport {
        days,
        chart_svg: sales_chart(&points, labels),
        orders,
        units,
        goods_minor: goods,
        commission_minor,
        net_minor: goods - commission_minor,
        net_pkr_minor: in_rupees.then(|| (keep(goods_pkr_micros) / 1_000_000) as i64),
        commission_basis_points: basis_points,
        views,
        conversion_per_mille: if views > 0 { orders * 1000 / views } else { 0 },
        top,
    })
}
