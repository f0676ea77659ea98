import { defineConfig, devices } from "@playwright/test";
import * as path from "node:path";
import * as os from "node:os";

// The release build made by `make test`, on its own port and its own fresh database.
const root = path.resolve(__dirname, "..");
const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR ?? "target");
const dataDir = path.join(os.tmpdir(), `pavilion-e2e-${process.pid}`);
const server = path.join(targetDir, "release", "pavilion");
const port = Number(process.env.PAVILION_E2E_PORT ?? 3100);
// Requests a service worker makes show in the context's routes, so a test can cut the
// service worker off the network as well as the page (`context.setOffline` alone does not).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromium,
    trace: "retain-on-failure",
    // The service worker's own test lets it in; elsewhere it would fetch the whole app in
    // the background of every test.
    serviceWorkers: "block",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    { name: "mobile", use: { ...devices["Pixel 7"], launchOptions: chromium } },
  ],
  webServer: {
    command: `rm -rf ${dataDir} && ${server} seed --demo && printf 'ink and paper\\n' | ${server} create-user --email editor@pavilion.test --name Editor --role editor && printf 'steady hands 42\\n' | ${server} create-user --email admin@pavilion.test --name Admin --role admin && printf 'silk road ledger\\n' | ${server} create-user --email importer@pavilion.test --name 'Li Wei' --role seller --shop yiwu-pak-bazaar && exec ${server} serve`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PAVILION_DATA_DIR: dataDir,
      DATABASE_URL: `sqlite://${dataDir}/pavilion.db`,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? path.join(root, "target", "site"),
      RUST_LOG: "warn",
      // Both browsers' journeys come from 127.0.0.1, anonymous, in parallel.
      PAVILION_RATE_LIMIT: "off",
      // The test wallet takes the journeys' payments.
      PAVILION_SANDBOX_PAYMENTS: "on",
    },
  },
});
