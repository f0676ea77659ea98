#!/usr/bin/env bash
# Load-tests the release build on this machine and writes bench/results.json.
# Figures, not assertions: compare them with the targets in the issues.
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}
bin="$target_dir/release/pavilion"
site_root=${LEPTOS_SITE_ROOT:-$PWD/target/site}
duration=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-64}
port=${BENCH_PORT:-3200}
data=$(mktemp -d)
trap 'kill "${server_pid:-}" "${peer_pid:-}" 2>/dev/null || true; rm -rf "$data"' EXIT

results=()
# One wrk run, kept under KEY: measure KEY URL [wrk options...] [-- script arguments...]
measure() {
  local key=$1 url=$2
  shift 2
  local options=() script_args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    options+=("$1")
    shift
  done
  [ $# -gt 0 ] && shift && script_args=("$@")
  echo "==> wrk -t2 -c$connections -d${duration}s ${options[*]} $url ${script_args[*]}"
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "${options[@]}" "$url" \
    ${script_args[@]+-- "${script_args[@]}"})
  echo "$out"
  results+=("$key"$'\t'"$out")
}
wait_for() {
  for _ in $(seq 600); do
    curl -fs "$1" >/dev/null && return 0
    sleep 0.1
  done
  echo "no answer from $1" >&2
  return 1
}

# The reference server (../shared/peers: axum + askama + rusqlite, no cache), alone on the
# machine, on the same URLs and data size. Pavilion's speed goals are ratios to it.
peer_dir=${PEER_DIR:-$PWD/../shared/peers}
if [ -d "$peer_dir/axum-askama" ]; then
  echo "==> the reference server: building, 10000 products"
  python3 "$peer_dir/data/make_db.py" 10000 "$data/peers.db" >/dev/null
  CARGO_TARGET_DIR="$target_dir/peers" cargo build -q --release \
    --manifest-path "$peer_dir/axum-askama/Cargo.toml"
  peer_port=$((port + 1))
  PEER_DB="$data/peers.db" PORT=$peer_port "$target_dir/peers/release/axum-askama" &
  peer_pid=$!
  peer="http://127.0.0.1:$peer_port"
  wait_for "$peer/zh/products"
  python3 -c 'import sqlite3, sys
for (slug,) in sqlite3.connect(sys.argv[1]).execute("SELECT slug FROM products"):
    print("/zh/products/" + slug)' "$data/peers.db" >"$data/peer_products.txt"
  peer_product=$(head -1 "$data/peer_products.txt")
  peer_category=$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT slug FROM categories ORDER BY id").fetchone()[0])' "$data/peers.db")
  measure "peer listing" "$peer/zh/products?page=3"
  measure "peer category" "$peer/zh/products?category=$peer_category&sort=price"
  measure "peer product" "$peer$peer_product"
  measure "peer every product" "$peer" -s scripts/bench/random_paths.lua -- "$data/peer_products.txt"
  kill "$peer_pid"
  wait "$peer_pid" 2>/dev/null || true
else
  echo "==> no reference server at $peer_dir: ratios are left out"
fi

export DATABASE_URL="sqlite://$data/pavilion.db" PAVILION_DATA_DIR="$data"
export LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$site_root" RUST_LOG=warn
# wrk is one anonymous address asking ~1000 times a second: not what the limit is for.
export PAVILION_RATE_LIMIT=off PAVILION_SANDBOX_PAYMENTS=on
synthetic=${BENCH_SYNTHETIC:-10000}
echo "==> seeding the demo catalogue and $synthetic synthetic products"
"$bin" seed --demo --synthetic "$synthetic" >/dev/null
log="$data/server.log"
"$bin" serve 2>"$log" &
server_pid=$!
base="http://127.0.0.1:$port"
wait_for "$base/healthz"

echo "==> checkout benchmark (SQLite and PostgreSQL) -> bench/checkout.json"
# The same packages and features as `make test`, so cargo reuses that build instead of
# compiling the app and the server again for a different feature set.
CI=true LEPTOS_OUTPUT_NAME=pavilion cargo test --release -q -p app -p server --features app/ssr \
  -- --ignored --nocapture checkout_benchmark

# The sitemap once, in a file: a pipe that `head` closes early fails under pipefail.
curl -fs "$base/sitemap.xml" >"$data/sitemap.xml"
grep -o "/zh/products/[a-z0-9-]*" "$data/sitemap.xml" | sort -u >"$data/products.txt"
# Every product page in random order, the page cache cold at the start.
measure "every product" "$base" -s scripts/bench/random_paths.lua -- "$data/products.txt"
product=$(sed -n 500p "$data/products.txt")
category=$(grep -o "/zh/categories/[a-z0-9-]*" "$data/sitemap.xml" | sed -n '1s|.*/||p')
# Anonymous visitors (answered from the page cache), then the same pages rendered in full
# for a visitor with a session cookie (an unknown one: one session lookup, then the render).
uncached=(-H "Cookie: pavilion_session=bench")
measure "listing" "$base/zh/products?page=3"
measure "category" "$base/zh/products?category=$category&sort=price_asc"
measure "product" "$base$product"
measure "uncached listing" "$base/zh/products?page=3" "${uncached[@]}"
measure "uncached category" "$base/zh/products?category=$category&sort=price_asc" "${uncached[@]}"
measure "uncached product" "$base$product" "${uncached[@]}"
# 芒果 (mango) percent-encoded
for path in /zh/ /en/ "/zh/products?q=%E8%8A%92%E6%9E%9C" "/en/products?q=mango" "/api/suggest?lang=Zh&q=mang"; do
  measure "$path" "$base$path"
done

peak_rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")

# What a phone's first visit transfers (wasm + JS, brotli) to four kinds of page, in Chromium.
article=$(grep -o "/zh/articles/[a-z0-9-]*" "$data/sitemap.xml" | sed -n 1p)
echo "==> first visits: /zh/ /zh/products $product $article"
first_visits=$(node scripts/bench/first_visit.mjs "$base" /zh/ /zh/products "$product" "$article")
echo "$first_visits"

# Lighthouse (npm, pinned) in Debian's Chromium, as a phone: home, listing, product and
# article in each language.
lighthouse=.tools/lighthouse/node_modules/.bin/lighthouse
if [ ! -x "$lighthouse" ]; then
  echo "==> installing Lighthouse 12.8.2 (npm)"
  npm install --silent --no-audit --no-fund --prefix .tools/lighthouse lighthouse@12.8.2
fi
lighthouse_scores="{}"
for lang in zh en; do
  for path in "/$lang/" "/$lang/products" "${product/\/zh\//\/$lang\/}" "${article/\/zh\//\/$lang\/}"; do
    echo "==> lighthouse $path"
    CHROME_PATH=/usr/bin/chromium "$lighthouse" "$base$path" --quiet --output=json \
      --output-path="$data/lighthouse.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null
    lighthouse_scores=$(python3 - "$lighthouse_scores" "$path" "$data/lighthouse.json" <<'PY'
import json, sys
scores, path, report = json.loads(sys.argv[1]), sys.argv[2], json.load(open(sys.argv[3]))
scores[path] = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
print(json.dumps(scores))
PY
)
  done
done
echo "$lighthouse_scores"

# Panics are counted after the floods below, from the server's standard error.
# A scanner or a flood: every request a different unknown path, as fast as wrk can, with
# requests abandoned on timeout and at the end. Any panic in the log is a bug. 100
# connections: one address may hold 128 (PAVILION_CONNECTIONS_PER_CLIENT).
flood_seconds=${BENCH_FLOOD_SECONDS:-20}
echo "==> flood: unknown paths, wrk -t2 -c100 -d${flood_seconds}s"
flood=$(wrk -t2 -c100 -d"${flood_seconds}s" --timeout 2s --latency \
  -s scripts/bench/unknown_paths.lua "http://127.0.0.1:$port")
echo "$flood"
# The same with a session cookie (an unknown one): every page is rendered in full.
echo "==> flood with a session cookie: unknown paths rendered in full, 10 s"
flood_rendered=$(wrk -t2 -c100 -d10s --timeout 2s -H "Cookie: pavilion_session=flood" \
  -s scripts/bench/unknown_paths.lua "http://127.0.0.1:$port")
echo "$flood_rendered"
# Visitors who leave before the answer: requests dropped 0-20 ms after they are sent.
echo "==> abandoned requests: 20 s without a session, 20 s with one (full renders)"
abandoned=$(python3 scripts/bench/abandoned_requests.py "$port" 20)
abandoned_rendered=$(python3 scripts/bench/abandoned_requests.py "$port" 20 "pavilion_session=flood")
echo "$abandoned $abandoned_rendered"
sleep 2
flood_panics=$(grep -c "panicked" "$log" || true)
echo "==> panics in the server log: $flood_panics"
grep -m3 -A2 "panicked" "$log" || true

# Slow clients: 1000 half-sent headers from one address. The per-address cap turns most
# away at once; the header timeout closes the rest.
echo "==> slow clients: 1000 unfinished headers, held for 15 s"
slow=$(python3 scripts/bench/slow_clients.py 127.0.0.1 "$port" 1000 15)
echo "$slow"
rss_after_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$server_pid/status")
peak_rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")
pkg="$site_root/pkg"
wasm=$(ls "$pkg"/pavilion*.wasm | head -1)
js=$(ls "$pkg"/pavilion*.js | head -1)
css=$(ls "$pkg"/*.css | head -1)
size() { stat -c %s "$1"; }
br() { brotli -c -q 11 "$1" | wc -c; }

python3 - "$first_visits" "$lighthouse_scores" "$peak_rss_kb" "$rss_after_kb" "$flood_panics" "$flood" "$flood_rendered" "$abandoned" "$abandoned_rendered" "$slow" "$(size "$wasm")" "$(br "$wasm")" "$(size "$js")" "$(br "$js")" \
  "$(size "$css")" "$(br "$css")" "${results[@]}" <<'PY'
import json, re, sys
first_visits, lighthouse, rss, rss_after, flood_panics, flood, flood_rendered, abandoned, abandoned_rendered, slow, wasm, wasm_br, js, js_br, css, css_br, *runs = sys.argv[1:]
def ms(v, unit):
    return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
pages = {}
for run in runs:
    path, out = run.split("\t", 1)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = {p: ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)", out, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    pages[path] = {"requests_per_second": rps, "p50_ms": lat.get("50"), "p99_ms": lat.get("99"),
                   "non_2xx": int(errors.group(1)) if errors else 0}
def ratio(ours, theirs):
    if ours not in pages or theirs not in pages:
        return None
    return round(pages[ours]["requests_per_second"] / pages[theirs]["requests_per_second"], 3)
# Targets (issue 16): cached listing >= 1.0, cached product >= 0.5, every product >= 0.25.
ratios = {
    "listing_cached": ratio("listing", "peer listing"),
    "category_cached": ratio("category", "peer category"),
    "product_cached": ratio("product", "peer product"),
    "every_product_cold": ratio("every product", "peer every product"),
    "listing_uncached": ratio("uncached listing", "peer listing"),
    "category_uncached": ratio("uncached category", "peer category"),
    "product_uncached": ratio("uncached product", "peer product"),
}
def flood_run(out):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Server errors: (\d+)", out)
    return {"requests_per_second": float(rps.group(1)) if rps else None,
            "server_errors": int(errors.group(1)) if errors else None}
result = {
    "ratio_to_the_reference_server": ratios,
    "pages": pages,
    "unknown_path_flood": {"from_the_copy": flood_run(flood),
                           "rendered_in_full": flood_run(flood_rendered),
                           "abandoned": json.loads(abandoned),
                           "abandoned_rendered_in_full": json.loads(abandoned_rendered),
                           "panics_in_the_log": int(flood_panics)},
    "slow_clients": json.loads(slow),
    "server_rss_after_slow_clients_mb": round(int(rss_after) / 1024, 1),
    "server_peak_rss_mb": round(int(rss) / 1024, 1),
    # Target (issue 16): until_hydrated <= 300 KB for each.
    "first_visit_wasm_js_brotli_bytes": json.loads(first_visits),
    # Target (issue 16): >= 98 / 100 / 100 / 100 on each, as a phone.
    "lighthouse_mobile": json.loads(lighthouse),
    "assets_bytes": {"wasm": int(wasm), "wasm_brotli": int(wasm_br), "js": int(js),
                     "js_brotli": int(js_br), "css": int(css), "css_brotli": int(css_br),
                     "wasm_plus_js_brotli": int(wasm_br) + int(js_br)},
}
json.dump(result, open("bench/results.json", "w"), indent=2)
print(json.dumps(result, indent=2))
PY
