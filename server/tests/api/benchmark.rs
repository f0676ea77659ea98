//! The checkout benchmark (`make bench`, not `make test`): 2,000 guests check out, 32 at a
//! time, against the real server on each engine. Their carts overlap: each holds two to four
//! of the same four products from different shops, added in a random order, so checkouts
//! contend for the same stock rows in every order. It measures; it asserts nothing about
//! speed. Results go to `bench/checkout.json`.

use rand::Rng;
use rand::seq::SliceRandom;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::helpers::{Engine, TestApp, spawn_app};
use crate::shopper::{Shopper, guests_with_carts, key, resident_id, scalar_i64};

const BUYERS: usize = 2_000;
const CONCURRENCY: usize = 32;

const SKUS: [&str; 4] = [
    "GBM-SK-1KG",
    "PKH-KAH-250G",
    "SMH-SINDHRI-5KG",
    "CIF-CHF-500G",
];

/// Guest sessions whose carts hold two to four of `SKUS` in a random order, written directly.
async fn prepare(app: &TestApp) -> Vec<String> {
    let mut variants = Vec::new();
    for sku in SKUS {
        sqlx::query("UPDATE variants SET stock = 100000 WHERE sku = $1")
            .bind(sku)
            .execute(&app.pool)
            .await
            .expect("stock");
        let id = scalar_i64(app, &format!("SELECT id FROM variants WHERE sku = '{sku}'")).await;
        let price = scalar_i64(
            app,
            &format!("SELECT CAST(price_minor AS BIGINT) FROM variants WHERE sku = '{sku}'"),
        )
        .await;
        variants.push((id, price));
    }
    let mut rng = rand::rng();
    let carts: Vec<Vec<(i64, i64)>> = (0..BUYERS)
        .map(|_| {
            let mut lines = variants.clone();
            lines.shuffle(&mut rng);
            lines.truncate(rng.random_range(2..=SKUS.len()));
            lines
        })
        .collect();
    guests_with_carts(app, &carts).await
}

async fn run(engine: Engine) -> Option<serde_json::Value> {
    let app = Arc::new(spawn_app(engine).await?);
    app.seed_demo().await;
    let tokens = Arc::new(prepare(&app).await);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (app, tokens, next) = (app.clone(), tokens.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut failures = 0;
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(token) = tokens.get(i) else { break };
                let buyer = Shopper::with_session(&app, token);
                let began = Instant::now();
                // Each buyer their own identity: one would reach the yearly limit.
                let id = resident_id(i);
                let reply = buyer.checkout(&key(), &[("form[id_number]", &id)]).await;
                latencies.push(began.elapsed());
                if reply.status != 200 {
                    failures += 1;
                }
            }
            (latencies, failures)
        }));
    }
    let mut latencies: Vec<Duration> = Vec::new();
    let mut failures = 0;
    for worker in workers {
        let (mine, failed) = worker.await.expect("worker");
        latencies.extend(mine);
        failures += failed;
    }
    let elapsed = started.elapsed();
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    let orders = scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM orders").await;
    let result = serde_json::json!({
        "engine": format!("{engine:?}"),
        "buyers": BUYERS,
        "concurrency": CONCURRENCY,
        "orders": orders,
        "failures": failures,
        "carts": "2 to 4 of the same 4 products from different shops, in random order",
        "orders_per_second": (orders as f64 / elapsed.as_secs_f64()).round(),
        "p50_ms": at(0.50).as_secs_f64() * 1000.0,
        "p99_ms": at(0.99).as_secs_f64() * 1000.0,
    });
    println!("{result}");
    Some(result)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run by `make bench`"]
async fn checkout_benchmark() {
    let mut results = Vec::new();
    for engine in [Engine::Sqlite, Engine::Postgres] {
        results.extend(run(engine).await);
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../bench/checkout.json");
    std::fs::write(path, serde_json::to_string_pretty(&results).expect("json")).expect("written");
}
