// Goods an importer keeps in stock in China are sold as the domestic goods they are: VAT in
// the price, delivered in days, no resident ID. Beside goods from Pakistan in one cart,
// only the cross-border parcel is taxed and declared.
import { expect } from "@playwright/test";
import { hydrated, noSeriousViolations, test, watchProblems } from "./helpers";
import { langs, t, Lang } from "./i18n";
import { readFileSync } from "node:fs";
import { addToCart, checkoutAndPay, register } from "./checkout";
import { fits } from "./layout";
import { signIn } from "./shops";

/// A lamp from Yiwu (in stock in China) and basmati from Gujranwala (from Pakistan).
const FROM_YIWU = "mini-usb-salt-lamp";
const FROM_PAKISTAN = "super-kernel-basmati-5kg";
/// A hand-stitched football from Sialkot.
const FROM_SIALKOT = "hand-stitched-match-football";
/// The smallest file a PDF reader opens, standing in for an invoice.
const PDF = "%PDF-1.4\n1 0 obj << /Type /Catalogue /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const YIWU: Record<Lang, string> = { zh: "义乌", en: "Yiwu" };

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{ ([a-z_]+) \}\}/g, (_, name) => values[name]);
}


for (const lang of langs) {
  test(`goods in stock in China show VAT included and where they ship from (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/products/${FROM_YIWU}`);
    await hydrated(page);
    const shipsFrom = fill(t(lang, "catalogue", "dispatch_domestic"), { city: YIWU[lang] });
    await expect(page.locator(".delivery")).toContainText(shipsFrom);
    await expect(page.getByText(t(lang, "catalogue", "vat_included"))).toBeVisible();
    await expect(page.locator("table.landed")).toHaveCount(0);
    await noSeriousViolations(page);

    // From Pakistan, the landed price is still spelled out.
    await page.goto(`/${lang}/products/${FROM_PAKISTAN}`);
    await expect(page.locator("table.landed")).toHaveCount(1);
    await expect(page.locator(".delivery")).toHaveAttribute("data-dispatch", "cross_border");
  });

  test(`the listing filters goods that ship from China (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/products`);
    const facet = page.locator("fieldset.facet", { hasText: t(lang, "catalogue", "facet_ships_from") });
    await facet.getByRole("link", { name: new RegExp(t(lang, "catalogue", "ships_from_china")) }).click();
    await expect(page).toHaveURL(/from=cn/);
    const cards = page.locator(".product-card");
    await expect(cards.first()).toBeVisible();
    const count = await cards.count();
    await expect(page.locator(".product-card .badge.in-china")).toHaveCount(count);
  });

  test(`one order from Yiwu and Sialkot: two parcels, the identity asked once, an invoice issued by the importer (${lang})`, async ({ page, browser }, info) => {
    const email = `mixed-${lang}-${info.project.name}-${Date.now()}@example.cn`;
    await register(page, lang, email, lang === "zh" ? "王芳" : "Wang Fang");
    await addToCart(page, lang, FROM_YIWU);
    await addToCart(page, lang, FROM_SIALKOT);
    await page.getByRole("link", { name: t(lang, "shop", "go_to_checkout") }).click();
    await hydrated(page);
    const domestic = page.locator('.order-summary .parcel[data-dispatch="domestic"]');
    await expect(domestic).toContainText(fill(t(lang, "catalogue", "dispatch_domestic"), { city: YIWU[lang] }));
    await expect(domestic).toContainText(t(lang, "shop", "method_courier"));
    await expect(page.getByLabel(t(lang, "shop", "id_number"))).toHaveCount(1);
    await expect(page.getByText(t(lang, "shop", "shipping_estimated"))).toBeVisible();
    await page.goto(`/${lang}/cart`);
    await hydrated(page);

    // An invoice for the lamp, in the buyer's own name.
    await checkoutAndPay(page, lang, 2, { invoiceTo: "王芳" });
    const number = new URL(page.url()).pathname.split("/").pop() ?? "";
    const parcels = page.locator("article.parcel");
    await expect(parcels).toHaveCount(2);
    const lamp = parcels.filter({ has: page.locator('.ships-from[data-dispatch="domestic"]') });
    await expect(lamp.locator(".ships-from")).toContainText(t(lang, "shop", "method_courier"));
    await expect(lamp.locator(".invoice.requested")).toContainText("王芳");
    const football = parcels.filter({ has: page.locator('.ships-from[data-dispatch="cross_border"]') });
    await expect(football.locator(".invoice.note")).toHaveText(t(lang, "shop", "invoice_cross_border"));
    await expect(page.getByText("110***********002X")).toBeVisible();

    // The importer in Yiwu issues it from the seller pages.
    // On the phone project, the importer works from a 360 px phone too.
    const phone = info.project.name === "mobile";
    const context = await browser.newContext(phone ? { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true } : {});
    const seller = await context.newPage();
    const sellerProblems = watchProblems(seller);
    await signIn(seller, lang, "importer@pavilion.test", "silk road ledger");
    await seller.goto(`/${lang}/seller/orders`);
    await hydrated(seller);
    const card = seller.locator("article.parcel", { hasText: number });
    await expect(card.locator(".invoice-task")).toContainText("王芳");
    await card.getByLabel(t(lang, "seller", "invoice_pdf")).setInputFiles({
      name: "fapiao.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(PDF),
    });
    await card.getByRole("button", { name: t(lang, "seller", "issue_invoice") }).click();
    await expect(seller).toHaveURL(/invoiced=/);
    await expect(seller.getByText(t(lang, "seller", "parcel_updated"))).toBeVisible();
    await expect(card.locator(".invoice-task .notice")).toBeVisible();
    if (phone) await fits(seller, `/${lang}/seller/orders?all=1`);
    expect(sellerProblems, "the seller's page errors and unexpected console errors").toEqual([]);
    await context.close();

    // The buyer downloads it from the order page.
    await page.reload();
    await hydrated(page);
    const link = lamp.getByRole("link", { name: t(lang, "shop", "invoice_download") });
    const download = page.waitForEvent("download");
    await link.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^fapiao-${number}-[0-9]+\\.pdf$`));
    const saved = await file.path();
    expect(readFileSync(saved, "utf8")).toBe(PDF);
    if (phone) await fits(page, `/${lang}/orders/${number}`);
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
