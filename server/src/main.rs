//! `pavilion`: serve the storefront, migrate the database, load the demo catalogue, back
//! up and restore.

use anyhow::Context;
use app::model::account::Role;
use clap::{Parser, Subcommand};
use pavilion_server::config::Config;
use pavilion_server::startup::{Application, shutdown_signal};
use pavilion_server::telemetry;
use std::path::PathBuf;

/// A page's render makes and drops many small allocations from many threads; mimalloc does
/// that in a fraction of glibc's time (a quarter of a product page's render was malloc).
/// Built without transparent huge pages (`no_thp`, server/Cargo.toml): they made the
/// server's resident memory a third larger.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (libmimalloc-sys names no constant
/// for it; `purge_delay_is_the_option_meant` checks the number).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Gives freed memory back to the system at once rather than a second later: a thread that
/// goes idle after a burst (the search indexer after the start's rebuild, a render worker
/// after a flood) otherwise never purges, and its pages stay resident. `make bench`: peak
/// 240 MB rather than 272, throughput within the runs' noise. `MIMALLOC_PURGE_DELAY` still
/// chooses when set.
#[allow(unsafe_code)]
fn purge_freed_memory_at_once() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one of mimalloc's options, which it reads atomically.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
}

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
    /// Create an administrator (or give an existing account the role); the password is
    /// asked for, or read from standard input when it is not a terminal.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// List the shop applications waiting for a decision.
    Applications,
    /// Approve a shop application: the verified shop opens, its applicant becomes owner.
    ApproveApplication {
        id: i64,
        /// How an importer ships: `domestic` (stock in China, the default) or `bonded`.
        #[arg(long)]
        dispatch: Option<String>,
    },
    /// Reject a shop application with the reason the applicant will read.
    RejectApplication {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// List the products waiting for review.
    Reviews,
    /// Put a product waiting for review on sale.
    ApproveProduct { id: i64 },
    /// Send a product back to its shop with a note.
    RejectProduct {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// Set the pavilion's commission on goods from a day on (China time).
    SetCommission {
        /// Hundredths of a percent: 800 is 8%.
        #[arg(long)]
        basis_points: i64,
        /// `YYYY-MM-DD`; today when left out.
        #[arg(long)]
        from: Option<String>,
    },
    /// Copy the database and the data dir's files into a new folder, also while the
    /// server runs (on PostgreSQL the files, and the pg_dump command to run).
    Backup {
        /// A new or empty folder outside the data dir.
        #[arg(value_name = "PATH")]
        path: PathBuf,
    },
    /// Put a backup into an empty data dir and where DATABASE_URL points (SQLite; on
    /// PostgreSQL the files, and the pg_restore command to run); never over a live store.
    Restore {
        /// A folder written by `pavilion backup`.
        #[arg(value_name = "PATH")]
        path: PathBuf,
    },
    /// Create an account with a role (customer, seller, editor, admin), the same way.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = ["customer", "seller", "editor", "admin"])]
        role: String,
        /// The slug of a shop the account then owns (a shop loaded with the demo data,
        /// handed to its trader).
        #[arg(long)]
        shop: Option<String>,
    },
}

/// The new account's password: from the terminal (asked twice) or one line of stdin.
fn read_password() -> anyhow::Result<String> {
    use std::io::{BufRead, IsTerminal, Write};
    let stdin = std::io::stdin();
    let mut read_line = |prompt: &str| -> anyhow::Result<String> {
        if stdin.is_terminal() {
            eprint!("{prompt}");
            std::io::stderr().flush()?;
        }
        let mut line = String::new();
        stdin.lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    };
    let password = read_password_line(&mut read_line, "Password: ")?;
    if std::io::stdin().is_terminal() {
        anyhow::ensure!(read_line("Again: ")? == password, "the passwords differ");
    }
    Ok(password)
}

fn read_password_line(
    read_line: &mut impl FnMut(&str) -> anyhow::Result<String>,
    prompt: &str,
) -> anyhow::Result<String> {
    let password = read_line(prompt)?;
    anyhow::ensure!(!password.is_empty(), "no password given");
    Ok(password)
}

async fn create_user(config: &Config, email: &str, name: &str, role: Role) -> anyhow::Result<i64> {
    let password = read_password()?;
    let pool = app::backend::db::connect(&config.database_url, 2).await?;
    app::backend::db::migrate(&pool, &config.database_url)
        .await
        .context("DATABASE_URL: migrations failed")?;
    let user_id = app::backend::auth::create_user(&pool, email, name, password, role)
        .await
        .map_err(|error| anyhow::anyhow!("cannot create the account: {}", error.code_text()))?;
    println!("{} {email} is ready", role.code());
    Ok(user_id)
}

async fn review(config: &Config, id: i64, approve: bool, note: &str) -> anyhow::Result<()> {
    let pool = open(config).await?;
    let engine = app::backend::db::Engine::of(&config.database_url).context("DATABASE_URL")?;
    let operator = app::backend::admin::Operator::command_line();
    let desk = desk(config, &pool, engine);
    app::backend::admin::listings::decide(&desk, &operator, id, approve, note)
        .await
        .map_err(|error| anyhow::anyhow!("cannot decide on product {id}: {}", error.code_text()))?;
    println!(
        "product {id} {}",
        if approve {
            "is on sale"
        } else {
            "goes back to its shop"
        }
    );
    Ok(())
}

/// What the console's decisions need, for a command: mail links name the public address.
fn desk<'a>(
    config: &'a Config,
    pool: &'a sqlx::AnyPool,
    engine: app::backend::db::Engine,
) -> app::backend::admin::Desk<'a> {
    app::backend::admin::Desk {
        pool,
        engine,
        data_dir: &config.data_dir,
        public_url: &config.public_url,
    }
}

/// A small pool on a migrated database, for one command.
async fn open(config: &Config) -> anyhow::Result<sqlx::AnyPool> {
    let pool = app::backend::db::connect(&config.database_url, 2).await?;
    app::backend::db::migrate(&pool, &config.database_url)
        .await
        .context("DATABASE_URL: migrations failed")?;
    Ok(pool)
}

#[tokio::main]
async fn main() {
    purge_freed_memory_at_once();
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
            let content = &report.content;
            println!(
                "demo content loaded: {} articles, {} recipes, {} destination guides, {} pavilions",
                content.articles, content.recipes, content.destinations, content.pavilions
            );
            if let Some(n) = synthetic {
                let added = app::backend::seed::synthetic(&pool, n).await?;
                println!("{added} synthetic products loaded");
            }
        }
        Command::CreateAdmin { email, name } => {
            create_user(&config, &email, &name, Role::Admin).await?;
        }
        Command::CreateUser {
            email,
            name,
            role,
            shop,
        } => {
            let role = Role::parse(&role).context("unknown role")?;
            let user_id = create_user(&config, &email, &name, role).await?;
            if let Some(shop) = shop {
                let pool = open(&config).await?;
                app::backend::seller::staff::hand_over(&pool, &shop, user_id)
                    .await
                    .map_err(|error| {
                        anyhow::anyhow!("cannot hand {shop} over: {}", error.code_text())
                    })?;
                println!("{email} owns {shop}");
            }
        }
        Command::Applications => {
            let pool = open(&config).await?;
            for line in app::backend::seller::applications::pending(&pool).await? {
                println!("{line}");
            }
        }
        Command::ApproveApplication { id, dispatch } => {
            let dispatch = dispatch
                .map(|code| app::model::Dispatch::parse(&code).context("unknown dispatch"))
                .transpose()?;
            let pool = open(&config).await?;
            let engine =
                app::backend::db::Engine::of(&config.database_url).context("DATABASE_URL")?;
            let operator = app::backend::admin::Operator::command_line();
            let desk = desk(&config, &pool, engine);
            let slug = app::backend::admin::shops::approve(&desk, &operator, id, dispatch)
                .await
                .map_err(|error| {
                    anyhow::anyhow!("cannot approve application {id}: {}", error.code_text())
                })?;
            println!("application {id} approved: shop {slug} is open");
        }
        Command::RejectApplication { id, reason } => {
            let pool = open(&config).await?;
            let engine =
                app::backend::db::Engine::of(&config.database_url).context("DATABASE_URL")?;
            let operator = app::backend::admin::Operator::command_line();
            app::backend::admin::shops::reject(
                &desk(&config, &pool, engine),
                &operator,
                id,
                &reason,
            )
            .await
            .map_err(|error| {
                anyhow::anyhow!("cannot reject application {id}: {}", error.code_text())
            })?;
            println!("application {id} rejected");
        }
        Command::Reviews => {
            let pool = open(&config).await?;
            for line in app::backend::seller::products::pending_reviews(&pool).await? {
                println!("{line}");
            }
        }
        Command::ApproveProduct { id } => review(&config, id, true, "").await?,
        Command::RejectProduct { id, reason } => review(&config, id, false, &reason).await?,
        Command::SetCommission { basis_points, from } => {
            let pool = open(&config).await?;
            let operator = app::backend::admin::Operator::command_line();
            let from = from.unwrap_or_default();
            app::backend::admin::rates::set_commission_points(&pool, &operator, basis_points, &from)
                .await
                .map_err(|error| {
                    anyhow::anyhow!(
                        "cannot set the commission ({}): it is 0 to 5000 basis points from a day written YYYY-MM-DD",
                        error.code_text()
                    )
                })?;
            println!(
                "commission {basis_points} basis points from {}",
                if from.is_empty() { "today" } else { &from }
            );
        }
        Command::Backup { path } => {
            let report = pavilion_server::backup::backup(&config, &path).await?;
            let manifest = &report.manifest;
            println!(
                "backup written to {}: {} database, files: {} ({} bytes)",
                path.display(),
                manifest.engine,
                manifest.files,
                manifest.bytes
            );
            if let Some(command) = report.database_command {
                println!("the files are copied; now dump the database beside them:\n  {command}");
            }
        }
        Command::Restore { path } => {
            let report = pavilion_server::backup::restore(&config, &path).await?;
            let manifest = &report.manifest;
            println!(
                "restored the backup of {} ({} database, files: {}) into {}",
                manifest.created_at,
                manifest.engine,
                manifest.files,
                config.data_dir.display()
            );
            match report.database_command {
                Some(command) => println!(
                    "the files are in place; now load the database into an empty one and \
                     migrate it:\n  {command}\n  pavilion migrate"
                ),
                None => println!("the database opens and its migrations are current"),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The number is mimalloc 3's purge delay: the option whose default is 1,000 ms.
    #[test]
    #[allow(unsafe_code)]
    fn purge_delay_is_the_option_meant() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads one of mimalloc's options.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            1000
        );
        purge_freed_memory_at_once();
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            0
        );
    }
}
