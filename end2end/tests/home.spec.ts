import { expect, Page } from "@playwright/test";
import { test } from "./helpers";
import AxeBuilder from "@axe-core/playwright";
import { langs, t, htmlLang, nativeName, other } from "./i18n";

/** Resolves once the wasm has hydrated the page (the frontend marks `<html>`). */
async function waitForHydration(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

for (const [locale, lang] of [["zh-CN", "zh"], ["en-GB", "en"]]) {
  test.describe(`a browser set to ${locale}`, () => {
    test.use({ locale });
    test(`is sent from the root to /${lang}/`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`/${lang}/$`));
    });
  });
}

for (const lang of langs) {
  test.describe(`home page in ${lang}`, () => {
    test("is in its language and switches to the other, remembering the choice", async ({ page, context }) => {
      await page.goto(`/${lang}/`);
      await expect(page.locator("html")).toHaveAttribute("lang", htmlLang[lang]);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "common", "hero_heading"));
      await page.getByRole("link", { name: nativeName[other(lang)] }).click();
      await expect(page).toHaveURL(new RegExp(`/${other(lang)}/$`));
      await expect(page.locator("html")).toHaveAttribute("lang", htmlLang[other(lang)]);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        t(other(lang), "common", "hero_heading"),
      );
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === "lang")?.value).toBe(other(lang));
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`/${other(lang)}/$`));
    });

    test("hydrates: category tabs filter the featured goods in place", async ({ page }) => {
      await page.goto(`/${lang}/`);
      await waitForHydration(page);
      const grid = page.getByRole("tabpanel");
      const all = await grid.getByRole("article").count();
      expect(all).toBeGreaterThan(1);
      const tabs = page.getByRole("tab");
      // The first tab after "All" is a category that has featured goods.
      const category = tabs.nth(1);
      await category.click();
      await expect(category).toHaveAttribute("aria-selected", "true");
      await expect.poll(() => grid.getByRole("article").count()).toBeLessThan(all);
      await page.getByRole("tab", { name: t(lang, "common", "filter_all") }).click();
      await expect.poll(() => grid.getByRole("article").count()).toBe(all);
    });

    test("navigates to a category without reloading the page", async ({ page }) => {
      await page.goto(`/${lang}/`);
      await waitForHydration(page);
      await page.evaluate(() => ((window as any).__marker = "still here"));
      const list = page.locator("#categories");
      const first = list.getByRole("link").first();
      const name = (await first.locator(".name").textContent())!.trim();
      await first.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
      await expect(page).toHaveURL(new RegExp(`/${lang}/categories/`));
      expect(await page.evaluate(() => (window as any).__marker)).toBe("still here");
    });

    test("has no serious or critical accessibility violations", async ({ page }) => {
      for (const path of [`/${lang}/`, `/${lang}/categories/rice`, `/${lang}/no-such-page`]) {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(bad.map((v) => `${path}: ${v.id}: ${v.help}`)).toEqual([]);
      }
    });

    test("shows a translated 404", async ({ page }) => {
      const response = await page.goto(`/${lang}/no-such-page`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "common", "not_found_title"));
    });
  });
}

for (const lang of langs) {
  test(`a trader finds the way in, and a private page asks to sign in and comes back (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/products`);
    await page.getByRole("contentinfo").getByRole("link", { name: t(lang, "common", "sell_link") }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/sell$`));

    await page.goto(`/${lang}/orders`);
    await expect(page).toHaveURL(new RegExp(`/${lang}/account/login\\?next=%2F${lang}%2Forders$`));
    await page.getByRole("link", { name: t(lang, "account", "no_account") }).click();
    await expect(page).toHaveURL(/\/account\/register\?next=/);
    await waitForHydration(page);
    await page.getByLabel(t(lang, "account", "email")).fill(`trader-${lang}-${Date.now()}@example.pk`);
    await page.getByLabel(t(lang, "account", "display_name")).fill(lang === "zh" ? "李明" : "Bilal");
    await page.getByLabel(t(lang, "account", "new_password")).fill("mangoes from Multan");
    await page.getByRole("button", { name: t(lang, "account", "register_submit") }).click();
    // The path, not the whole URL: the registration page's own `?next=/zh/orders` ends alike.
    await expect(page).toHaveURL((url) => url.pathname === `/${lang}/orders`);
    // Not a seller yet: the account page shows the way to open a shop.
    await page.goto(`/${lang}/account`);
    await expect(page.getByRole("main").getByRole("link", { name: t(lang, "common", "sell_link") })).toBeVisible();
  });
}
