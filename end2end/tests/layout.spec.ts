// The header holds at every common width, and no page scrolls sideways on a 360 px phone:
// storefront, account and console pages, in both languages. (The seller's pages are checked
// in seller_pages.spec.) Screenshots of each header go with the test's results.
import { expect, Page } from "@playwright/test";
import { hydrated, test } from "./helpers";
import { langs } from "./i18n";
import { signInAsAdmin } from "./shops";
import { fits, overflow } from "./layout";

const WIDTHS = [360, 414, 768, 1024, 1280, 1440];

/// How many lines each element's text takes: the distinct tops of its text's boxes.
async function lines(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = Array.from(range.getClientRects())
        .filter((rect) => rect.width > 0)
        .map((rect) => Math.round(rect.top));
      return new Set(tops).size;
    }),
  );
}

for (const lang of langs) {
  test(`the header holds on one plan from 360 to 1440 px (${lang})`, async ({ page }, info) => {
    test.skip(info.project.name !== "desktop", "widths are set by hand");
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      // A query no one would type, in one unbroken word.
      await page.goto(`/${lang}/products?q=${"m".repeat(5000)}`);
      await hydrated(page);
      const header = page.locator("header.site-header");
      await info.attach(`header-${lang}-${width}.png`, { body: await header.screenshot(), contentType: "image/png" });
      expect(await overflow(page), `${width}px`).toBeLessThanOrEqual(0);
      expect(await lines(page, ".brand span"), `brand at ${width}px`).toEqual([1]);
      expect(await lines(page, ".language-switch"), `language at ${width}px`).toEqual([1]);
      for (const n of await lines(page, "header.site-header nav:not(.visitor) a")) {
        expect(n, `a section link at ${width}px`).toBe(1);
      }
      // Two rows from tablets up (brand, search, language, account; then the sections).
      const height = (await header.boundingBox())?.height ?? 0;
      if (width >= 768) expect(height, `header at ${width}px`).toBeLessThan(140);
    }
  });

  test(`every storefront and console page fits a 360 px phone (${lang})`, async ({ page }, info) => {
    test.skip(info.project.name !== "mobile", "a phone's width");
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`/${lang}/`);
    const first = async (pattern: string) =>
      (await page.locator(`main a[href*="${pattern}"]`).first().getAttribute("href")) ?? "";
    const product = await first(`/${lang}/products/`);
    const category = await first(`/${lang}/categories/`);
    await page.goto(`/${lang}/shops`);
    const shop = await first(`/${lang}/shops/`);
    await page.goto(`/${lang}/academy`);
    const guide = await first(`/${lang}/academy/`);
    await page.goto(`/${lang}/culture`);
    const article = await first(`/${lang}/articles/`);
    const storefront = ["/", "/products", "/shops", "/culture", "/cuisine", "/tourism", "/exchange", "/pavilions", "/academy", "/sell", "/cart", "/account/login", "/account/register", "/account/forgot", "/offline"];
    for (const path of [...storefront.map((p) => `/${lang}${p}`), product, category, shop, guide, article]) {
      await fits(page, path);
    }
    await signInAsAdmin(page, lang);
    for (const path of ["/account", "/admin", "/admin/applications", "/admin/listings", "/admin/orders", "/admin/users", "/admin/rates", "/admin/reviews", "/admin/articles", "/admin/audit"]) {
      await fits(page, `/${lang}${path}`);
    }
  });
}
