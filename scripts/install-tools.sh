#!/usr/bin/env bash
# Installs what building Pavilion needs and is missing; fast when everything is there.
#   scripts/install-tools.sh          build tools: wasm32 target, cargo-leptos, wasm-bindgen, wasm-opt
#   scripts/install-tools.sh --test   also cargo-deny, Chromium, wrk and the browser-test packages
# Nothing is downloaded from outside the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[ "${1:-}" = "--test" ] && want_test=true
say() { printf '==> %s\n' "$*"; }
# The tools' own release profiles ask for fat LTO in one codegen unit (cargo-leptos), which
# takes most of their build time on two cores; these builds run a few seconds per use, so
# plain optimisation is enough and the install takes a fraction of the time.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.10'; then
  say "installing cargo-leptos 0.3.10 (several minutes on 2 cores, once)"
  cargo install cargo-leptos --version 0.3.10 --locked
fi

# wasm-bindgen's CLI must match the crate in Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$bindgen_version"; then
  say "installing wasm-bindgen-cli $bindgen_version"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# wasm-opt from npm's binaryen: Debian's old one builds wasm that fails to hydrate.
if [ ! -x .tools/node_modules/.bin/wasm-opt ]; then
  say "installing wasm-opt (npm binaryen 132)"
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools binaryen@132.0.0
fi

if $want_test; then
  if ! cargo deny --version 2>/dev/null | grep -q '0\.20\.2'; then
    say "installing cargo-deny 0.20.2 (licence, source and advisory checks)"
    cargo install cargo-deny --version 0.20.2 --locked
  fi
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v brotli >/dev/null || missing+=(brotli)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
  if [ ! -d end2end/node_modules/@playwright/test ]; then
    say "installing the browser-test packages (no browser download)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
  fi
fi
