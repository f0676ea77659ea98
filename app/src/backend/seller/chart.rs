//! The sales chart of a seller's analytics page, rendered on the server as inline SVG:
//! revenue per day as bars on the left axis, orders per day as a line with dots on the
//! right axis. Both axes share the gridlines; every tick is a round 1, 2 or 5 × 10ⁿ.
//!
//! Colours come from the site stylesheet through the classes `bar`, `line`, `dot`,
//! `grid`, `axis`, `tick` and `legend`; the presentation attributes are only a fallback
//! (any CSS rule wins over them).

use std::fmt::Write;

use crate::backend::xml::escape;

/// One day of sales.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayPoint {
    /// `2026-11-30`.
    pub day: String,
    pub orders: i64,
    /// Revenue in minor units (fen for CNY).
    pub revenue_minor: i64,
}

/// The words of the chart, in the page's language.
#[derive(Debug, Clone, Copy)]
pub struct ChartLabels<'a> {
    pub title: &'a str,
    pub revenue: &'a str,
    pub orders: &'a str,
    /// `CNY`.
    pub currency: &'a str,
}

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 300.0;
const PLOT_LEFT: f64 = 76.0;
const PLOT_RIGHT: f64 = 672.0;
const PLOT_TOP: f64 = 40.0;
const PLOT_BOTTOM: f64 = 268.0;
/// Roughly how many gridline intervals an axis gets.
const TARGET_INTERVALS: i64 = 5;
/// Roughly how many dates the x axis shows.
const TARGET_X_LABELS: usize = 7;

const BAR_FILL: &str = "#2f855a";
const LINE_STROKE: &str = "#c05621";
const GRID_STROKE: &str = "#e2e8f0";
const AXIS_STROKE: &str = "#718096";
const TEXT_FILL: &str = "#4a5568";

/// Bars for revenue per day, a line (polyline) with dots for orders on a second axis; 7, 30 or 90 points.
///
/// Any number of points renders; none, or all zero, gives an empty chart with its axes.
/// Negative values (refunds exceeding sales) are drawn as zero but counted in the totals.
pub fn sales_chart(points: &[DayPoint], labels: &ChartLabels) -> String {
    let max_revenue = points.iter().map(|p| p.revenue_minor).max().unwrap_or(0);
    let max_orders = points.iter().map(|p| p.orders).max().unwrap_or(0);
    let (revenue_axis, orders_axis) = shared_scales(max_revenue, max_orders);
    let intervals = revenue_axis.intervals.max(orders_axis.intervals).max(1);

    let mut svg = String::with_capacity(2048 + points.len() * 320);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="sales-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" preserveAspectRatio="xMidYMid meet" role="img" font-family="system-ui, sans-serif" font-size="11">"#
    );
    let _ = write!(
        svg,
        "<title>{}</title><desc>{}</desc>",
        escape(labels.title),
        escape(&description(points, labels))
    );

    legend(&mut svg, labels);

    // Gridlines and tick labels.
    let _ = write!(
        svg,
        r#"<g class="grid" stroke="{GRID_STROKE}" stroke-width="1">"#
    );
    for i in 1..=intervals {
        let y = fmt_coord(y_at(i, intervals));
        let _ = write!(
            svg,
            r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}"/>"#,
            fmt_coord(PLOT_LEFT),
            fmt_coord(PLOT_RIGHT)
        );
    }
    svg.push_str("</g>");
    let _ = write!(svg, r#"<g class="tick" fill="{TEXT_FILL}">"#);
    for i in 0..=intervals {
        let y = fmt_coord(y_at(i, intervals) + 4.0);
        if let Some(value) = revenue_axis.tick(i, intervals) {
            let _ = write!(
                svg,
                r#"<text x="{}" y="{y}" text-anchor="end">{}</text>"#,
                fmt_coord(PLOT_LEFT - 8.0),
                format_tick_minor(value, revenue_axis.step)
            );
        }
        if let Some(value) = orders_axis.tick(i, intervals) {
            let _ = write!(
                svg,
                r#"<text x="{}" y="{y}" text-anchor="start">{}</text>"#,
                fmt_coord(PLOT_RIGHT + 8.0),
                group_thousands(value)
            );
        }
    }
    svg.push_str("</g>");

    let slot = if points.is_empty() {
        0.0
    } else {
        (PLOT_RIGHT - PLOT_LEFT) / points.len() as f64
    };
    let centre = |i: usize| PLOT_LEFT + slot * (i as f64 + 0.5);

    // Revenue bars, each with its tooltip.
    let bar_width = (slot * 0.7).max(1.0);
    let _ = write!(svg, r#"<g class="bars" fill="{BAR_FILL}">"#);
    for (i, point) in points.iter().enumerate() {
        let height = scaled(point.revenue_minor, revenue_axis.top);
        let _ = write!(
            svg,
            r#"<rect class="bar" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>"#,
            fmt_coord(centre(i) - bar_width / 2.0),
            fmt_coord(PLOT_BOTTOM - height),
            fmt_coord(bar_width),
            fmt_coord(height),
            escape(&tooltip(point, labels))
        );
    }
    svg.push_str("</g>");

    // Orders line and dots.
    let order_y = |p: &DayPoint| PLOT_BOTTOM - scaled(p.orders, orders_axis.top);
    if points.len() > 1 {
        let coords: Vec<String> = points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{},{}", fmt_coord(centre(i)), fmt_coord(order_y(p))))
            .collect();
        let _ = write!(
            svg,
            r#"<polyline class="line" fill="none" stroke="{LINE_STROKE}" stroke-width="2" stroke-linejoin="round" points="{}"/>"#,
            coords.join(" ")
        );
    }
    if !points.is_empty() {
        let radius = (slot / 4.0).clamp(1.5, 3.5);
        let _ = write!(
            svg,
            r##"<g class="dots" fill="#ffffff" stroke="{LINE_STROKE}" stroke-width="1.5">"##
        );
        for (i, point) in points.iter().enumerate() {
            let _ = write!(
                svg,
                r#"<circle class="dot" cx="{}" cy="{}" r="{}"/>"#,
                fmt_coord(centre(i)),
                fmt_coord(order_y(point)),
                fmt_coord(radius)
            );
        }
        svg.push_str("</g>");
    }

    // Axes on top of the bars.
    let _ = write!(
        svg,
        r#"<g class="axis" stroke="{AXIS_STROKE}" stroke-width="1"><line x1="{l}" y1="{b}" x2="{r}" y2="{b}"/><line x1="{l}" y1="{t}" x2="{l}" y2="{b}"/><line x1="{r}" y1="{t}" x2="{r}" y2="{b}"/></g>"#,
        l = fmt_coord(PLOT_LEFT),
        r = fmt_coord(PLOT_RIGHT),
        t = fmt_coord(PLOT_TOP),
        b = fmt_coord(PLOT_BOTTOM),
    );

    // Dates, thinned so they never overlap.
    let _ = write!(
        svg,
        r#"<g class="tick" fill="{TEXT_FILL}" text-anchor="middle">"#
    );
    for i in x_label_indices(points.len()) {
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}">{}</text>"#,
            fmt_coord(centre(i)),
            fmt_coord(PLOT_BOTTOM + 18.0),
            escape(short_day(&points[i].day))
        );
    }
    svg.push_str("</g></svg>");
    svg
}

/// The legend doubles as the axis titles: revenue (and currency) left, orders right.
fn legend(svg: &mut String, labels: &ChartLabels) {
    let _ = write!(
        svg,
        r#"<g class="legend" fill="{TEXT_FILL}"><rect class="bar swatch" x="{}" y="12" width="12" height="12" fill="{BAR_FILL}"/><text x="{}" y="22">{} ({})</text>"#,
        fmt_coord(PLOT_LEFT),
        fmt_coord(PLOT_LEFT + 18.0),
        escape(labels.revenue),
        escape(labels.currency)
    );
    let _ = write!(
        svg,
        r##"<line class="line swatch" x1="{}" y1="18" x2="{}" y2="18" stroke="{LINE_STROKE}" stroke-width="2"/><circle class="dot swatch" cx="{}" cy="18" r="3" fill="#ffffff" stroke="{LINE_STROKE}" stroke-width="1.5"/><text x="{}" y="22" text-anchor="end">{}</text></g>"##,
        fmt_coord(PLOT_RIGHT - 18.0),
        fmt_coord(PLOT_RIGHT),
        fmt_coord(PLOT_RIGHT - 9.0),
        fmt_coord(PLOT_RIGHT - 24.0),
        escape(labels.orders)
    );
}

/// The totals, for screen readers: `2026-11-24 – 2026-11-30: Revenue 1,234.50 CNY, Orders 3`.
fn description(points: &[DayPoint], labels: &ChartLabels) -> String {
    let revenue: i64 = points.iter().map(|p| p.revenue_minor).sum();
    let orders: i64 = points.iter().map(|p| p.orders).sum();
    let totals = format!(
        "{} {} {}, {} {}",
        labels.revenue,
        format_minor(revenue),
        labels.currency,
        labels.orders,
        group_thousands(orders)
    );
    match (points.first(), points.last()) {
        (Some(first), Some(last)) if points.len() > 1 => {
            format!("{} – {}: {totals}", first.day, last.day)
        }
        (Some(only), _) => format!("{}: {totals}", only.day),
        _ => totals,
    }
}

/// A bar's tooltip: `2026-11-30: Revenue 1,234.50 CNY, Orders 3`.
fn tooltip(point: &DayPoint, labels: &ChartLabels) -> String {
    format!(
        "{}: {} {} {}, {} {}",
        point.day,
        labels.revenue,
        format_minor(point.revenue_minor),
        labels.currency,
        labels.orders,
        group_thousands(point.orders)
    )
}

/// One axis: ticks at `step × i` up to `top`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Axis {
    step: i64,
    intervals: i64,
    /// The value at the top of the plot; at least 1, so scaling never divides by zero.
    top: i64,
}

impl Axis {
    /// The value of gridline `i` of `of`, or `None` where this axis has no tick.
    /// An axis without data only labels its zero.
    fn tick(self, i: i64, of: i64) -> Option<i64> {
        if self.intervals == 0 {
            (i == 0).then_some(0)
        } else {
            debug_assert_eq!(self.intervals, of);
            Some(self.step * i)
        }
    }
}

const EMPTY_AXIS: Axis = Axis {
    step: 1,
    intervals: 0,
    top: 1,
};

/// The smallest 1, 2 or 5 × 10ⁿ that is at least `raw` (and at least 1).
fn nice_step(raw: i64) -> i64 {
    let raw = raw.max(1);
    let mut magnitude: i64 = 1;
    while magnitude <= raw / 10 {
        magnitude *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| magnitude.saturating_mul(m))
        .find(|&step| step >= raw)
        .unwrap_or(i64::MAX)
}

/// How many nice intervals an axis needs on its own.
fn natural_intervals(max: i64) -> i64 {
    if max <= 0 {
        0
    } else {
        let step = nice_step(div_ceil(max, TARGET_INTERVALS));
        div_ceil(max, step)
    }
}

/// Scales for revenue and orders sharing one set of gridlines: both get the same number
/// of intervals, each with its own nice step.
fn shared_scales(max_revenue: i64, max_orders: i64) -> (Axis, Axis) {
    let intervals = natural_intervals(max_revenue).max(natural_intervals(max_orders));
    let axis = |max: i64| {
        if max <= 0 {
            EMPTY_AXIS
        } else {
            let step = nice_step(div_ceil(max, intervals));
            Axis {
                step,
                intervals,
                top: step.saturating_mul(intervals).max(1),
            }
        }
    };
    (axis(max_revenue), axis(max_orders))
}

fn div_ceil(a: i64, b: i64) -> i64 {
    let b = b.max(1);
    a / b + i64::from(a % b != 0)
}

/// The height in the plot of `value` on an axis whose top is `top`; negatives are zero.
fn scaled(value: i64, top: i64) -> f64 {
    let fraction = value.clamp(0, top) as f64 / top.max(1) as f64;
    fraction * (PLOT_BOTTOM - PLOT_TOP)
}

/// The y of gridline `i` of `intervals` (0 is the baseline).
fn y_at(i: i64, intervals: i64) -> f64 {
    PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * i as f64 / intervals.max(1) as f64
}

/// One decimal is plenty in a 720-wide viewBox; non-finite values never get out.
fn fmt_coord(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.1}");
    match s.strip_suffix(".0") {
        Some("-0") => "0".to_string(),
        Some(whole) => whole.to_string(),
        None => s,
    }
}

/// Which points get a date under them: about seven, evenly spaced, always the last day.
fn x_label_indices(len: usize) -> Vec<usize> {
    if len == 0 {
        return Vec::new();
    }
    let stride = len.div_ceil(TARGET_X_LABELS);
    let mut indices: Vec<usize> = (0..len).rev().step_by(stride).collect();
    indices.reverse();
    indices
}

/// `2026-11-30` → `11-30`; anything else is shown as it is.
fn short_day(day: &str) -> &str {
    let b = day.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        day.get(5..).unwrap_or(day)
    } else {
        day
    }
}

/// `123450` → `1,234.50`.
fn format_minor(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", group_digits(abs / 100), abs % 100)
}

/// A revenue tick: whole units when the step is whole (`1,500`), else two decimals;
/// zero is always `0`.
fn format_tick_minor(minor: i64, step: i64) -> String {
    if minor == 0 || step % 100 == 0 {
        let sign = if minor < 0 { "-" } else { "" };
        format!("{sign}{}", group_digits(minor.unsigned_abs() / 100))
    } else {
        format_minor(minor)
    }
}

fn group_thousands(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_digits(n.unsigned_abs()))
}

fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests;
