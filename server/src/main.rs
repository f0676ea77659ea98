//! `pavilion`: serve the storefront, migrate the database, load the demo catalogue.

use anyhow::Context;
use clap::{Parser, Subcommand};
use pavilion_server::config::Config;
use pavilion_server::startup::{Application, shutdown_signal};
use pavilion_server::telemetry;

#[derive(Parser)]
#[command(name = "pavilion", version, about = "Pakistan Pavilion storefront")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database and serve the site (the default).
    Serve,
    /// Apply the database migrations and exit.
    Migrate,
    /// Load data into the database.
    Seed {
        /// The demo catalogue: categories, shops and products in English and Chinese.
        #[arg(long)]
        demo: bool,
        /// N generated products on top of the demo catalogue, for benchmarks.
        #[arg(long, value_name = "N")]
        synthetic: Option<usize>,
    },
    /// Rebuild the search index from the database.
    Reindex,
}

#[tokio::main]
async fn main() {
    telemetry::init();
    if let Err(error) = run(Cli::parse()).await {
        // One line that names the problem (and the variable, for configuration).
        eprintln!("pavilion: {error:#}");
        std::process::exit(1);
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::from_env()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let application = Application::build(&config).await?;
            tracing::info!(addr = %application.addr(), "serving http://{}", application.addr());
            application.run_until(shutdown_signal()).await?;
        }
        Command::Migrate => {
            let pool = app::backend::db::connect(&config.database_url, 2).await?;
            app::backend::db::migrate(&pool, &config.database_url)
                .await
                .context("DATABASE_URL: migrations failed")?;
            println!("migrations applied");
        }
        Command::Seed { demo, synthetic } => {
            anyhow::ensure!(
                demo || synthetic.is_some(),
                "say what to seed: `pavilion seed --demo` and/or `--synthetic N`"
            );
            let pool = app::backend::db::connect(&config.database_url, 2).await?;
            app::backend::db::migrate(&pool, &config.database_url)
                .await
                .context("DATABASE_URL: migrations failed")?;
            // Synthetic products are made from the demo catalogue, so it comes first.
            let report = app::backend::seed::demo(&pool).await?;
            println!(
                "demo catalogue loaded: {} cities, {} categories, {} shops, {} products, {} variants",
                report.cities, report.categories, report.shops, report.products, report.variants
            );
            if let Some(n) = synthetic {
                let added = app::backend::seed::synthetic(&pool, n).await?;
                println!("{added} synthetic products loaded");
            }
        }
        Command::Reindex => {
            let pool = app::backend::db::connect(&config.database_url, 2).await?;
            let count = pavilion_server::startup::reindex(&config, &pool).await?;
            println!("search index rebuilt: {count} products");
        }
    }
    Ok(())
}
