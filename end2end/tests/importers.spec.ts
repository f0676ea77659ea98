// Goods an importer keeps in stock in China are sold as the domestic goods they are: VAT in
// the price, delivered in days, no resident ID. Beside goods from Pakistan in one cart,
// only the cross-border parcel is taxed and declared.
import { expect } from "@playwright/test";
import { hydrated, noSeriousViolations, test } from "./helpers";
import { langs, t, Lang } from "./i18n";
import { addToCart, checkoutAndPay, register } from "./checkout";

/// A lamp from Yiwu (in stock in China) and basmati from Gujranwala (from Pakistan).
const FROM_YIWU = "mini-usb-salt-lamp";
const FROM_PAKISTAN = "super-kernel-basmati-5kg";
const YIWU: Record<Lang, string> = { zh: "义乌", en: "Yiwu" };

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{ ([a-z_]+) \}\}/g, (_, name) => values[name]);
}


for (const lang of langs) {
  test(`goods in stock in China show VAT included and where they ship from (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/products/${FROM_YIWU}`);
    await hydrated(page);
    const shipsFrom = fill(t(lang, "catalog", "dispatch_domestic"), { city: YIWU[lang] });
    await expect(page.locator(".delivery")).toContainText(shipsFrom);
    await expect(page.getByText(t(lang, "catalog", "vat_included"))).toBeVisible();
    await expect(page.locator("table.landed")).toHaveCount(0);
    await noSeriousViolations(page);

    // From Pakistan, the landed price is still spelled out.
    await page.goto(`/${lang}/products/${FROM_PAKISTAN}`);
    await expect(page.locator("table.landed")).toHaveCount(1);
    await expect(page.locator(".delivery")).toHaveAttribute("data-dispatch", "cross_border");
  });

  test(`the listing filters goods that ship from China (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/products`);
    const facet = page.locator("fieldset.facet", { hasText: t(lang, "catalog", "facet_ships_from") });
    await facet.getByRole("link", { name: new RegExp(t(lang, "catalog", "ships_from_china")) }).click();
    await expect(page).toHaveURL(/from=cn/);
    const cards = page.locator(".product-card");
    await expect(cards.first()).toBeVisible();
    const count = await cards.count();
    await expect(page.locator(".product-card .badge.in-china")).toHaveCount(count);
  });

  test(`one order from Yiwu and Pakistan: two parcels, the identity asked once (${lang})`, async ({ page }, info) => {
    const email = `mixed-${lang}-${info.project.name}-${Date.now()}@example.cn`;
    await register(page, lang, email, lang === "zh" ? "王芳" : "Wang Fang");
    await addToCart(page, lang, FROM_YIWU);
    await addToCart(page, lang, FROM_PAKISTAN);
    await page.getByRole("link", { name: t(lang, "shop", "go_to_checkout") }).click();
    await hydrated(page);
    const domestic = page.locator('.order-summary .parcel[data-dispatch="domestic"]');
    await expect(domestic).toContainText(fill(t(lang, "catalog", "dispatch_domestic"), { city: YIWU[lang] }));
    await expect(domestic).toContainText(t(lang, "shop", "method_courier"));
    await expect(page.getByLabel(t(lang, "shop", "id_number"))).toHaveCount(1);
    await expect(page.getByText(t(lang, "shop", "shipping_estimated"))).toBeVisible();
    await page.goto(`/${lang}/cart`);
    await hydrated(page);

    await checkoutAndPay(page, lang, 2);
    const parcels = page.locator("article.parcel");
    await expect(parcels).toHaveCount(2);
    await expect(page.locator('article.parcel .ships-from[data-dispatch="domestic"]')).toContainText(
      t(lang, "shop", "method_courier"),
    );
    await expect(page.getByText("110***********002X")).toBeVisible();
  });

  test(`an order only from stock in China asks no identity (${lang})`, async ({ page }) => {
    await addToCart(page, lang, FROM_YIWU);
    await page.getByRole("link", { name: t(lang, "shop", "go_to_checkout") }).click();
    await hydrated(page);
    await expect(page.getByLabel(t(lang, "shop", "id_number"))).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await page.getByLabel(t(lang, "shop", "email_for_updates")).fill("guest.yiwu@example.cn");
    await page.getByLabel(t(lang, "shop", "recipient")).fill("王芳");
    await page.getByLabel(t(lang, "shop", "mobile")).fill("138 0013 8000");
    const total = page.locator(".order-total strong");
    const before = await total.textContent();
    // Within Zhejiang the courier is cheaper: the total follows the province.
    await page.getByLabel(t(lang, "shop", "province")).selectOption("ZJ");
    await expect(total).not.toHaveText(before ?? "");
    await page.getByLabel(t(lang, "shop", "city")).fill("杭州市");
    await page.getByLabel(t(lang, "shop", "district")).fill("西湖区");
    await page.getByLabel(t(lang, "shop", "street")).fill("文三路 90 号");
    await page.getByLabel(t(lang, "shop", "postcode")).fill("310012");
    await page.getByRole("button", { name: t(lang, "shop", "place_order") }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/pay/sandbox\\?`));
  });
}
