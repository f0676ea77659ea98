//! HTTP tests against the real server, each on a fresh SQLite file and a fresh
//! PostgreSQL database (`both!` writes one test per engine).

mod helpers;

mod accounts;
mod admin;
mod attacks;
mod backup;
mod benchmark;
mod catalogue;
mod checkout;
mod connections;
mod content;
mod contention;
mod dispatch;
mod errors;
mod forms;
mod health;
mod home_screen;
mod install;
mod invoices;
mod language;
mod media;
mod new_product;
mod not_found;
mod notices;
mod orders;
mod outbox;
mod page_cache;
mod pages;
mod payments;
mod security;
mod seed;
mod sellers;
mod shopper;
