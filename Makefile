# Pavilion: `make run` to try it, `make test` before you push.
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
TARGET_DIR ?= $(or $(CARGO_TARGET_DIR),target)
export LEPTOS_SITE_ROOT ?= $(CURDIR)/target/site
BIN := $(TARGET_DIR)/release/pavilion

.PHONY: run test bench build tools test-tools fmt lint clean

## make run: install what is missing, build, migrate, seed the demo, serve :3000
run: build
	$(BIN) migrate
	$(BIN) seed --demo
	PAVILION_SANDBOX_PAYMENTS=on $(BIN) serve

## make test: format, lints, unit and integration tests (SQLite and PostgreSQL), browser tests
test: test-tools
	scripts/test.sh

## make bench: load-test the release build and write bench/results.json
bench: test-tools build
	scripts/bench.sh

# `--precompress`: a brotli (quality 11) and a gzip copy beside every site file, made once;
# the server sends them and never compresses `/pkg` per request. `--split`: each lazy page's
# code in a wasm chunk of its own (`app/src/routes/lazy.rs`).
build: tools
	cargo leptos build --release --precompress --split

tools:
	scripts/install-tools.sh

test-tools:
	scripts/install-tools.sh --test

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf data .tools end2end/node_modules
