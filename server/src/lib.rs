//! The `pavilion` server: configuration, router, middleware and the CLI's commands.

mod client;
pub mod config;
mod handlers;
mod middleware;
mod observability;
pub mod startup;
pub mod telemetry;
