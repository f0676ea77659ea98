import { test, expect, Page } from "@playwright/test";
import { hydrated, noSeriousViolations } from "./helpers";
import { langs, t, tn, tPattern, Lang } from "./i18n";
import { checkoutAndPay, register } from "./checkout";


async function addToCart(page: Page, lang: Lang, slug: string) {
  await page.goto(`/${lang}/products/${slug}`);
  await hydrated(page);
  await page.getByRole("button", { name: t(lang, "shop", "add_to_cart") }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/cart$`));
}

for (const lang of langs) {
  test(`sign up, buy from two shops, pay in the sandbox and follow the order (${lang})`, async ({ page }, info) => {
    const email = `buyer-${lang}-${info.project.name}-${Date.now()}@example.cn`;
    await register(page, lang, email, lang === "zh" ? "王芳" : "Wang Fang");
    await expect(page.getByRole("heading", { name: t(lang, "account", "account_title") })).toBeVisible();

    // Two products from two shops.
    await addToCart(page, lang, "super-kernel-basmati-5kg");
    await addToCart(page, lang, "peshawari-kahwa-green-tea");
    const lines = page.locator(".cart-lines > li");
    await expect(lines).toHaveCount(2);
    await expect(page.getByRole("link", { name: tPattern(lang, "shop", "cart_link") })).toContainText("2");
    await noSeriousViolations(page);

    await checkoutAndPay(page, lang, 2);

    // Back on the order: paid, in two parcels, with its history.
    await expect(page.locator("article.parcel")).toHaveCount(2);
    await expect(page.getByText("110***********002X")).toBeVisible();
    await noSeriousViolations(page);

    // The order list has it too.
    await page.goto(`/${lang}/orders`);
    await expect(page.locator(".order-list > li")).toHaveCount(1);
  });

  test(`a checkout with a wrong ID number explains what to fix and keeps the form (${lang})`, async ({ page }) => {
    await addToCart(page, lang, "himalayan-pink-salt-fine-1kg");
    await page.goto(`/${lang}/checkout`);
    await hydrated(page);
    await page.getByLabel(t(lang, "shop", "email_for_updates")).fill("guest@example.cn");
    await page.getByLabel(t(lang, "shop", "recipient")).fill("李雷");
    await page.getByLabel(t(lang, "shop", "mobile")).fill("13912345678");
    await page.getByLabel(t(lang, "shop", "province")).selectOption("GD");
    await page.getByLabel(t(lang, "shop", "city")).fill("广州市");
    await page.getByLabel(t(lang, "shop", "district")).fill("天河区");
    await page.getByLabel(t(lang, "shop", "street")).fill("天河路 385 号");
    await page.getByLabel(t(lang, "shop", "postcode")).fill("510620");
    await page.getByLabel(t(lang, "shop", "buyer_name")).fill("李雷");
    await page.getByLabel(t(lang, "shop", "id_number")).fill("110105194912310021");
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: t(lang, "shop", "place_order") }).click();
    await expect(page.getByRole("alert")).toHaveText(tn(lang, "errors", "problem.id_number"));
    await expect(page).toHaveURL(new RegExp(`/${lang}/checkout$`));
    await expect(page.getByLabel(t(lang, "shop", "recipient"))).toHaveValue("李雷");
  });
}
