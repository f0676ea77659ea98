import { expect, Page } from "@playwright/test";
import { hydrated, noSeriousViolations, test } from "./helpers";
import { langs, t, tn, tPattern, Lang } from "./i18n";
import { addToCart, checkoutAndPay, register } from "./checkout";



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
    // Each line names its prices.
    await expect(lines.first().getByText(t(lang, "shop", "unit_price"))).toBeVisible();
    await expect(lines.first().getByText(t(lang, "shop", "line_total"))).toBeVisible();
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

  test(`removing the last line empties the cart and the header's count at once (${lang})`, async ({ page }) => {
    await addToCart(page, lang, "himalayan-pink-salt-fine-1kg");
    await hydrated(page);
    const cartLink = page.getByRole("link", { name: tPattern(lang, "shop", "cart_link") });
    await expect(cartLink).toContainText("1");
    await page.locator(".cart-lines > li").getByRole("button", { name: new RegExp(t(lang, "shop", "remove")) }).click();
    await expect(page.getByText(t(lang, "shop", "cart_empty"))).toBeVisible();
    await expect(cartLink).toContainText("0");
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
    // The reason sits beside the ID field, which is marked and takes the focus.
    const id = page.getByLabel(t(lang, "shop", "id_number"));
    await expect(id).toHaveAttribute("aria-invalid", "true");
    await expect(id).toBeFocused();
    await expect(id).toHaveAccessibleDescription(tn(lang, "errors", "problem.id_number"));
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/${lang}/checkout$`));
    await expect(page.getByLabel(t(lang, "shop", "recipient"))).toHaveValue("李雷");
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of langs) {
    test(`checkout shows only amounts it will charge, and charges the chosen one (${lang})`, async ({ page }) => {
      await page.goto(`/${lang}/products/himalayan-pink-salt-fine-1kg`);
      await page.getByRole("button", { name: t(lang, "shop", "add_to_cart") }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/cart$`));
      await page.goto(`/${lang}/checkout`);
      // The total that follows the choice needs the script: without it, it is not shown.
      await expect(page.locator(".order-total")).toBeHidden();
      const land = page.getByRole("radio", { name: new RegExp(t(lang, "shop", "method_land")) });
      const labels = page.locator("label.method");
      const air = (await labels.first().innerText()).match(/¥[\d,]+\.\d{2}/g)?.pop();
      const overland = (await labels.filter({ has: land }).innerText()).match(/¥[\d,]+\.\d{2}/g)?.pop();
      expect(overland).toBeTruthy();
      expect(overland).not.toEqual(air);
      await page.getByLabel(t(lang, "shop", "email_for_updates")).fill("nojs@example.cn");
      await page.getByLabel(t(lang, "shop", "recipient")).fill("王芳");
      await page.getByLabel(t(lang, "shop", "mobile")).fill("13800138000");
      await page.getByLabel(t(lang, "shop", "province")).selectOption("SC");
      await page.getByLabel(t(lang, "shop", "city")).fill("成都市");
      await page.getByLabel(t(lang, "shop", "district")).fill("武侯区");
      await page.getByLabel(t(lang, "shop", "street")).fill("人民南路四段 12 号");
      await page.getByLabel(t(lang, "shop", "postcode")).fill("610041");
      await page.getByLabel(t(lang, "shop", "buyer_name")).fill("王芳");
      await page.getByLabel(t(lang, "shop", "id_number")).fill("11010519491231002X");
      await land.check();
      await page.getByRole("checkbox").check();
      await page.getByRole("button", { name: t(lang, "shop", "place_order") }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/pay/sandbox\\?`));
      await expect(page.locator(".amount")).toContainText(overland ?? "none");
    });
  }
});
