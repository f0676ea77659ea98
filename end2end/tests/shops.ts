// Opening a shop as a trader does: register, apply, and the operator approves in the console.
import { expect, Browser, Page } from "@playwright/test";
import { hydrated } from "./helpers";
import { register } from "./checkout";
import { t, Lang } from "./i18n";

/// Signs a person in from the login page.
export async function signIn(page: Page, lang: Lang, email: string, password: string) {
  await page.goto(`/${lang}/account/login`);
  await hydrated(page);
  await page.getByLabel(t(lang, "account", "email")).fill(email);
  await page.getByLabel(t(lang, "account", "password")).fill(password);
  await page.getByRole("button", { name: t(lang, "account", "login_submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/account$`));
}

/// Signs the pavilion's administrator in (the test server creates the account).
export async function signInAsAdmin(page: Page, lang: Lang) {
  await signIn(page, lang, "admin@pavilion.test", "steady hands 42");
}

/// A new trader with an approved shop, signed in on `page`.
export async function openShop(page: Page, browser: Browser, lang: Lang, shopName: string, email: string) {
  await register(page, lang, email, "Bilal Ahmed");
  await page.goto(`/${lang}/sell/apply`);
  await hydrated(page);
  await page.getByLabel(t(lang, "seller", "kind_exporter")).check();
  await page.getByLabel(t(lang, "seller", "legal_name"), { exact: true }).fill(`${shopName} (Pvt) Ltd`);
  await page.getByLabel(t(lang, "seller", "shop_name"), { exact: true }).fill(shopName);
  await page.getByLabel(t(lang, "seller", "registration_number"), { exact: true }).fill("1234567-8");
  await page.getByLabel(t(lang, "seller", "city"), { exact: true }).selectOption("sialkot");
  await page.getByLabel(t(lang, "seller", "contact_name")).fill("Bilal Ahmed");
  await page.getByLabel(t(lang, "seller", "contact_phone")).fill("+92 300 1234567");
  await page.locator('input[name="form[categories][sports-goods]"]').check();
  await page.getByRole("button", { name: t(lang, "seller", "submit_application") }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/sell/status$`));

  const context = await browser.newContext();
  const admin = await context.newPage();
  await signInAsAdmin(admin, lang);
  await admin.goto(`/${lang}/admin/applications`);
  await hydrated(admin);
  const card = admin.locator("article.admin-application", { hasText: shopName });
  await card.getByRole("button", { name: t(lang, "admin", "approve"), exact: true }).click();
  await expect(admin.getByText(t(lang, "admin", "done"))).toBeVisible();
  await context.close();
}
