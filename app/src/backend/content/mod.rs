//! Editorial content: the articles' store and editor, the demo content, and the helpers
//! (Markdown → sanitised HTML, Atom feeds, a borderless schematic SVG map).

pub mod editor;
pub mod feed;
pub mod map;
pub mod markdown;
pub mod revision;
pub mod seed;
pub mod store;
