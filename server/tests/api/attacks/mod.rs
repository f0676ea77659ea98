//! What an attacker with ordinary accounts tried (issue 14), one module per finding.

mod crafted_paths;
mod csv_formulas;
mod draft_covers;
mod edits_review;
mod markup;
mod metrics;
mod open_redirect;
mod private_caching;
mod reset_links;
mod sandbox;
