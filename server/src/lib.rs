//! The `pavilion` server: configuration, router, middleware and the CLI's commands.

pub mod assets;
pub mod backup;
mod client;
pub mod config;
pub mod connections;
mod explain;
mod handlers;
mod middleware;
mod not_found;
mod observability;
mod page_cache;
mod rate_limit;
mod renders;
mod request_id;
pub mod routes;
pub mod startup;
pub mod telemetry;
