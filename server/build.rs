//! Builds this release's `/pkg` file names into the binary, so that the server knows them
//! wherever it is installed. With `hash-files`, cargo-leptos builds the wasm first, writes
//! the hashes to `hash.txt` beside the binary, and only then compiles the server.
use std::path::PathBuf;

fn main() {
    // cargo-leptos sets these; they decide whether there is a hash file to read.
    println!("cargo::rerun-if-env-changed=LEPTOS_HASH_FILES");
    println!("cargo::rerun-if-env-changed=LEPTOS_HASH_FILE_NAME");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let name = std::env::var("LEPTOS_HASH_FILE_NAME").unwrap_or_else(|_| "hash.txt".into());
    // OUT_DIR is <target>/<profile>/build/server-<id>/out; the binary goes to <target>/<profile>.
    let hash_file = out_dir
        .ancestors()
        .nth(3)
        .map(|profile_dir| profile_dir.join(name))
        .filter(|file| file.exists());
    let hashes = match hash_file {
        Some(file) => {
            println!("cargo::rerun-if-changed={}", file.display());
            std::fs::read_to_string(&file).unwrap_or_default()
        }
        None => String::new(),
    };
    std::fs::write(out_dir.join("pkg_hashes.txt"), hashes).expect("OUT_DIR is writable");
}
