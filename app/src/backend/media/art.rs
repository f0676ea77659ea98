//! The drawings: a 4:3 SVG per gallery picture, from the category's colours and motif,
//! varied by the product's title. No text (no fonts on the server), nothing fetched.

use super::motifs::{Style, style_of};

/// The outline colour of every motif.
const INK: &str = "#1d2a22";

/// What a seller's product without a picture of its own shows, the same for every product:
/// a pale frame with the outline of a landscape picture.
pub fn placeholder_svg() -> String {
    frame(
        "",
        r##"<rect width="320" height="240" fill="#eef0ec"/><rect x="116" y="78" width="88" height="66" rx="6" fill="none" stroke="#b9bfb6" stroke-width="4"/><circle cx="142" cy="100" r="8" fill="#b9bfb6"/><path d="M122 138l26-26 16 14 12-10 22 22z" fill="#b9bfb6"/>"##,
    )
}

/// Picture `index` of a product: 0 the motif on a soft background, 1 a close-up of the
/// motif, 2 and beyond a pattern of small motifs on a tinted background.
pub fn product_svg(category: &str, title: &str, index: u8) -> String {
    let style = style_of(category);
    let seed = title
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    match index {
        0 => main_picture(&style, seed),
        1 => close_up(&style, mix32(seed, 1)),
        _ => pattern(&style, mix32(seed, u32::from(index))),
    }
}

/// The motif in the middle, moved and turned a little by the title, over a glow and a shadow.
fn main_picture(style: &Style, seed: u32) -> String {
    let dx = (seed % 60) as i32 - 30;
    let dy = ((seed / 60) % 30) as i32 - 15;
    let rotate = (seed / 1800) % 30;
    let defs = [
        &background(
            mix(style.background, "#ffffff", 0.22),
            mix(style.background, INK, 0.12),
            (0, 0, 1, 1),
        ),
        &texture(style.background, seed, Texture::Dots),
        GLOW,
        SHADOW,
        &motif(style),
    ]
    .concat();
    let body = format!(
        r##"<rect width="320" height="240" fill="url(#bg)"/><rect width="320" height="240" fill="url(#tex)"/><circle cx="{cx}" cy="{cy}" r="190" fill="url(#glow)"/><ellipse cx="{sx}" cy="{sy}" rx="88" ry="15" fill="url(#shade)"/><use href="#motif" transform="translate({tx} {ty}) rotate({rotate} 160 120)"/>"##,
        cx = 60 + dx * 2,
        cy = 40 + dy,
        sx = 160 + dx / 2,
        sy = 196 + dy / 2,
        tx = dx / 2,
        ty = dy / 2,
    );
    frame(&defs, &body)
}

/// The motif enlarged past the frame, on diagonal stripes, darkened at the edges.
fn close_up(style: &Style, seed: u32) -> String {
    let scale = 1.7 + f64::from(seed % 4) * 0.15;
    let fx = (seed / 4 % 81) as i32 - 40;
    let fy = (seed / 324 % 41) as i32 - 20;
    let rotate = (seed / 13_284 % 40) as i32 - 20;
    let light = mix(style.background, style.accent, 0.18);
    let defs = [
        &background(
            mix(&light, "#ffffff", 0.15),
            mix(style.background, INK, 0.18),
            (1, 0, 0, 1),
        ),
        &texture(style.background, seed, Texture::Stripes),
        VIGNETTE,
        &motif(style),
    ]
    .concat();
    let body = format!(
        r##"<rect width="320" height="240" fill="url(#bg)"/><rect width="320" height="240" fill="url(#tex)"/><use href="#motif" transform="translate({x} {y}) scale({scale:.2}) rotate({rotate}) translate(-160 -120)"/><rect width="320" height="240" fill="url(#vignette)"/>"##,
        x = 160 + fx,
        y = 120 + fy,
    );
    frame(&defs, &body)
}

/// Rows of small motifs, every other row shifted half a step, on a tint of the colours.
fn pattern(style: &Style, seed: u32) -> String {
    let tint = if luminance(style.background) > 0.6 {
        mix(style.background, style.accent, 0.35)
    } else {
        mix(style.background, "#ffffff", 0.55)
    };
    let defs = [
        &background(
            mix(&tint, "#ffffff", 0.2),
            mix(&tint, INK, 0.08),
            (0, 1, 1, 0),
        ),
        texture(&tint, seed, Texture::Dots).as_str(),
        &motif(style),
    ]
    .concat();
    let turn = (seed % 25) as i32 + 5;
    let (shift_x, shift_y) = ((seed / 1125 % 40) as i32, (seed / 45_000 % 24) as i32);
    let mut body = String::from(
        r##"<rect width="320" height="240" fill="url(#bg)"/><rect width="320" height="240" fill="url(#tex)"/>"##,
    );
    for row in 0..4i32 {
        for column in 0..5i32 {
            let x = column * 80 - (row % 2) * 40 + shift_x;
            let y = row * 72 - shift_y;
            let rotate = if (row + column) % 2 == 0 { turn } else { -turn };
            body.push_str(&format!(
                r##"<use href="#motif" transform="translate({x} {y}) rotate({rotate}) scale(0.36) translate(-160 -120)"/>"##
            ));
        }
    }
    frame(&defs, &body)
}

fn frame(defs: &str, body: &str) -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 240" width="320" height="240" role="img"><defs>{defs}</defs>{body}</svg>"##
    )
}

/// A linear gradient `#bg` from `from` to `to` along (x1, y1) → (x2, y2) of the picture.
fn background(from: String, to: String, (x1, y1, x2, y2): (u8, u8, u8, u8)) -> String {
    format!(
        r##"<linearGradient id="bg" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"><stop offset="0" stop-color="{from}"/><stop offset="1" stop-color="{to}"/></linearGradient>"##
    )
}

enum Texture {
    Dots,
    Stripes,
}

/// A faint repeating texture `#tex`: light on dark backgrounds, dark on light ones.
fn texture(background: &str, seed: u32, kind: Texture) -> String {
    let (colour, opacity) = if luminance(background) > 0.6 {
        (INK, 0.07)
    } else {
        ("#ffffff", 0.1)
    };
    let angle = seed % 45;
    let shape = match kind {
        Texture::Dots => {
            format!(r##"<circle cx="7" cy="7" r="1.6" fill="{colour}" fill-opacity="{opacity}"/>"##)
        }
        Texture::Stripes => {
            format!(r##"<rect width="5" height="14" fill="{colour}" fill-opacity="{opacity}"/>"##)
        }
    };
    format!(
        r##"<pattern id="tex" width="14" height="14" patternUnits="userSpaceOnUse" patternTransform="rotate({angle})">{shape}</pattern>"##
    )
}

const GLOW: &str = r##"<radialGradient id="glow"><stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>"##;

const SHADOW: &str = r##"<radialGradient id="shade"><stop offset="0" stop-color="#000000" stop-opacity="0.3"/><stop offset="1" stop-color="#000000" stop-opacity="0"/></radialGradient>"##;

const VIGNETTE: &str = r##"<radialGradient id="vignette" r="0.75"><stop offset="0.55" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.28"/></radialGradient>"##;

/// The category's motif as `#motif`, drawn around (160, 120) of the 320 × 240 picture.
fn motif(style: &Style) -> String {
    format!(
        r##"<g id="motif" fill="{accent}" stroke="{INK}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round">{shapes}</g>"##,
        accent = style.accent,
        shapes = style.motif,
    )
}

/// Spreads a seed so that neighbouring indexes give unrelated compositions.
fn mix32(seed: u32, salt: u32) -> u32 {
    let mut x = seed ^ salt.wrapping_mul(0x9e37_79b9);
    x ^= x >> 16;
    x = x.wrapping_mul(0x7feb_352d);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846c_a68b);
    x ^ (x >> 16)
}

fn rgb(hex: &str) -> [f64; 3] {
    let channel = |i: usize| {
        hex.get(1 + 2 * i..3 + 2 * i)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .map_or(0.0, f64::from)
    };
    [channel(0), channel(1), channel(2)]
}

/// `a` moved a fraction `t` of the way towards `b`, as `#rrggbb`.
fn mix(a: &str, b: &str, t: f64) -> String {
    let (a, b) = (rgb(a), rgb(b));
    let c = |i: usize| (a[i] + (b[i] - a[i]) * t).round().clamp(0.0, 255.0) as u8;
    format!("#{:02x}{:02x}{:02x}", c(0), c(1), c(2))
}

/// Relative brightness from 0 (black) to 1 (white).
fn luminance(hex: &str) -> f64 {
    let [r, g, b] = rgb(hex);
    (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_is_a_complete_svg_document() {
        let svg = product_svg("fruit", "Sindhri Mango", 0);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn the_same_product_and_index_always_give_the_same_picture() {
        for index in 0..3 {
            assert_eq!(
                product_svg("spices", "Kashmiri Chilli", index),
                product_svg("spices", "Kashmiri Chilli", index)
            );
        }
    }

    #[test]
    fn every_index_and_every_title_gives_a_different_picture() {
        let pictures: Vec<String> = (0..3)
            .map(|index| product_svg("fruit", "Sindhri Mango", index))
            .collect();
        assert_ne!(pictures[0], pictures[1]);
        assert_ne!(pictures[1], pictures[2]);
        assert_ne!(pictures[0], pictures[2]);
        for index in 0..3 {
            assert_ne!(
                product_svg("fruit", "Sindhri Mango", index),
                product_svg("fruit", "Chaunsa Mango", index)
            );
        }
    }

    #[test]
    fn colours_mix_channel_by_channel() {
        assert_eq!(mix("#000000", "#ffffff", 0.5), "#808080");
        assert_eq!(mix("#102030", "#102030", 0.3), "#102030");
        assert!(luminance("#ffffff") > 0.99 && luminance("#000000") < 0.01);
    }
}
