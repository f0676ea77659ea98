//! Schematic "where it comes from" map drawn as a self-contained inline SVG.
//!
//! Deliberately draws NO country borders, coastlines or tiles (and calls no
//! tile service): only a light 10° graticule with degree labels, the points,
//! their labels and dashed curves from each origin to each pavilion. Borders
//! drawn wrongly would offend readers, so we draw none. Uses an equirectangular
//! projection (standard parallel at the frame's middle latitude) fitted to the
//! points; output is deterministic and every piece of text is XML-escaped.

// `write!` into a `String` cannot fail, so its `fmt::Result` is ignored (`let _ =`).
use std::fmt::Write as _;

use crate::backend::xml::escape;

const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 520.0;
/// Inner padding between the SVG edge and the plotted frame, in px.
const PAD: f64 = 28.0;
/// Default frame (lon_min, lon_max, lat_min, lat_max): Pakistan to China.
const DEFAULT_FRAME: [f64; 4] = [60.0, 125.0, 18.0, 48.0];
/// Degrees kept around every point when the frame has to grow.
const MARGIN_DEG: f64 = 3.0;
const GRID_STEP_DEG: f64 = 10.0;
const PAVILION_COLOR: &str = "#01411c";
const ORIGIN_COLOR: &str = "#b5462b";

/// What a point on the map stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointKind {
    /// A pavilion / shop location (large dark-green dot).
    Pavilion,
    /// Where a product or craft comes from (smaller accent dot).
    Origin,
}

/// A labelled point in degrees (WGS 84 longitude east, latitude north).
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    pub label: String,
    pub lon: f64,
    pub lat: f64,
    /// Optional link; only `http(s)` and relative URLs are used, others are ignored.
    pub href: Option<String>,
    pub kind: PointKind,
}

/// Formats a coordinate with one decimal, never as `-0.0`.
fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        "0.0".to_owned()
    } else {
        format!("{rounded:.1}")
    }
}

/// Keeps `http`, `https` and relative links; rejects `javascript:` and friends.
fn safe_href(href: &str) -> Option<&str> {
    let href = href.trim();
    let scheme_end = href.find([':', '/', '?', '#']);
    match scheme_end {
        _ if href.is_empty() || href.chars().any(char::is_control) => None,
        Some(i) if href[i..].starts_with(':') => {
            let scheme = href[..i].to_ascii_lowercase();
            (scheme == "http" || scheme == "https").then_some(href)
        }
        _ => Some(href),
    }
}

/// Rough rendered width of a 12px label, to keep it inside the picture.
fn label_width(label: &str) -> f64 {
    label
        .chars()
        .map(|c| if c.is_ascii() { 6.8 } else { 12.0 })
        .sum()
}

fn degree_label(value: f64, positive: char, negative: char) -> String {
    let whole = value.round() as i64;
    match whole {
        0 => "0°".to_owned(),
        w if w > 0 => format!("{w}°{positive}"),
        w => format!("{}°{negative}", -w),
    }
}

/// Equirectangular projection fitted into the padded viewBox.
struct Projection {
    lon_min: f64,
    lat_max: f64,
    /// cos(standard parallel): horizontal shrink of a degree of longitude.
    k: f64,
    scale: f64,
    x0: f64,
    y0: f64,
}

impl Projection {
    fn fit(points: &[&MapPoint]) -> Self {
        let [mut lon_min, mut lon_max, mut lat_min, mut lat_max] = DEFAULT_FRAME;
        for p in points {
            lon_min = lon_min.min(p.lon - MARGIN_DEG);
            lon_max = lon_max.max(p.lon + MARGIN_DEG);
            lat_min = lat_min.min(p.lat - MARGIN_DEG);
            lat_max = lat_max.max(p.lat + MARGIN_DEG);
        }
        let (lat_min, lat_max) = (lat_min.max(-90.0), lat_max.min(90.0));
        let k = ((lat_min + lat_max) / 2.0)
            .clamp(-60.0, 60.0)
            .to_radians()
            .cos();
        let (frame_w, frame_h) = ((lon_max - lon_min) * k, lat_max - lat_min);
        let (plot_w, plot_h) = (WIDTH - 2.0 * PAD, HEIGHT - 2.0 * PAD);
        let scale = (plot_w / frame_w).min(plot_h / frame_h);
        Projection {
            lon_min,
            lat_max,
            k,
            scale,
            x0: PAD + (plot_w - frame_w * scale) / 2.0,
            y0: PAD + (plot_h - frame_h * scale) / 2.0,
        }
    }

    fn x(&self, lon: f64) -> f64 {
        self.x0 + (lon - self.lon_min) * self.k * self.scale
    }

    fn y(&self, lat: f64) -> f64 {
        self.y0 + (self.lat_max - lat) * self.scale
    }

    fn lon_at(&self, x: f64) -> f64 {
        self.lon_min + (x - self.x0) / (self.k * self.scale)
    }

    fn lat_at(&self, y: f64) -> f64 {
        self.lat_max - (y - self.y0) / self.scale
    }
}

/// Multiples of the grid step inside `[from, to]`.
fn grid_values(from: f64, to: f64) -> impl Iterator<Item = f64> {
    let first = (from / GRID_STEP_DEG).ceil() as i64;
    let last = (to / GRID_STEP_DEG).floor() as i64;
    (first..=last).map(|i| i as f64 * GRID_STEP_DEG)
}

fn draw_graticule(svg: &mut String, proj: &Projection) {
    let (left, right, top, bottom) = (PAD, WIDTH - PAD, PAD, HEIGHT - PAD);
    let (l, r, t, b) = (num(left), num(right), num(top), num(bottom));
    let mut lines = String::new();
    let mut labels = String::new();
    for lon in grid_values(proj.lon_at(left), proj.lon_at(right)) {
        let (x, label_x, label_y) = (num(proj.x(lon)), num(proj.x(lon) + 3.0), num(bottom - 4.0));
        let label = degree_label(lon, 'E', 'W');
        let _ = write!(lines, "<line x1=\"{x}\" y1=\"{t}\" x2=\"{x}\" y2=\"{b}\"/>");
        let _ = write!(
            labels,
            "<text x=\"{label_x}\" y=\"{label_y}\">{label}</text>"
        );
    }
    for lat in grid_values(proj.lat_at(bottom), proj.lat_at(top)) {
        let (y, label_x, label_y) = (num(proj.y(lat)), num(left + 3.0), num(proj.y(lat) - 3.0));
        let label = degree_label(lat, 'N', 'S');
        let _ = write!(lines, "<line x1=\"{l}\" y1=\"{y}\" x2=\"{r}\" y2=\"{y}\"/>");
        let _ = write!(
            labels,
            "<text x=\"{label_x}\" y=\"{label_y}\">{label}</text>"
        );
    }
    let _ = write!(
        svg,
        "<g class=\"graticule\" stroke=\"#d9d3c3\" stroke-width=\"0.6\" fill=\"none\">{lines}</g>\
         <g class=\"graticule-labels\" font-size=\"10\" fill=\"#8c8577\">{labels}</g>"
    );
}

/// `x y` with one decimal each.
fn xy(x: f64, y: f64) -> String {
    format!("{} {}", num(x), num(y))
}

fn draw_routes(svg: &mut String, proj: &Projection, points: &[&MapPoint]) {
    let _ = write!(
        svg,
        "<g class=\"routes\" fill=\"none\" stroke=\"{ORIGIN_COLOR}\" stroke-width=\"1.2\" \
         stroke-dasharray=\"4 4\" stroke-opacity=\"0.7\">"
    );
    let of_kind = |kind| points.iter().filter(move |p| p.kind == kind);
    for origin in of_kind(PointKind::Origin) {
        for pavilion in of_kind(PointKind::Pavilion) {
            let (ax, ay) = (proj.x(origin.lon), proj.y(origin.lat));
            let (bx, by) = (proj.x(pavilion.lon), proj.y(pavilion.lat));
            let (dx, dy) = (bx - ax, by - ay);
            let length = dx.hypot(dy);
            if length < 1.0 {
                continue;
            }
            // Control point: off the chord's midpoint by 20% of its length,
            // on the upper side so the arcs bow "over" the map consistently.
            let (mut nx, mut ny) = (-dy / length, dx / length);
            if ny > 0.0 || (ny == 0.0 && nx > 0.0) {
                (nx, ny) = (-nx, -ny);
            }
            let (mx, my) = ((ax + bx) / 2.0, (ay + by) / 2.0);
            let control = xy(mx + nx * 0.2 * length, my + ny * 0.2 * length);
            let (from, to) = (xy(ax, ay), xy(bx, by));
            let _ = write!(svg, "<path d=\"M{from} Q{control} {to}\"/>");
        }
    }
    svg.push_str("</g>");
}

fn draw_point(svg: &mut String, proj: &Projection, point: &MapPoint) {
    let (x, y) = (proj.x(point.lon), proj.y(point.lat));
    let (r, color, class) = match point.kind {
        PointKind::Pavilion => (7.0, PAVILION_COLOR, "pavilion"),
        PointKind::Origin => (5.0, ORIGIN_COLOR, "origin"),
    };
    let href = point.href.as_deref().and_then(safe_href);
    if let Some(href) = href {
        let _ = write!(svg, "<a href=\"{}\">", escape(href));
    }
    let gap = r + 4.0;
    let (label_x, anchor) = if x + gap + label_width(&point.label) > WIDTH - 4.0 {
        (x - gap, "end")
    } else {
        (x + gap, "start")
    };
    let (cx, cy, radius, tx, ty) = (num(x), num(y), num(r), num(label_x), num(y + 4.0));
    let label = escape(&point.label);
    let _ = write!(
        svg,
        "<g class=\"{class}\"><circle cx=\"{cx}\" cy=\"{cy}\" r=\"{radius}\" fill=\"{color}\" \
         stroke=\"#ffffff\" stroke-width=\"1.5\"/><text x=\"{tx}\" y=\"{ty}\" text-anchor=\"{anchor}\" \
         paint-order=\"stroke\" stroke=\"#f7f4ec\" stroke-width=\"3\">{label}</text></g>"
    );
    if href.is_some() {
        svg.push_str("</a>");
    }
}

/// Draws `points` on a borderless schematic map and returns the `<svg>` markup
/// (viewBox 800×520, `role="img"`, with `<title>`/`<desc>` for screen readers).
///
/// The frame is lon 60–125 / lat 18–48 and grows (3° margin) to fit points
/// outside it. Points with non-finite or out-of-range coordinates are skipped.
pub fn schematic_map(points: &[MapPoint], title: &str, description: &str) -> String {
    let points: Vec<&MapPoint> = points
        .iter()
        .filter(|p| {
            p.lon.is_finite() && p.lat.is_finite() && p.lon.abs() <= 180.0 && p.lat.abs() <= 90.0
        })
        .collect();
    let proj = Projection::fit(&points);
    let mut svg = String::with_capacity(4096 + points.len() * 256);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         class=\"schematic-map\" font-family=\"system-ui, sans-serif\">\
         <title>{}</title><desc>{}</desc>\
         <rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" rx=\"12\" fill=\"#f7f4ec\"/>",
        escape(title),
        escape(description)
    );
    draw_graticule(&mut svg, &proj);
    draw_routes(&mut svg, &proj, &points);
    svg.push_str("<g class=\"points\" font-size=\"12\" fill=\"#2b2b2b\">");
    // Origins first so pavilions are drawn on top of them.
    for kind in [PointKind::Origin, PointKind::Pavilion] {
        for point in points.iter().filter(|p| p.kind == kind) {
            draw_point(&mut svg, &proj, point);
        }
    }
    svg.push_str("</g></svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use PointKind::{Origin, Pavilion};

    fn pt(label: &str, lon: f64, lat: f64, kind: PointKind) -> MapPoint {
        let label = label.to_owned();
        MapPoint {
            label,
            lon,
            lat,
            href: None,
            kind,
        }
    }

    fn sample() -> Vec<MapPoint> {
        let mut chengdu = pt("成都 Chengdu", 104.07, 30.67, Pavilion);
        chengdu.href = Some("/zh/visit?city=chengdu&x=1".to_owned());
        let mut peshawar = pt("Peshawar", 71.57, 34.01, Origin);
        peshawar.href = Some(" JavaScript:alert(1)".to_owned());
        let lahore = pt("Lahore <Punjab> & \"Co\"", 74.34, 31.55, Origin);
        vec![
            chengdu,
            lahore,
            peshawar,
            pt("Shanghai Pavilion far east", 121.47, 31.23, Pavilion),
        ]
    }

    /// Numeric value of attribute `name` in the first tag starting with `tag`.
    fn attr(svg: &str, tag: &str, name: &str) -> f64 {
        let rest = &svg[svg.find(tag).expect("tag present")..];
        let at = rest
            .find(&format!(" {name}=\""))
            .expect("attribute present")
            + name.len()
            + 3;
        let end = rest[at..].find('"').expect("closing quote");
        rest[at..at + end].parse().expect("numeric attribute")
    }

    /// Centre of the circle drawn for `label`.
    fn centre(svg: &str, label: &str) -> (f64, f64) {
        let at = svg.find(&format!(">{label}<")).expect("label drawn");
        let circle = &svg[svg[..at].rfind("<circle").expect("circle before label")..];
        (attr(circle, "<circle", "cx"), attr(circle, "<circle", "cy"))
    }

    #[test]
    fn there_is_one_circle_per_point() {
        let svg = schematic_map(&sample(), "Map", "Desc");
        assert_eq!(svg.matches("<circle").count(), 4);
        assert_eq!(svg.matches("r=\"7.0\" fill=\"#01411c\"").count(), 2);
        assert_eq!(svg.matches("r=\"5.0\" fill=\"#b5462b\"").count(), 2);
        // Two origins × two pavilions = four dashed routes.
        assert_eq!(svg.matches("<path d=\"M").count(), 4);
    }

    #[test]
    fn labels_titles_and_hrefs_are_escaped() {
        let svg = schematic_map(&sample(), "Crafts <of> Pakistan & China", "\"desc\" 'x'");
        assert!(svg.contains(">Lahore &lt;Punjab&gt; &amp; &quot;Co&quot;</text>"));
        assert!(svg.contains("<title>Crafts &lt;of&gt; Pakistan &amp; China</title>"));
        assert!(svg.contains("<desc>&quot;desc&quot; &apos;x&apos;</desc>"));
        assert!(svg.contains("<a href=\"/zh/visit?city=chengdu&amp;x=1\">"));
        assert!(
            !svg.to_lowercase().contains("javascript"),
            "unsafe href kept"
        );
        assert!(svg.contains("role=\"img\"") && svg.contains("viewBox=\"0 0 800 520\""));
    }

    #[test]
    fn chengdu_lands_inside_the_viewbox() {
        let (x, y) = centre(&schematic_map(&sample(), "Map", "Desc"), "成都 Chengdu");
        assert!(
            (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y),
            "({x}, {y})"
        );
        // Points inside the default frame do not move the frame.
        let alone = schematic_map(&[pt("成都 Chengdu", 104.07, 30.67, Pavilion)], "", "");
        assert_eq!(centre(&alone, "成都 Chengdu"), (x, y));
    }

    #[test]
    fn the_frame_grows_to_fit_far_away_points() {
        let points = [
            pt("Karachi", 67.0, 24.86, Origin),
            pt("Paris", 2.35, 48.86, Pavilion),
            pt("Sydney", 151.2, -33.87, Pavilion),
        ];
        let svg = schematic_map(&points, "World", "");
        for label in ["Karachi", "Paris", "Sydney"] {
            let (x, y) = centre(&svg, label);
            let inside = (PAD..=WIDTH - PAD).contains(&x) && (PAD..=HEIGHT - PAD).contains(&y);
            assert!(inside, "{label}: {x},{y}");
        }
        assert!(svg.contains(">30°S<") && svg.contains(">0°<") && svg.contains(">150°E<"));
    }

    #[test]
    fn labels_near_the_right_edge_are_anchored_to_the_left() {
        let svg = schematic_map(&sample(), "Map", "Desc");
        let anchor = |label: &str| {
            let at = svg.find(label).expect("label");
            let tag = &svg[svg[..at].rfind("<text").expect("text tag")..at];
            tag.contains("text-anchor=\"end\"")
        };
        assert!(anchor("Shanghai Pavilion"));
        assert!(!anchor("Lahore"));
    }

    #[test]
    fn there_is_no_script_and_no_geography_beyond_the_graticule() {
        let svg = schematic_map(&sample(), "<script>alert(1)</script>", "");
        assert!(!svg.contains("<script"));
        for absent in [
            "<polygon",
            "<polyline",
            "<image",
            "<use",
            "http://tile",
            "-0.0",
        ] {
            assert!(!svg.contains(absent), "{absent}");
        }
        assert!(svg.contains(">70°E<") && svg.contains(">30°N<"));
    }

    #[test]
    fn output_is_deterministic_and_skips_invalid_points() {
        let svg = schematic_map(&sample(), "Map", "Desc");
        assert_eq!(svg, schematic_map(&sample(), "Map", "Desc"));
        let mut points = sample();
        points.push(pt("Nowhere", f64::NAN, 10.0, Origin));
        points.push(pt("Too far", 10.0, 95.0, Origin));
        assert_eq!(schematic_map(&points, "Map", "Desc"), svg);
        let empty = schematic_map(&[], "Empty", "");
        assert!(empty.starts_with("<svg") && empty.ends_with("</svg>"));
        assert!(!empty.contains("<circle") && empty.contains(">60°E<"));
    }
}
