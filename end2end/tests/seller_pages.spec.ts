// Every seller page hydrates without an error, load after load: the product editor once
// panicked while hydrating on about 4 loads in 10 (a boundary made after another resolved
// took its hydration id in an order the browser could not repeat). Chinese on the phone,
// English on the desktop.
import { expect } from "@playwright/test";
import { hydrated, test } from "./helpers";
import { fits } from "./layout";
import { t } from "./i18n";
import { openShop } from "./shops";

const LOADS = 20;

test("every seller page hydrates cleanly, load after load", async ({ page, browser }, info) => {
  test.setTimeout(600_000);
  const lang = info.project.name === "mobile" ? "zh" : "en";
  const run = `${info.project.name}-${Date.now()}`;
  await openShop(page, browser, lang, `Hydration Sports ${run}`, `hydrate-${run}@example.pk`);

  // One product, saved from the editor.
  await page.goto(`/${lang}/seller/products/new`);
  await hydrated(page);
  await page.getByLabel(t(lang, "seller", "slug"), { exact: true }).fill(`hydration-ball-${run}`.toLowerCase());
  await page.getByLabel(t(lang, "seller", "category"), { exact: true }).selectOption("footballs");
  await page.getByLabel(t(lang, "seller", "origin_city"), { exact: true }).selectOption("sialkot");
  await page.getByLabel(t(lang, "seller", "hs_code"), { exact: true }).fill("9506.62");
  await page.getByLabel(t(lang, "seller", "weight_g"), { exact: true }).fill("450");
  await page.getByLabel(`${t(lang, "seller", "field_title")} (English)`).fill("Training football");
  await page.locator('input[name="draft[variants][0][sku]"]').fill(`HB-${Date.now()}`);
  await page.locator('input[name="draft[variants][0][price]"]').fill("98");
  await page.locator('input[name="draft[variants][0][price]"]').press("Enter");
  await expect(page).toHaveURL(new RegExp(`/${lang}/seller/products/[0-9]+\\?saved=1$`));
  const editor = new URL(page.url()).pathname;

  const pages = [
    "/seller",
    "/seller/products",
    "/seller/products/new",
    editor.replace(`/${lang}`, ""),
    `${editor.replace(`/${lang}`, "")}?saved=1`,
    `${editor.replace(`/${lang}`, "")}?uploaded=0`,
    "/seller/orders",
    "/seller/stock",
    "/seller/analytics",
    "/seller/catalogue",
    "/seller/glossary",
    "/seller/profile",
    "/seller/team",
  ];
  for (const path of pages) {
    for (let load = 0; load < LOADS; load++) {
      await page.goto(`/${lang}${path}`);
      await hydrated(page);
    }
  }
  // On a 360 px phone no seller page scrolls sideways.
  if (info.project.name === "mobile") {
    await page.setViewportSize({ width: 360, height: 780 });
    for (const path of pages) await fits(page, `/${lang}${path}`);
    await page.setViewportSize({ width: 412, height: 839 });
  }
  // The editor is alive after hydrating: the glossary answers what is typed.
  await page.goto(editor);
  await hydrated(page);
  await page.getByLabel(`${t(lang, "seller", "field_title")} (English)`).fill("Training football from Sialkot");
  await expect(page.locator(".glossary-suggestions")).toContainText("锡亚尔科特");
});
