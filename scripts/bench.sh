#!/usr/bin/env bash
# Load-tests the release build on this machine and writes bench/results.json.
# Figures, not assertions: compare them with the targets in the issues.
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}
bin="$target_dir/release/pavilion"
site_root=${LEPTOS_SITE_ROOT:-$PWD/target/site}
duration=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}
port=${BENCH_PORT:-3200}
data=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$data"' EXIT

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
for _ in $(seq 600); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done

echo "==> checkout benchmark (SQLite and PostgreSQL) -> bench/checkout.json"
CI=true LEPTOS_OUTPUT_NAME=pavilion cargo test --release -q -p server --test api -- --ignored --nocapture checkout_benchmark

results=()
product=$(curl -fs "http://127.0.0.1:$port/sitemap.xml" | grep -o "/zh/products/[a-z0-9-]*" | sed -n 500p)
# 芒果 (mango) percent-encoded
for path in /zh/ /en/ /zh/products /en/categories/rice?sort=price_asc "$product" \
  "/zh/products?q=%E8%8A%92%E6%9E%9C" "/en/products?q=mango" "/api/suggest?lang=Zh&q=mang"; do
  echo "==> wrk -t2 -c$connections -d${duration}s $path"
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$path")
  echo "$out"
  results+=("$path"$'\t'"$out")
done

peak_rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")

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
wasm=$(ls "$pkg"/*.wasm | head -1)
js=$(ls "$pkg"/*.js | head -1)
css=$(ls "$pkg"/*.css | head -1)
size() { stat -c %s "$1"; }
br() { brotli -c -q 11 "$1" | wc -c; }

python3 - "$peak_rss_kb" "$rss_after_kb" "$flood_panics" "$flood" "$flood_rendered" "$abandoned" "$abandoned_rendered" "$slow" "$(size "$wasm")" "$(br "$wasm")" "$(size "$js")" "$(br "$js")" \
  "$(size "$css")" "$(br "$css")" "${results[@]}" <<'PY'
import json, re, sys
rss, rss_after, flood_panics, flood, flood_rendered, abandoned, abandoned_rendered, slow, wasm, wasm_br, js, js_br, css, css_br, *runs = sys.argv[1:]
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
def flood_run(out):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Server errors: (\d+)", out)
    return {"requests_per_second": float(rps.group(1)) if rps else None,
            "server_errors": int(errors.group(1)) if errors else None}
result = {
    "pages": pages,
    "unknown_path_flood": {"from_the_copy": flood_run(flood),
                           "rendered_in_full": flood_run(flood_rendered),
                           "abandoned": json.loads(abandoned),
                           "abandoned_rendered_in_full": json.loads(abandoned_rendered),
                           "panics_in_the_log": int(flood_panics)},
    "slow_clients": json.loads(slow),
    "server_rss_after_slow_clients_mb": round(int(rss_after) / 1024, 1),
    "server_peak_rss_mb": round(int(rss) / 1024, 1),
    "assets_bytes": {"wasm": int(wasm), "wasm_brotli": int(wasm_br), "js": int(js),
                     "js_brotli": int(js_br), "css": int(css), "css_brotli": int(css_br),
                     "wasm_plus_js_brotli": int(wasm_br) + int(js_br)},
}
json.dump(result, open("bench/results.json", "w"), indent=2)
print(json.dumps(result, indent=2))
PY
