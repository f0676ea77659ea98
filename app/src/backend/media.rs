//! Product pictures drawn on the server as SVG: every image is made here, none fetched.

use sqlx::AnyPool;

/// The top-level category slug and English title of a product, for drawing its picture.
pub async fn product_art(
    pool: &AnyPool,
    slug: &str,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as::<_, (String, String)>(
        "SELECT COALESCE(parent.slug, c.slug), t.title FROM products p \
         JOIN categories c ON c.id = p.category_id \
         LEFT JOIN categories parent ON parent.id = c.parent_id \
         JOIN product_texts t ON t.product_id = p.id AND t.locale = 'en' \
         WHERE p.slug = $1",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await
}

/// A 4:3 picture: the category's colours and motif, varied by the product's title.
pub fn product_svg(category: &str, title: &str) -> String {
    let (background, accent, motif) = style_of(category);
    let seed = title
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    let dx = (seed % 60) as i32 - 30;
    let dy = ((seed / 60) % 30) as i32 - 15;
    let rotate = (seed / 1800) % 30;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 240" width="320" height="240" role="img"><rect width="320" height="240" fill="{background}"/><circle cx="{cx}" cy="{cy}" r="150" fill="#ffffff" opacity="0.12"/><g transform="translate({tx} {ty}) rotate({rotate} 160 120)" fill="{accent}" stroke="#1d2a22" stroke-width="3" stroke-linejoin="round">{motif}</g></svg>"##,
        cx = 60 + dx * 2,
        cy = 40 + dy,
        tx = dx / 2,
        ty = dy / 2,
    )
}

fn style_of(category: &str) -> (&'static str, &'static str, &'static str) {
    match category {
        "rice" => (
            "#f3ead2",
            "#fffaf0",
            r##"<ellipse cx="130" cy="120" rx="12" ry="34" transform="rotate(-25 130 120)"/><ellipse cx="165" cy="115" rx="12" ry="34"/><ellipse cx="200" cy="122" rx="12" ry="34" transform="rotate(25 200 122)"/>"##,
        ),
        "spices" => (
            "#b6462b",
            "#f0a13a",
            r##"<path d="M90 160 Q160 60 230 160 Z"/><circle cx="160" cy="170" r="10"/>"##,
        ),
        "fruit" => (
            "#fbe3a1",
            "#f6a623",
            r##"<ellipse cx="160" cy="125" rx="70" ry="52" transform="rotate(-20 160 125)"/><path d="M190 70 q20 -20 40 -10 q-15 20 -40 10z" fill="#3f8f3a"/>"##,
        ),
        "dried-fruit-nuts" => (
            "#8a5a3b",
            "#d9a066",
            r##"<circle cx="130" cy="120" r="32"/><circle cx="190" cy="130" r="28"/><circle cx="160" cy="165" r="22"/>"##,
        ),
        "himalayan-salt" => (
            "#f6d5d0",
            "#ee9d92",
            r##"<path d="M120 80 L200 70 L220 150 L170 185 L110 160 Z"/>"##,
        ),
        "tea-snacks" => (
            "#d8e8cf",
            "#ffffff",
            r##"<path d="M110 95 h100 v55 a50 40 0 0 1 -100 0 z"/><path d="M210 105 q30 5 0 35" fill="none"/>"##,
        ),
        "textiles-garments" => (
            "#1f5f8b",
            "#f2c14e",
            r##"<path d="M100 80 l35 -15 q25 20 50 0 l35 15 l-15 35 l-15 -8 v75 h-60 v-75 l-15 8 z"/>"##,
        ),
        "leather-goods" => (
            "#6b3e26",
            "#b5733f",
            r##"<rect x="95" y="90" width="130" height="85" rx="12"/><path d="M130 90 q30 -40 60 0" fill="none"/>"##,
        ),
        "sports-goods" => (
            "#2f7d32",
            "#ffffff",
            r##"<circle cx="160" cy="120" r="60"/><path d="M160 95 l22 16 -8 26 h-28 l-8 -26 z" fill="#1d2a22"/>"##,
        ),
        "furniture" => (
            "#e7d3b5",
            "#8b5a2b",
            r##"<rect x="115" y="70" width="90" height="60" rx="6"/><rect x="110" y="130" width="100" height="16"/><rect x="115" y="146" width="12" height="45"/><rect x="193" y="146" width="12" height="45"/>"##,
        ),
        "handicrafts" => (
            "#1b4d89",
            "#ffffff",
            r##"<path d="M130 70 h60 l-8 25 q45 30 10 90 h-64 q-35 -60 10 -90 z"/><circle cx="160" cy="135" r="14" fill="#1b4d89"/>"##,
        ),
        _ => (
            "#01411c",
            "#ffffff",
            r##"<circle cx="150" cy="120" r="45"/><circle cx="168" cy="112" r="40" fill="#01411c" stroke="none"/>"##,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_is_a_complete_svg_document() {
        let svg = product_svg("fruit", "Sindhri Mango");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert_ne!(svg, product_svg("fruit", "Chaunsa Mango"));
    }
}
