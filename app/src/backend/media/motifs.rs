//! The colours and motif of each top-level category, drawn around (160, 120).

pub struct Style {
    pub background: &'static str,
    pub accent: &'static str,
    /// SVG shapes, filled with `accent` and outlined unless they say otherwise.
    pub motif: &'static str,
}

pub fn style_of(category: &str) -> Style {
    let (background, accent, motif) = match category {
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
        // A crescent: the inner disc is cut out with a mask, so the background shows through.
        _ => (
            "#01411c",
            "#ffffff",
            r##"<mask id="crescent" maskUnits="userSpaceOnUse" x="0" y="0" width="320" height="240"><rect width="320" height="240" fill="#ffffff"/><circle cx="168" cy="112" r="40" fill="#000000"/></mask><circle cx="150" cy="120" r="45" mask="url(#crescent)"/>"##,
        ),
    };
    Style {
        background,
        accent,
        motif,
    }
}
