//! The `pavilion` server: configuration, router, middleware and the CLI's commands.

pub mod backup;
mod client;
pub mod config;
mod handlers;
mod middleware;
mod observability;
mod rate_limit;
mod request_id;
pub mod startup;
pub mod telemetry;
