//! HTTP tests against the real server, each on a fresh SQLite file and a fresh
//! PostgreSQL database (`both!` writes one test per engine).

mod helpers;

mod catalog;
mod health;
mod language;
mod media;
mod pages;
mod seed;
