// The wasm and JS a first visit transfers, as served (brotli), measured in Chromium:
// node first_visit.mjs BASE PATH... -> JSON {path: {until_hydrated, after_idle, files}}.
// "until_hydrated": what the page needs to come alive; "after_idle": with the chunks that
// links in view preload once the browser is idle.
import { createRequire } from "node:module";
const require = createRequire(new URL("../../end2end/package.json", import.meta.url));
const { chromium } = require("@playwright/test");

const [base, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const result = {};
for (const path of paths) {
  // A fresh profile per page: nothing cached. Chromium asks plain-HTTP sites for gzip
  // only; a phone on the real (HTTPS) site asks for brotli.
  const context = await browser.newContext({
    serviceWorkers: "block",
    extraHTTPHeaders: { "Accept-Encoding": "gzip, deflate, br" },
  });
  const page = await context.newPage();
  const sizes = [];
  page.on("requestfinished", async (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/pkg/") || !/\.(wasm|js)$/.test(url.pathname)) return;
    const at = Date.now();
    const { responseBodySize } = await request.sizes();
    sizes.push({ file: url.pathname, bytes: responseBodySize, at });
  });
  await page.goto(base + path);
  await page.waitForSelector("html[data-hydrated=true]", { timeout: 30_000 });
  const hydratedAt = Date.now();
  await page.waitForTimeout(3_000);
  const sum = (list) => list.reduce((total, { bytes }) => total + bytes, 0);
  result[path] = {
    until_hydrated: sum(sizes.filter(({ at }) => at <= hydratedAt)),
    after_idle: sum(sizes),
    files: sizes.map(({ file, bytes }) => `${file} ${bytes}`),
  };
  await context.close();
}
await browser.close();
console.log(JSON.stringify(result));
