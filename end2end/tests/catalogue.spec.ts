import { expect, Page } from "@playwright/test";
import { headingsInOrder, hydrated, noSeriousViolations, test } from "./helpers";
import { langs, t, tn } from "./i18n";


for (const lang of langs) {
  test.describe(`shopping in ${lang}`, () => {
    // Each page language searches in its own words (the titles shown are in that language).
    const query = lang === "zh" ? "芒果" : "mango";
    test(`search ${query}, filter by price, open a product, choose a variant, see the landed price`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      await hydrated(page);
      const search = page.getByRole("combobox", { name: t(lang, "catalogue", "search_label") });
      await search.fill(query);
      // Suggestions appear as you type (hydrated, debounced): an ARIA combobox.
      const listbox = page.getByRole("listbox", { name: t(lang, "catalogue", "suggestions_label") });
      await expect(listbox).toBeVisible();
      const combobox = search;
      await expect(combobox).toHaveAttribute("aria-expanded", "true");
      await expect(page.locator(".search-box [aria-live]")).toContainText(
        tn(lang, "catalogue", "suggestions_count").split("{{")[0].trim(),
      );
      await search.press("ArrowDown");
      const first = listbox.getByRole("option").first();
      await expect(first).toHaveAttribute("aria-selected", "true");
      await expect(combobox).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id")) ?? "");
      await search.press("Escape");
      await expect(combobox).toHaveAttribute("aria-expanded", "false");
      await expect(listbox).toBeHidden();
      await search.press("Enter");
      await expect(page).toHaveURL(/\/products\?q=/);
      const results = page.locator(".results");
      await expect(results.getByRole("article").first()).toBeVisible();
      await expect(results.locator("mark").first()).toBeVisible();
      await noSeriousViolations(page);
      await headingsInOrder(page);

      // Price filter: a plain GET form.
      await page.getByLabel(t(lang, "catalogue", "price_max")).fill("200");
      await page.getByRole("button", { name: t(lang, "catalogue", "apply") }).click();
      await expect(page).toHaveURL(/max=200/);
      const count = await results.getByRole("article").count();
      expect(count).toBeGreaterThan(0);
      // Goods from Pakistan, whose landed price the page spells out (goods in stock in China
      // carry VAT in their price instead).
      await page
        .locator("fieldset.facet", { hasText: t(lang, "catalogue", "facet_ships_from") })
        .getByRole("link", { name: new RegExp(t(lang, "catalogue", "ships_from_pakistan")) })
        .click();
      await expect(page).toHaveURL(/from=pk/);
      await expect(results.getByRole("article").first()).toBeVisible();

      // Open the first product.
      await results.getByRole("article").first().getByRole("link").click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/products/`));
      await hydrated(page);
      await expect(page.getByRole("table", { name: t(lang, "catalogue", "landed_heading") })).toBeVisible();
      // Hydrated, the picker follows the radios in place: its submit button is hidden.
      await expect(page.locator(".variant-picker button[type=submit]")).toBeHidden();
      await noSeriousViolations(page);

      // Choose another variant when there is one: the price block follows in place.
      const options = page.getByRole("radio");
      if ((await options.count()) > 1) {
        const before = await page.locator(".price-block .price").textContent();
        await options.nth(1).check();
        await expect(page.locator(".price-block .price")).not.toHaveText(before ?? "");
      }
    });

    test("categories, sorting and shops are plain links", async ({ page }) => {
      await page.goto(`/${lang}/categories/rice?sort=price_asc`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator(".results").getByRole("article").first()).toBeVisible();
      await noSeriousViolations(page);
      await headingsInOrder(page);
      await page.goto(`/${lang}/shops`);
      await page.locator(".shop-card").first().getByRole("link").click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/shops/`));
      await expect(page.locator(".product-card").first()).toBeVisible();
      await noSeriousViolations(page);
      await headingsInOrder(page);
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the variant picker is a form", async ({ page }) => {
    await page.goto("/zh/products?q=mango");
    await page.locator(".results").getByRole("article").first().getByRole("link").click();
    const options = page.getByRole("radio");
    if ((await options.count()) > 1) {
      await options.nth(1).check();
      await page.getByRole("button", { name: t("zh", "catalogue", "show_variant") }).click();
      await expect(page).toHaveURL(/variant=/);
    }
    await expect(page.getByRole("table", { name: t("zh", "catalogue", "landed_heading") })).toBeVisible();
  });
});
