#!/usr/bin/env bash
# Every test, against one release build: formatting, the dependency policy (cargo deny),
# lints per target, the wasm's dependency check, unit and integration tests on SQLite and
# PostgreSQL, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target_dir=${CARGO_TARGET_DIR:-target}
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-$PWD/target/site}  # cargo-leptos writes the site here even with CARGO_TARGET_DIR
export PAVILION_TEST_POSTGRES_URL=${PAVILION_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}
started=$SECONDS
step() { printf '\n==> %s (%ss)\n' "$*" "$((SECONDS - started))"; }

step "formatting"
cargo fmt --all -- --check

step "cargo deny: licences, duplicate crates, sources"
cargo deny --log-level error check licenses bans sources
# The RustSec advisory database is cloned from GitHub, which some machines (and CI) cannot
# reach: then the check runs on a copy already here, or is skipped, saying so.
advisory_copy=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/advisory-dbs/*/crates 2>/dev/null | head -n 1 || true)
if timeout 120 cargo deny fetch db >/dev/null 2>&1; then
  cargo deny --log-level error check advisories
elif [ -n "$advisory_copy" ]; then
  echo "the RustSec advisory database cannot be fetched: checking against the copy in ${advisory_copy%/crates}"
  cargo deny --log-level error --offline check advisories
else
  echo "SKIPPED cargo deny check advisories: the RustSec advisory database (github.com) cannot be fetched from here"
fi

step "the wasm build pulls in no sqlx"
if cargo tree -p frontend --target wasm32-unknown-unknown -e normal -i sqlx 2>/dev/null | grep -q 'sqlx v'; then
  echo "sqlx is in the browser bundle's dependency tree" >&2
  exit 1
fi

# The site's release build (wasm in one codegen unit with LTO, then wasm-opt) keeps one
# core busy for minutes; the lints run beside it on the other, in a target directory of
# their own (cargo locks a target directory while it builds in it).
step "release build of the site (wasm chunks, CSS, public files, their hashes), and lints beside it"
site_log=$(mktemp)
cargo leptos build --release --precompress --split --frontend-only >"$site_log" 2>&1 &
site_build=$!
trap 'kill "$site_build" 2>/dev/null || true' EXIT
lint_target="$target_dir/lint"
# One command for server and app, so their dependencies are checked once with one set of
# features.
CARGO_TARGET_DIR="$lint_target" cargo clippy -p server -p app --features app/ssr --all-targets -- -D warnings
CARGO_TARGET_DIR="$lint_target" cargo clippy -p frontend -p app --features app/hydrate \
  --target wasm32-unknown-unknown -- -D warnings
if ! wait "$site_build"; then
  cat "$site_log" >&2
  echo "the site's release build failed" >&2
  exit 1
fi
trap - EXIT
tail -n 3 "$site_log"

step "unit and integration tests (SQLite and PostgreSQL)"
# The server is built once, here, by the tests' own build (the tests and the binary need
# the same dependencies with the same features, so `cargo leptos build` building it as
# well would compile it and everything under it twice). Its build script reads the site's
# hashes written above; the browser tests below run this same binary.
export LEPTOS_OUTPUT_NAME=pavilion LEPTOS_HASH_FILES=true LEPTOS_HASH_FILE_NAME=hash.txt
cargo test --release -p app -p server --features app/ssr

step "browser tests"
(cd end2end && npx playwright test)

step "all tests passed"
