//! Editorial content: reading published articles (store), writing them (writing), the demo content, and the helpers
//! (Markdown → sanitised HTML, Atom feeds, a borderless schematic SVG map).

pub mod feed;
pub mod map;
pub mod markdown;
pub mod revision;
pub mod seed;
pub mod store;
pub mod writing;
