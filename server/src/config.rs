//! Configuration from the environment, with defaults that serve a newcomer.

use ipnet::IpNet;
use leptos::config::{Env, LeptosOptions};
use std::net::{IpAddr, SocketAddr};
use std::num::{NonZeroU32, NonZeroUsize};
use std::time::Duration;

use crate::connections::ConnectionLimits;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub site_addr: SocketAddr,
    pub data_dir: PathBuf,
    pub public_url: String,
    pub icp_number: String,
    /// `PAVILION_SMTP_URL`: mail goes out by SMTP when set, else to `mail.log` in the data dir.
    pub smtp_url: Option<String>,
    /// `PAVILION_TRUSTED_PROXIES`: the peers whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpNet>,
    /// `PAVILION_RATE_LIMIT`: requests per minute per anonymous address; `None` when off.
    pub rate_limit: Option<NonZeroU32>,
    /// `PAVILION_PAGE_CACHE_MB`: memory for public pages kept for anonymous visitors; 0
    /// keeps none.
    pub page_cache_mb: usize,
    /// `PAVILION_METRICS_ADDR`: where `/metrics` is served, apart from the site (it tells
    /// revenue and order counts); unset, it is not served at all.
    pub metrics_addr: Option<SocketAddr>,
    /// `PAVILION_SANDBOX_PAYMENTS=on`: the built-in test wallet takes payments, and anyone
    /// can mark an order paid with it. Off unless a deployment turns it on.
    pub sandbox_payments: bool,
    /// `PAVILION_HEADER_TIMEOUT`, `PAVILION_MAX_CONNECTIONS`, `PAVILION_CONNECTIONS_PER_CLIENT`
    /// (the trusted proxies are not capped).
    pub connections: ConnectionLimits,
    pub leptos: LeptosOptions,
}

/// A bad value, named by its variable.
#[derive(Debug, thiserror::Error)]
#[error("{var} is not valid ({value:?}): {reason}")]
pub struct ConfigError {
    pub var: &'static str,
    pub value: String,
    pub reason: String,
}

pub const OUTPUT_NAME: &str = "pavilion";
/// Ten requests a second, sustained, from one address: far above what a shopper makes
/// (a page, a few server functions per navigation), with room for many shoppers sharing
/// one address behind a carrier's or an office's NAT.
const DEFAULT_RATE_LIMIT: u32 = 600;
/// A page is some 30–150 kB: room for the popular pages of both languages.
const DEFAULT_PAGE_CACHE_MB: usize = 64;
/// A browser sends its request header in one go; ten seconds is plenty on a slow phone
/// network, and is also how long an idle keep-alive connection stays open.
const DEFAULT_HEADER_TIMEOUT_SECS: u64 = 10;
/// Open connections over all clients: a few kilobytes each, so memory stays bounded.
const DEFAULT_MAX_CONNECTIONS: usize = 4096;
/// A browser opens six connections to a site; 128 leaves room for an office or a
/// carrier's NAT behind one address.
const DEFAULT_CONNECTIONS_PER_CLIENT: usize = 128;

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Reads every setting through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let data_dir = PathBuf::from(lookup("PAVILION_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = lookup("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}/pavilion.db", data_dir.display()));
        if app::backend::db::Engine::of(&database_url).is_none() {
            return Err(ConfigError {
                var: "DATABASE_URL",
                value: database_url,
                reason: "expected sqlite://PATH or postgres://USER@HOST/DB".into(),
            });
        }
        let addr_text = lookup("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let site_addr: SocketAddr = addr_text.parse().map_err(|e| ConfigError {
            var: "LEPTOS_SITE_ADDR",
            value: addr_text.clone(),
            reason: format!("expected HOST:PORT such as 127.0.0.1:3000 ({e})"),
        })?;
        let public_url = lookup("PAVILION_PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{site_addr}"))
            .trim_end_matches('/')
            .to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError {
                var: "PAVILION_PUBLIC_URL",
                value: public_url,
                reason: "expected an http:// or https:// origin".into(),
            });
        }
        let trusted_proxies = trusted_proxies(lookup("PAVILION_TRUSTED_PROXIES"))?;
        let site_root = lookup("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into());
        let leptos = LeptosOptions::builder()
            .output_name(OUTPUT_NAME)
            .site_root(site_root)
            .site_pkg_dir(lookup("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|| "pkg".into()))
            .site_addr(site_addr)
            .env(match lookup("LEPTOS_ENV").as_deref() {
                Some("DEV") | Some("dev") => Env::DEV,
                _ => Env::PROD,
            })
            .build();
        Ok(Config {
            database_url,
            site_addr,
            data_dir,
            public_url,
            icp_number: lookup("PAVILION_ICP_NUMBER").unwrap_or_default(),
            smtp_url: lookup("PAVILION_SMTP_URL"),
            rate_limit: rate_limit(lookup("PAVILION_RATE_LIMIT"))?,
            page_cache_mb: megabytes(lookup("PAVILION_PAGE_CACHE_MB"))?,
            metrics_addr: lookup("PAVILION_METRICS_ADDR")
                .map(|text| {
                    text.parse().map_err(|e| ConfigError {
                        var: "PAVILION_METRICS_ADDR",
                        value: text.clone(),
                        reason: format!("expected HOST:PORT such as 127.0.0.1:9100 ({e})"),
                    })
                })
                .transpose()?,
            sandbox_payments: switch(
                "PAVILION_SANDBOX_PAYMENTS",
                lookup("PAVILION_SANDBOX_PAYMENTS"),
            )?,
            connections: connection_limits(&lookup, &trusted_proxies)?,
            trusted_proxies,
            leptos,
        })
    }
}

fn connection_limits(
    lookup: &impl Fn(&str) -> Option<String>,
    trusted_proxies: &[IpNet],
) -> Result<ConnectionLimits, ConfigError> {
    let count = |var: &'static str, default: usize, example: &str| {
        let Some(text) = lookup(var) else {
            return Ok(default);
        };
        match text.trim() {
            "off" => Ok(0),
            number => number.parse::<usize>().map_err(|_| ConfigError {
                var,
                value: text.clone(),
                reason: format!("expected a whole number such as {example}"),
            }),
        }
    };
    let header_secs = count(
        "PAVILION_HEADER_TIMEOUT",
        DEFAULT_HEADER_TIMEOUT_SECS as usize,
        "10 (seconds)",
    )?;
    let max_connections = count("PAVILION_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS, "4096")?;
    if header_secs == 0 || max_connections == 0 {
        return Err(ConfigError {
            var: if header_secs == 0 {
                "PAVILION_HEADER_TIMEOUT"
            } else {
                "PAVILION_MAX_CONNECTIONS"
            },
            value: "0".into(),
            reason: "must be at least 1".into(),
        });
    }
    Ok(ConnectionLimits {
        header_timeout: Duration::from_secs(header_secs as u64),
        max_connections,
        per_client: NonZeroUsize::new(count(
            "PAVILION_CONNECTIONS_PER_CLIENT",
            DEFAULT_CONNECTIONS_PER_CLIENT,
            "128, or off",
        )?),
        trusted_proxies: trusted_proxies.into(),
    })
}

/// `on` or `off` (unset is off).
fn switch(var: &'static str, text: Option<String>) -> Result<bool, ConfigError> {
    match text.as_deref() {
        None | Some("off") => Ok(false),
        Some("on") => Ok(true),
        Some(other) => Err(ConfigError {
            var,
            value: other.to_owned(),
            reason: "expected on or off".into(),
        }),
    }
}

/// Comma-separated addresses (`10.0.0.1`) or ranges (`10.0.0.0/8`, `fd00::/8`).
fn trusted_proxies(text: Option<String>) -> Result<Vec<IpNet>, ConfigError> {
    let Some(text) = text else {
        return Ok(Vec::new());
    };
    text.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| {
            entry
                .parse::<IpNet>()
                .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| ConfigError {
                    var: "PAVILION_TRUSTED_PROXIES",
                    value: text.clone(),
                    reason: format!(
                        "expected IP addresses or CIDR ranges separated by commas, such as \
                         10.0.0.1,192.168.0.0/16 ({entry:?} is neither)"
                    ),
                })
        })
        .collect()
}

/// A size in megabytes, 0 for none.
fn megabytes(text: Option<String>) -> Result<usize, ConfigError> {
    let Some(text) = text else {
        return Ok(DEFAULT_PAGE_CACHE_MB);
    };
    text.trim().parse::<usize>().map_err(|_| ConfigError {
        var: "PAVILION_PAGE_CACHE_MB",
        value: text.clone(),
        reason: "expected a size in megabytes, such as 64, or 0 for none".into(),
    })
}

/// A number of requests per minute, or `0` / `off` for no limit.
fn rate_limit(text: Option<String>) -> Result<Option<NonZeroU32>, ConfigError> {
    let Some(text) = text else {
        return Ok(NonZeroU32::new(DEFAULT_RATE_LIMIT));
    };
    if text.trim().eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    text.trim()
        .parse::<u32>()
        .map(NonZeroU32::new)
        .map_err(|_| ConfigError {
            var: "PAVILION_RATE_LIMIT",
            value: text.clone(),
            reason: "expected requests per minute per address, such as 600, or off".into(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_serve_a_newcomer() {
        let c = config(&[]).expect("defaults are valid");
        assert_eq!(c.database_url, "sqlite://data/pavilion.db");
        assert_eq!(c.site_addr.to_string(), "127.0.0.1:3000");
        assert_eq!(c.public_url, "http://127.0.0.1:3000");
        assert_eq!(c.icp_number, "");
        assert!(
            c.trusted_proxies.is_empty(),
            "no proxy is trusted unless named"
        );
        assert_eq!(c.rate_limit.map(NonZeroU32::get), Some(600));
        assert_eq!(c.metrics_addr, None, "metrics are not served unless asked");
        assert_eq!(c.page_cache_mb, 64);
        assert!(!c.sandbox_payments, "the test wallet is off unless asked");
        assert_eq!(c.connections.header_timeout, Duration::from_secs(10));
        assert_eq!(c.connections.max_connections, 4096);
        assert_eq!(c.connections.per_client.map(NonZeroUsize::get), Some(128));
    }

    #[test]
    fn connection_limits_are_whole_numbers_and_the_per_client_cap_can_be_off() {
        let c = config(&[
            ("PAVILION_HEADER_TIMEOUT", "3"),
            ("PAVILION_MAX_CONNECTIONS", "100"),
            ("PAVILION_CONNECTIONS_PER_CLIENT", "off"),
            ("PAVILION_TRUSTED_PROXIES", "10.0.0.1"),
        ])
        .expect("valid");
        assert_eq!(c.connections.header_timeout, Duration::from_secs(3));
        assert_eq!(c.connections.max_connections, 100);
        assert_eq!(c.connections.per_client, None);
        assert_eq!(c.connections.trusted_proxies.len(), 1);
        for (var, bad) in [
            ("PAVILION_HEADER_TIMEOUT", "0"),
            ("PAVILION_HEADER_TIMEOUT", "1.5"),
            ("PAVILION_MAX_CONNECTIONS", "off"),
            ("PAVILION_CONNECTIONS_PER_CLIENT", "-1"),
        ] {
            assert_eq!(config(&[(var, bad)]).expect_err(bad).var, var);
        }
    }

    #[test]
    fn the_sandbox_and_the_metrics_address_are_opt_in() {
        let c = config(&[
            ("PAVILION_SANDBOX_PAYMENTS", "on"),
            ("PAVILION_METRICS_ADDR", "127.0.0.1:9100"),
        ])
        .expect("valid");
        assert!(c.sandbox_payments);
        assert_eq!(
            c.metrics_addr.map(|a| a.to_string()).as_deref(),
            Some("127.0.0.1:9100")
        );
        for (var, bad) in [
            ("PAVILION_SANDBOX_PAYMENTS", "yes"),
            ("PAVILION_METRICS_ADDR", "9100"),
        ] {
            assert_eq!(config(&[(var, bad)]).expect_err(bad).var, var);
        }
    }

    #[test]
    fn trusted_proxies_are_addresses_or_ranges() {
        let c = config(&[(
            "PAVILION_TRUSTED_PROXIES",
            " 127.0.0.1, 10.0.0.0/8,fd00::/8 ,::1,",
        )])
        .expect("valid");
        let proxies: Vec<String> = c.trusted_proxies.iter().map(ToString::to_string).collect();
        assert_eq!(
            proxies,
            ["127.0.0.1/32", "10.0.0.0/8", "fd00::/8", "::1/128"]
        );
    }

    #[test]
    fn a_malformed_proxy_names_the_variable_and_the_entry() {
        for bad in ["10.0.0.1,proxy.internal", "10.0.0.0/33", "10.0.0"] {
            let error = config(&[("PAVILION_TRUSTED_PROXIES", bad)]).expect_err(bad);
            assert_eq!(error.var, "PAVILION_TRUSTED_PROXIES");
            assert!(
                error
                    .to_string()
                    .starts_with("PAVILION_TRUSTED_PROXIES is not valid")
            );
        }
    }

    #[test]
    fn the_page_cache_is_a_size_in_megabytes() {
        let size = |v: &str| config(&[("PAVILION_PAGE_CACHE_MB", v)]).map(|c| c.page_cache_mb);
        assert_eq!(size("128").ok(), Some(128));
        assert_eq!(size("0").ok(), Some(0));
        for bad in ["-1", "lots", "1.5"] {
            let error = size(bad).expect_err(bad);
            assert_eq!(error.var, "PAVILION_PAGE_CACHE_MB");
        }
    }

    #[test]
    fn the_rate_limit_is_a_number_per_minute_or_off() {
        let limit = |v: &str| {
            config(&[("PAVILION_RATE_LIMIT", v)])
                .expect(v)
                .rate_limit
                .map(NonZeroU32::get)
        };
        assert_eq!(limit("5"), Some(5));
        assert_eq!(limit(" 1200 "), Some(1200));
        assert_eq!(limit("0"), None);
        assert_eq!(limit("off"), None);
        assert_eq!(limit("OFF"), None);
        for bad in ["-1", "ten", "10/s", "1.5"] {
            let error = config(&[("PAVILION_RATE_LIMIT", bad)]).expect_err(bad);
            assert_eq!(error.var, "PAVILION_RATE_LIMIT");
        }
    }

    #[test]
    fn a_malformed_database_url_names_the_variable() {
        let error = config(&[("DATABASE_URL", "mysql://x")]).expect_err("refused");
        assert_eq!(error.var, "DATABASE_URL");
        assert!(error.to_string().starts_with("DATABASE_URL is not valid"));
    }

    #[test]
    fn a_malformed_address_names_the_variable() {
        let error = config(&[("LEPTOS_SITE_ADDR", "localhost")]).expect_err("refused");
        assert_eq!(error.var, "LEPTOS_SITE_ADDR");
    }

    #[test]
    fn the_data_dir_moves_the_default_database() {
        let c = config(&[("PAVILION_DATA_DIR", "/srv/pavilion")]).expect("valid");
        assert_eq!(c.database_url, "sqlite:///srv/pavilion/pavilion.db");
    }
}
