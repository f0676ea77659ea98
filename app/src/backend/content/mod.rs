//! Editorial content helpers: Markdown → sanitised HTML, Atom feeds, and a
//! borderless schematic SVG map. `feed` and `map` use only `std`.

pub mod feed;
pub mod map;
pub mod markdown;
