// The split bundle: a storefront page is the main bundle; a lazy page (account, buying,
// editor, seller, admin) adds its family's chunks, named in its head; another page's code
// comes when a link to it draws interest or the page is opened; client navigation into and
// out of a lazy page, and a hard reload on one, keep working.
import { expect, Page } from "@playwright/test";
import { hydrated, test } from "./helpers";
import { langs, t } from "./i18n";

/// The `/pkg/*.wasm` files the page has asked for so far, in order.
function wasmFetches(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/pkg/") && path.endsWith(".wasm")) seen.push(path);
  });
  return seen;
}

/// The wasm files the page's `<head>` preloads: the main bundle and this page's chunks.
async function preloaded(page: Page): Promise<string[]> {
  return page
    .locator('head link[rel="preload"][href$=".wasm"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
}

/// No chunk is fetched for links merely in view (as with the browser's Data Saver on).
async function saveData(page: Page) {
  await page.addInitScript(() =>
    Object.defineProperty(navigator, "connection", { value: { saveData: true }, configurable: true }),
  );
}

/// A mark that survives client-side navigation and vanishes with a page load.
const mark = (page: Page) => page.evaluate(() => ((window as any).__samePage = true));
const stillMarked = (page: Page) => page.evaluate(() => (window as any).__samePage === true);

for (const lang of langs) {
  test(`a product page is the main bundle alone, a lazy page adds the chunks its head names (${lang})`, async ({ page }) => {
    await saveData(page);
    const fetched = wasmFetches(page);
    await page.goto(`/${lang}/products`);
    const product = (await page.locator(`main a[href*="/${lang}/products/"]`).first().getAttribute("href")) ?? "";
    fetched.length = 0;
    await page.goto(product);
    await hydrated(page);
    const main = await preloaded(page);
    expect(main, "the main bundle").toHaveLength(1);
    expect([...new Set(fetched)]).toEqual(main);

    fetched.length = 0;
    await page.goto(`/${lang}/account/login`);
    await hydrated(page);
    const named = await preloaded(page);
    expect(named, "the main bundle first").toContain(main[0]);
    expect(named.length, "and the account pages' chunks").toBeGreaterThan(1);
    expect([...new Set(fetched)].sort()).toEqual([...new Set(named)].sort());
  });

  test(`hovering a link fetches its page's chunk before the click, and the page opens in place (${lang})`, async ({ page }) => {
    await saveData(page);
    const fetched = wasmFetches(page);
    await page.goto(`/${lang}/products`);
    await hydrated(page);
    const login = page.locator(`header a[href="/${lang}/account/login"]`).first();
    expect(fetched.some((file) => file.includes("/split_account_pages_"))).toBe(false);
    await login.hover();
    await expect.poll(() => fetched.some((file) => file.includes("/split_account_pages_"))).toBe(true);
    const afterHover = fetched.length;
    await mark(page);
    await login.click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/account/login`));
    await expect(page.locator("main form input[type=email]")).toBeVisible();
    expect(await stillMarked(page), "opened without a page load").toBe(true);
    expect(fetched.length, "nothing more to fetch on the click").toBe(afterHover);

    // Out of the lazy page, back to another, in place.
    await page.locator(`header nav a[href="/${lang}/products"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/products$`));
    await expect(page.locator(`main a[href*="/${lang}/products/"]`).first()).toBeVisible();
    expect(await stillMarked(page)).toBe(true);
  });

  test(`a link in the page's content fetches its page's chunks once in view and idle, a header link does not (${lang})`, async ({ page }) => {
    const fetched = wasmFetches(page);
    // A family's own module is named for it (`split_<family>_….wasm`), beside shared chunks.
    const family = (name: string) => fetched.some((file) => file.includes(`/split_${name}_`));
    await page.goto(`/${lang}/products`);
    await hydrated(page);
    await page.waitForTimeout(1_500);
    expect(fetched, "the header's sign-in and sell links load nothing").toHaveLength(1);
    const product = (await page.locator(`main a[href*="/${lang}/products/"]`).first().getAttribute("href")) ?? "";
    await page.goto(product);
    await hydrated(page);
    expect(family("buying_pages")).toBe(false);
    await page.getByRole("button", { name: t(lang, "shop", "add_to_cart") }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/cart$`));
    // The cart's "go to checkout" is in view: the buying pages' chunks come unasked.
    await expect(page.locator(`main a[href="/${lang}/checkout"]`)).toBeVisible();
    await expect.poll(() => family("buying_pages"), { timeout: 10_000 }).toBe(true);
  });

  test(`a hard reload on a lazy page hydrates it again (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/account/register`);
    await hydrated(page);
    await page.reload();
    await hydrated(page);
    await mark(page);
    await page.locator(`header a[href="/${lang}/account/login"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/account/login`));
    expect(await stillMarked(page), "client-side navigation from a reloaded lazy page").toBe(true);
  });
}
