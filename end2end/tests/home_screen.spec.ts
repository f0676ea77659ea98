// The pavilion on the phone's home screen: each language names its manifest, the service
// worker takes over, keeps nothing personal, and without a connection the app still opens
// pages it kept and shows a translated offline page for the rest.
import { chromium, expect, BrowserContext, Route } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { hydrated, test } from "./helpers";
import { register } from "./checkout";
import { langs, t } from "./i18n";

// Offline, the page's own calls to the server fail, and the browser says so.
test.use({ expectedConsole: /ERR_INTERNET_DISCONNECTED|Failed to fetch/, serviceWorkers: "allow" });

/// Cuts the page and its service worker off the network.
async function goOffline(context: BrowserContext) {
  await context.setOffline(true);
  await context.route("**", (route: Route) =>
    route.request().serviceWorker() ? route.abort("internetdisconnected") : route.fallback(),
  );
}

for (const lang of langs) {
  test(`the installed app keeps its shell, nothing personal, and works offline (${lang})`, async ({ page, context }, info) => {
    await page.goto(`/${lang}/`);
    await hydrated(page);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", `/manifest.${lang}.webmanifest`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await hydrated(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // A signed-in visitor's pages pass through and are never kept.
    await register(page, lang, `app-${lang}-${info.project.name}-${Date.now()}@example.cn`, "王芳");
    await page.goto(`/${lang}/cart`);
    await page.goto(`/${lang}/products`);
    await hydrated(page);
    const kept: string[] = await page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
      }
      return paths;
    });
    expect(kept).toContain(`/${lang}/offline`);
    expect(kept.some((path) => path.startsWith("/pkg/") && path.endsWith(".wasm"))).toBe(true);
    expect(kept.filter((path) => /^\/(en|zh)\/(account|cart|checkout|orders|seller|admin|editor)|^\/api\//.test(path))).toEqual([]);
    expect(kept, "pages of a signed-in visitor are private").not.toContain(`/${lang}/products`);

    // Signed out, a public page is kept; offline, it opens from the phone, and a page never
    // opened shows the offline page in the visitor's language.
    await context.clearCookies();
    await page.goto(`/${lang}/shops`);
    await hydrated(page);
    await goOffline(context);
    await page.goto(`/${lang}/academy`);
    await expect(page.getByRole("heading", { level: 1, name: t(lang, "common", "offline_title") })).toBeVisible();
    await page.goto(`/${lang}/shops`);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(t(lang, "common", "offline_title"));
  });
}

// What Lighthouse's installability audit asked Chromium (`Page.getInstallabilityErrors`;
// Lighthouse 12 dropped the audit but not the question): nothing stands in the way of
// installing the app. Asked in a normal profile, as a phone's browser is, since Chromium
// never offers to install from an incognito one (a test's usual context).
for (const lang of langs) {
  test(`Chromium counts the pavilion as installable (${lang})`, async ({ baseURL }, info) => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "pavilion-install-"));
    const launch = info.project.use.launchOptions ?? {};
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: launch.executablePath,
      args: launch.args,
      baseURL,
      serviceWorkers: "allow",
    });
    try {
      const page = await context.newPage();
      await page.goto(`/${lang}/`);
      await hydrated(page);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send("Page.getAppManifest");
      expect(manifest.url).toMatch(new RegExp(`/manifest\\.${lang}\\.webmanifest$`));
      expect(manifest.errors).toEqual([]);
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
}
