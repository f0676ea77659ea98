//! Configuration from the environment, with defaults that serve a newcomer.

use leptos::config::{Env, LeptosOptions};
use std::net::SocketAddr;
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

const OUTPUT_NAME: &str = "pavilion";

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
        let site_root = lookup("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into());
        let hash_file = lookup("LEPTOS_HASH_FILE_NAME").unwrap_or_else(|| "hash.txt".into());
        let leptos = LeptosOptions::builder()
            .output_name(OUTPUT_NAME)
            .site_root(site_root)
            .site_pkg_dir(lookup("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|| "pkg".into()))
            .site_addr(site_addr)
            .env(match lookup("LEPTOS_ENV").as_deref() {
                Some("DEV") | Some("dev") => Env::DEV,
                _ => Env::PROD,
            })
            .hash_files(hash_file_exists(&hash_file))
            .hash_file(std::sync::Arc::<str>::from(hash_file))
            .build();
        Ok(Config {
            database_url,
            site_addr,
            data_dir,
            public_url,
            icp_number: lookup("PAVILION_ICP_NUMBER").unwrap_or_default(),
            smtp_url: lookup("PAVILION_SMTP_URL"),
            leptos,
        })
    }
}

/// cargo-leptos writes the hashes of `/pkg` files beside the server binary; leptos reads
/// them from there. Without that file the files are served under their plain names.
fn hash_file_exists(name: &str) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(name)))
        .is_some_and(|path| path.exists())
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
