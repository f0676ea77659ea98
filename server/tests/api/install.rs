//! The server installed as the README's Deployment section says: the binary in one folder,
//! the site root copied to another, run from a third, with nothing of the build tree in
//! reach. Each install is its own folder; two are made here.
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// One install: `bin/pavilion`, `share/site` and `data`, removed when dropped.
struct Install {
    dir: PathBuf,
}

impl Install {
    fn new() -> Install {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let dir = std::env::temp_dir().join(format!("pavilion-install-{id}"));
        for folder in ["bin", "share", "data", "run"] {
            std::fs::create_dir_all(dir.join(folder)).expect("install folders");
        }
        std::fs::copy(env!("CARGO_BIN_EXE_pavilion"), dir.join("bin/pavilion"))
            .expect("binary copied");
        copy_dir(&built_site_root(), &dir.join("share/site"));
        Install { dir }
    }

    fn site(&self) -> PathBuf {
        self.dir.join("share/site")
    }

    /// `pavilion serve` with the README's settings, from a folder of its own.
    fn serve(&self) -> Command {
        let mut command = Command::new(self.dir.join("bin/pavilion"));
        command
            .arg("serve")
            .current_dir(self.dir.join("run"))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env(
                "DATABASE_URL",
                format!("sqlite://{}/data/pavilion.db", self.dir.display()),
            )
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .env("LEPTOS_SITE_ROOT", self.site())
            .env("PAVILION_DATA_DIR", self.dir.join("data"))
            .env("PAVILION_LOG_FORMAT", "json")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }
}

impl Drop for Install {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A running server, stopped when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn built_site_root() -> PathBuf {
    std::env::var_os("LEPTOS_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/site"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("the built site root (cargo leptos build)") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("file copied");
        }
    }
}

/// Starts the server and reads its address from the log line that announces it.
fn start(install: &Install) -> (Running, String) {
    let mut child = install.serve().spawn().expect("the installed binary runs");
    let stdout = child.stdout.take().expect("piped");
    let running = Running(child);
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(at) = line.find("serving http://") {
                let rest = &line[at + "serving ".len()..];
                let end = rest.find(['"', ' ']).unwrap_or(rest.len());
                let _ = sender.send(rest[..end].to_owned());
            }
        }
    });
    let origin = receiver
        .recv_timeout(Duration::from_secs(60))
        .expect("the server announces its address");
    (running, origin)
}

/// Every `/pkg/...` path a page names.
fn pkg_paths(html: &str) -> Vec<String> {
    let mut paths: Vec<String> = html
        .match_indices("/pkg/")
        .map(|(at, _)| {
            let rest = &html[at..];
            let end = rest.find(['"', '\'', ')', ' ', '<']).unwrap_or(rest.len());
            rest[..end].to_owned()
        })
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_installed_server_serves_every_file_its_pages_name() {
    let install = Install::new();
    let (_server, origin) = start(&install);
    let client = reqwest::Client::new();
    let html = client
        .get(format!("{origin}/en/"))
        .send()
        .await
        .expect("home answers")
        .text()
        .await
        .expect("text");
    let paths = pkg_paths(&html);
    for extension in [".js", ".wasm", ".css"] {
        assert!(
            paths.iter().any(|path| path.ends_with(extension)),
            "the page names a {extension} file: {paths:?}"
        );
    }
    for path in &paths {
        let response = client
            .get(format!("{origin}{path}"))
            .send()
            .await
            .expect("answers");
        assert_eq!(response.status(), 200, "{path}");
    }
}

#[test]
fn an_install_whose_site_root_lacks_a_file_refuses_to_start_and_names_it() {
    let install = Install::new();
    let wasm = std::fs::read_dir(install.site().join("pkg"))
        .expect("pkg folder")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        // The main bundle, not one of the lazy pages' chunks.
        .find(|name| name.starts_with("pavilion") && name.ends_with(".wasm"))
        .expect("the build's wasm");
    std::fs::remove_file(install.site().join("pkg").join(&wasm)).expect("removed");
    let output = install.serve().output().expect("the installed binary runs");
    assert!(!output.status.success(), "it must not start");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {stderr}");
    assert!(lines[0].contains("LEPTOS_SITE_ROOT"), "{stderr}");
    assert!(lines[0].contains(&format!("pkg/{wasm}")), "{stderr}");
}
