import { expect, Page } from "@playwright/test";
import * as path from "node:path";
import * as os from "node:os";
import * as fs from "node:fs";
import { hydrated, noSeriousViolations, test } from "./helpers";
import { langs, t, tPattern } from "./i18n";
import { signIn } from "./shops";


for (const lang of langs) {
  test(`read a recipe, put its ingredients in the cart, see them there (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/cuisine`);
    await hydrated(page);
    await noSeriousViolations(page);
    await page.locator(`a[href="/${lang}/articles/sindhi-chicken-biryani"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/articles/sindhi-chicken-biryani$`));
    await expect(page.getByRole("heading", { name: t(lang, "content", "ingredients") })).toBeVisible();
    await noSeriousViolations(page);
    await page.getByRole("button", { name: tPattern(lang, "content", "add_ingredients") }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/cart$`));
    await expect(page.locator(".cart-lines > li").first()).toBeVisible();
    expect(await page.locator(".cart-lines > li").count()).toBeGreaterThan(1);
  });

  test(`a destination guide and the offline pavilions with their map (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/articles/hunza`);
    await expect(page.getByText(t(lang, "content", "visa_notes"))).toBeVisible();
    await page.goto(`/${lang}/pavilions`);
    await expect(page.getByRole("heading", { level: 1, name: t(lang, "content", "pavilions_title") })).toBeVisible();
    await expect(page.locator("figure.map svg")).toBeVisible();
    await expect(page.locator("article.pavilion")).toHaveCount(5);
    await noSeriousViolations(page);
  });

  test(`an editor writes a bilingual article with a picture and schedules it (${lang})`, async ({ page }, info) => {
    // The test server creates the editor's account.
    await signIn(page, lang, "editor@pavilion.test", "ink and paper");

    await page.goto(`/${lang}/editor/new`);
    await hydrated(page);
    // Upload a picture first: the page hands back the Markdown that shows it.
    const file = path.join(os.tmpdir(), `cover-${process.pid}.png`);
    fs.writeFileSync(file, Buffer.from(PNG_1x1, "base64"));
    await page.getByLabel(t(lang, "editor", "upload_label")).setInputFiles(file);
    await page.getByRole("button", { name: t(lang, "editor", "upload"), exact: true }).click();
    const snippet = await page.locator("code").filter({ hasText: "/media/uploads/" }).textContent();
    expect(snippet).toMatch(/^!\[\]\(\/media\/uploads\/[A-Za-z0-9_-]+\.jpg\)$/);
    await hydrated(page);

    const slug = `kite-festival-${lang}-${info.project.name}-${Date.now()}`;
    await page.getByLabel(t(lang, "editor", "slug")).fill(slug);
    await page.getByLabel(t(lang, "editor", "section")).selectOption("culture");
    await page.getByLabel(t(lang, "editor", "publish_at")).fill("2026-01-15T10:00");
    await page.getByLabel(`${t(lang, "editor", "field_title")} (English)`).fill("Kites over Lahore");
    await page.getByLabel(`${t(lang, "editor", "field_body")} (English)`).fill(`## Basant\n\nKites fill the sky.\n\n${snippet}`);
    await page.getByLabel(`${t(lang, "editor", "field_title")} (中文)`).fill("拉合尔上空的风筝");
    const zhBody = page.getByLabel(`${t(lang, "editor", "field_body")} (中文)`);
    await zhBody.fill(`## 春之节\n\n风筝飞满天空。\n\n${snippet}`);
    // Saved from the keyboard (on the phone layout a tap lands on the tall text box).
    await page.getByRole("button", { name: t(lang, "editor", "save"), exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${lang}/editor/\\d+\\?saved=1`));
    await expect(page.getByText(t(lang, "editor", "saved"))).toBeVisible();
    await expect(page.locator(".preview img").first()).toBeVisible();

    // Published in both languages, with the picture.
    for (const l of langs) {
      await page.goto(`/${l}/articles/${slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(l === "zh" ? "拉合尔上空的风筝" : "Kites over Lahore");
      await expect(page.locator(".prose img")).toBeVisible();
    }
    // Scheduled for later: saved, listed as scheduled, not yet readable.
    await page.goto(`/${lang}/editor/new`);
    await hydrated(page);
    const later = `${slug}-later`;
    await page.getByLabel(t(lang, "editor", "slug")).fill(later);
    await page.getByLabel(t(lang, "editor", "publish_at")).fill("2099-01-01T09:00");
    await page.getByLabel(`${t(lang, "editor", "field_title")} (English)`).fill("Coming soon");
    await page.getByLabel(`${t(lang, "editor", "field_body")} (English)`).fill("Soon.");
    await page.getByRole("button", { name: t(lang, "editor", "save"), exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?saved=1/);
    await page.goto(`/${lang}/editor`);
    await expect(page.getByRole("row", { name: new RegExp(later) })).toContainText(t(lang, "editor", "state_scheduled"));
    const response = await page.goto(`/en/articles/${later}`);
    expect(response?.status()).toBe(404);
  });
}

// A 1×1 green PNG.
const PNG_1x1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
