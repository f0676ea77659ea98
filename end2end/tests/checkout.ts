// Checking out with a mainland address and paying in the sandbox wallet, as a shopper does.
import { expect, Page } from "@playwright/test";
import { hydrated, noSeriousViolations } from "./helpers";
import { t, Lang } from "./i18n";

export async function register(page: Page, lang: Lang, email: string, name: string) {
  await page.goto(`/${lang}/account/register`);
  await hydrated(page);
  await page.getByLabel(t(lang, "account", "email")).fill(email);
  await page.getByLabel(t(lang, "account", "display_name")).fill(name);
  await page.getByLabel(t(lang, "account", "new_password")).fill("mangoes from Multan");
  await page.getByRole("button", { name: t(lang, "account", "register_submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/account$`));
}

/// From the cart: the checkout form filled in (with a personal invoice made out to
/// `invoiceTo`, when given), the order placed and paid.
export async function checkoutAndPay(page: Page, lang: Lang, parcels: number, options: { invoiceTo?: string } = {}) {
  await page.getByRole("link", { name: t(lang, "shop", "go_to_checkout") }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/checkout$`));
  await hydrated(page);
  await expect(page.locator(".order-summary .parcel")).toHaveCount(parcels);
  await page.getByLabel(t(lang, "shop", "recipient")).fill("王芳");
  await page.getByLabel(t(lang, "shop", "mobile")).fill("138 0013 8000");
  await page.getByLabel(t(lang, "shop", "province")).selectOption(lang === "zh" ? "四川省" : "Sichuan");
  await page.getByLabel(t(lang, "shop", "city")).fill("成都市");
  await page.getByLabel(t(lang, "shop", "district")).fill("武侯区");
  await page.getByLabel(t(lang, "shop", "street")).fill("人民南路四段 12 号 3 栋 402");
  await page.getByLabel(t(lang, "shop", "postcode")).fill("610041");
  // Customs and the method from Pakistan are asked only of orders that cross the border.
  const idNumber = page.getByLabel(t(lang, "shop", "id_number"));
  if ((await idNumber.count()) > 0) {
    await page.getByLabel(t(lang, "shop", "buyer_name")).fill("王芳");
    await idNumber.fill("11010519491231002X");
    await page.getByRole("checkbox").check();
  }
  const land = page.getByRole("radio", { name: new RegExp(t(lang, "shop", "method_land")) });
  if ((await land.count()) > 0) {
    await land.check();
  }
  if (options.invoiceTo) {
    await page.getByLabel(t(lang, "shop", "invoice_kind")).selectOption("personal");
    await page.getByLabel(t(lang, "shop", "invoice_title")).fill(options.invoiceTo);
  }
  await noSeriousViolations(page);
  await page.getByRole("button", { name: t(lang, "shop", "place_order") }).click();

  await expect(page).toHaveURL(new RegExp(`/${lang}/pay/sandbox\\?`));
  await expect(page.getByRole("heading", { name: t(lang, "shop", "sandbox_title") })).toBeVisible();
  await page.getByRole("button", { name: t(lang, "shop", "sandbox_pay") }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/orders/PV[0-9A-Z]+`));
  await expect(page.getByText(t(lang, "shop", "status_paid")).first()).toBeVisible();
}

/// A product's page, its "add to cart", and the cart it leads to.
export async function addToCart(page: Page, lang: Lang, slug: string) {
  await page.goto(`/${lang}/products/${slug}`);
  await hydrated(page);
  await page.getByRole("button", { name: t(lang, "shop", "add_to_cart") }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/cart$`));
}
