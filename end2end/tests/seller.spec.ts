// A trader opens a shop, the operator approves it in the console, the trader lists a
// bilingual product with a picture, the operator puts it on sale, a Chinese shopper finds
// and buys it, the trader ships it, and the operator takes it down: in English and Chinese.
import { expect, Locator, Page } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { hydrated, noSeriousViolations, test } from "./helpers";
import { checkoutAndPay, register } from "./checkout";
import { signInAsAdmin } from "./shops";
import { langs, t, Lang } from "./i18n";

/// Clicks a button below the editor's side-by-side fields. On the phone layout Playwright's
/// tap lands on the fieldset above (as in the article editor's test; a person's tap works),
/// so the button is clicked from the page itself.
async function press(button: Locator) {
  await expect(button).toBeVisible();
  await button.evaluate((element) => (element as HTMLElement).click());
}

/// A 4 × 3 red PNG.
const PNG_RED = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4o6QERww4OQAAzgzBjfebfQAAAABJRU5ErkJggg==";

for (const lang of langs) {
  test(`a trader opens a shop, lists a bilingual product, a Chinese shopper buys it and it ships (${lang})`, async ({ page, browser }, info) => {
    test.setTimeout(120_000);
    const run = `${lang}-${info.project.name}-${Date.now()}`;
    const shopName = `Sialkot Stitch ${run}`;
    await register(page, lang, `trader-${run}@example.pk`, "Bilal Ahmed");

    // Apply.
    await page.goto(`/${lang}/sell`);
    await noSeriousViolations(page);
    await page.getByRole("link", { name: t(lang, "seller", "apply_now") }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/sell/apply$`));
    await hydrated(page);
    await page.getByLabel(t(lang, "seller", lang === "zh" ? "kind_importer" : "kind_exporter")).check();
    await page.getByLabel(t(lang, "seller", "legal_name"), { exact: true }).fill(`${shopName} (Pvt) Ltd`);
    await page.getByLabel(t(lang, "seller", "shop_name"), { exact: true }).fill(shopName);
    const number = page.getByLabel(t(lang, "seller", "registration_number"), { exact: true });
    await number.fill("12345");
    await page.getByLabel(t(lang, "seller", "city"), { exact: true }).selectOption(lang === "zh" ? "yiwu" : "sialkot");
    await page.getByLabel(t(lang, "seller", "contact_name")).fill("Bilal Ahmed");
    await page.getByLabel(t(lang, "seller", "contact_phone")).fill("+92 300 1234567");
    await page.locator('input[name="form[categories][sports-goods]"]').check();
    await noSeriousViolations(page);
    await page.getByRole("button", { name: t(lang, "seller", "submit_application") }).click();
    // A wrong number is explained in the page's language, and nothing typed is lost.
    // The reason sits beside the field, which is marked and takes the focus.
    await expect(number).toHaveAttribute("aria-invalid", "true");
    await expect(number).toBeFocused();
    const message = page.locator(".field-error");
    await expect(message).toHaveCount(1);
    expect(await number.getAttribute("aria-describedby")).toContain(await message.getAttribute("id"));
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page.getByLabel(t(lang, "seller", "contact_name"))).toHaveValue("Bilal Ahmed");
    await number.fill(lang === "zh" ? "91350100M000100Y43" : "1234567-8");
    await page.getByRole("button", { name: t(lang, "seller", "submit_application") }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/sell/status$`));
    await expect(page.getByText(t(lang, "seller", "status_pending"))).toBeVisible();
    // From any page, the header leads an applicant back to the application.
    await page.goto(`/${lang}/`);
    await page.getByRole("banner").getByRole("link", { name: t(lang, "account", "application_status") }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/sell/status$`));
    const document = path.join(os.tmpdir(), `registration-${run}.pdf`);
    fs.writeFileSync(document, "%PDF-1.4\n% certificate of registration\n");
    await page.getByLabel(t(lang, "seller", "document_label")).setInputFiles(document);
    await page.getByRole("button", { name: t(lang, "seller", "upload_document"), exact: true }).click();
    await expect(page.getByText(t(lang, "seller", "document_added"))).toBeVisible();

    // The operator approves it in the console.
    const admin = await (await browser.newContext()).newPage();
    await signInAsAdmin(admin, lang);
    await admin.goto(`/${lang}/admin/applications`);
    await hydrated(admin);
    const card = admin.locator("article.admin-application", { hasText: shopName });
    await expect(card).toContainText(t(lang, "admin", "document"));
    await noSeriousViolations(admin);
    await card.getByRole("button", { name: t(lang, "admin", "approve"), exact: true }).click();
    await expect(admin.getByText(t(lang, "admin", "done"))).toBeVisible();
    await expect(admin.locator("article.admin-application", { hasText: shopName })).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(t(lang, "seller", "status_approved"))).toBeVisible();
    await page.getByRole("link", { name: t(lang, "seller", "go_to_dashboard") }).click();
    await expect(page.getByRole("heading", { level: 1, name: shopName })).toBeVisible();
    await page.goto(`/${lang}/products`);
    await page.getByRole("banner").getByRole("link", { name: t(lang, "account", "seller_dashboard") }).click();
    await expect(page.getByRole("heading", { level: 1, name: shopName })).toBeVisible();

    // List a product in both languages.
    const slug = `match-football-${run}`.toLowerCase();
    await page.goto(`/${lang}/seller/products/new`);
    await hydrated(page);
    await page.getByLabel(t(lang, "seller", "slug"), { exact: true }).fill(slug);
    await page.getByLabel(t(lang, "seller", "category"), { exact: true }).selectOption("footballs");
    await page.getByLabel(t(lang, "seller", "origin_city"), { exact: true }).selectOption("sialkot");
    await page.getByLabel(t(lang, "seller", "hs_code"), { exact: true }).fill("9506.62");
    await page.getByLabel(t(lang, "seller", "weight_g"), { exact: true }).fill("450");
    await page.getByLabel(`${t(lang, "seller", "field_title")} (English)`).fill("Hand-stitched match football");
    await page.getByLabel(`${t(lang, "seller", "field_summary")} (English)`).fill("32 panels, stitched by hand in Sialkot.");
    await page.getByLabel(`${t(lang, "seller", "field_description")} (English)`).fill("Size 5, synthetic leather, latex bladder.");
    // The glossary suggests the usual Chinese name of a place the English side mentions.
    await expect(page.locator(".glossary-suggestions")).toContainText("锡亚尔科特");
    await page.getByLabel(`${t(lang, "seller", "field_title")} (中文)`).fill("锡亚尔科特手缝比赛足球");
    await page.getByLabel(`${t(lang, "seller", "field_summary")} (中文)`).fill("32片拼接，锡亚尔科特手工缝制。");
    await page.getByLabel(`${t(lang, "seller", "field_description")} (中文)`).fill("5号标准比赛球，合成革，乳胶内胆。");
    await page.locator('input[name="draft[variants][0][sku]"]').fill(`SS-${Date.now()}`);
    await page.locator('input[name="draft[variants][0][label_en]"]').fill("Size 5");
    await page.locator('input[name="draft[variants][0][label_zh]"]').fill("5号球");
    await page.locator('input[name="draft[variants][0][price]"]').fill("168");
    await page.locator('input[name="draft[variants][0][stock]"]').fill("20");
    // A picture chosen before the first save is saved with the product.
    const picture = path.join(os.tmpdir(), `football-${run}.png`);
    fs.writeFileSync(picture, Buffer.from(PNG_RED, "base64"));
    await page.getByLabel(t(lang, "seller", "picture_number").replace("{{ n }}", "1")).setInputFiles(picture);
    await noSeriousViolations(page);
    // As in the article editor's test: on the phone layout Playwright's tap on Save lands on
    // the side-by-side fieldset above it, so the form is sent from the keyboard.
    await page.locator('input[name="draft[variants][0][price]"]').press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${lang}/seller/products/[0-9]+\\?saved=1&uploaded=1$`));
    await expect(page.getByText(t(lang, "seller", "saved"), { exact: true })).toBeVisible();
    await hydrated(page);
    await expect(page.locator(".pictures .thumbs img")).toHaveCount(1);

    // Another picture, then publish.
    await page.getByLabel(t(lang, "seller", "picture_slot")).selectOption({ value: "1" });
    await page.getByLabel(t(lang, "seller", "picture_file")).setInputFiles(picture);
    await press(page.getByRole("button", { name: t(lang, "seller", "upload_picture"), exact: true }));
    await expect(page).toHaveURL(/\?uploaded=1$/);
    await hydrated(page);
    await expect(page.locator(".pictures .thumbs img")).toHaveCount(2);
    await expect(page.getByText(t(lang, "seller", "picture_added"))).toBeVisible();
    await press(page.getByRole("button", { name: t(lang, "seller", "publish"), exact: true }));
    await expect(page.getByText(t(lang, "seller", "now_published"))).toBeVisible();
    await expect(page.getByText(t(lang, "seller", "state_review"), { exact: true })).toBeVisible();
    // The pavilion's reviewer puts it on sale from the moderation queue.
    await admin.goto(`/${lang}/admin/listings?q=${encodeURIComponent(slug)}`);
    await hydrated(admin);
    const listing = admin.locator(`tr[data-listing="${slug}"]`);
    await noSeriousViolations(admin);
    await listing.getByRole("button", { name: t(lang, "admin", "approve"), exact: true }).click();
    await expect(admin.getByText(t(lang, "admin", "done"))).toBeVisible();
    await page.reload();
    await expect(page.getByText(t(lang, "seller", "state_published"), { exact: true })).toBeVisible();

    // A Chinese shopper finds it in a Chinese search and buys it.
    const shopper = await (await browser.newContext()).newPage();
    await register(shopper, "zh", `shopper-${run}@example.cn`, "王芳");
    await expect(async () => {
      await shopper.goto(`/zh/products?q=${encodeURIComponent("手缝比赛足球")}`);
      await expect(shopper.locator(`a[href="/zh/products/${slug}"]`).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await shopper.goto(`/zh/products/${slug}`);
    await hydrated(shopper);
    await expect(shopper.getByRole("heading", { level: 1, name: "锡亚尔科特手缝比赛足球" })).toBeVisible();
    await shopper.getByRole("button", { name: t("zh", "shop", "add_to_cart") }).click();
    await expect(shopper).toHaveURL(/\/zh\/cart$/);
    await checkoutAndPay(shopper, "zh", 1);

    // The trader ships it.
    await page.goto(`/${lang}/seller/orders`);
    await hydrated(page);
    const parcel = page.locator("article.parcel").first();
    await expect(parcel).toContainText(lang === "zh" ? "锡亚尔科特手缝比赛足球" : "Hand-stitched match football");
    await noSeriousViolations(page);
    await parcel.getByLabel(t(lang, "seller", "carrier")).fill("TCS");
    await parcel.getByLabel(t(lang, "seller", "tracking")).fill("TCS20261130");
    await parcel.getByRole("button", { name: t(lang, "seller", "mark_shipped") }).click();
    await expect(page.getByText(t(lang, "seller", "parcel_updated"))).toBeVisible();
    await page.goto(`/${lang}/seller/orders?all=1`);
    await expect(page.locator("article.parcel").first()).toContainText("TCS20261130");

    // The operator takes the listing down; the shopper can no longer open it, and the audit
    // log shows both decisions.
    await admin.goto(`/${lang}/admin/listings?state=published&q=${encodeURIComponent(slug)}`);
    await hydrated(admin);
    const onSale = admin.locator(`tr[data-listing="${slug}"]`);
    await onSale.getByLabel(t(lang, "admin", "take_down_reason")).fill("Brand logo under dispute");
    await onSale.getByRole("button", { name: t(lang, "admin", "take_down"), exact: true }).click();
    await expect(admin.getByText(t(lang, "admin", "done"))).toBeVisible();
    await expect(async () => {
      const response = await shopper.goto(`/zh/products/${slug}`);
      expect(response?.status()).toBe(404);
    }).toPass({ timeout: 15_000 });
    await admin.goto(`/${lang}/admin/audit?q=${encodeURIComponent(slug)}`);
    // In sentences of the page's language, never raw codes or JSON.
    const audit = admin.locator("table.audit");
    await expect(audit).toContainText(t(lang, "admin", "audit_did_listing_take_down").replace("{{ object }}", slug));
    await expect(audit).toContainText(t(lang, "admin", "audit_did_listing_approve").replace("{{ object }}", slug));
    await expect(audit).toContainText(`${t(lang, "admin", "audit_field_reason")}: — → Brand logo under dispute`);
    await expect(audit).toContainText(t(lang, "admin", "audit_state_taken_down"));
    await expect(audit).not.toContainText("listing.take_down");
    await expect(audit).not.toContainText("{");
    await noSeriousViolations(admin);
    await admin.goto(`/${lang}/admin/audit?q=application.approve`);
    await expect(admin.locator("table.audit tbody tr").first()).toContainText("admin@pavilion.test");
  });
}
