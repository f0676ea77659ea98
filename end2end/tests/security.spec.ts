// Markup typed into the search box, a product title or a shop name stays text: a visitor who
// follows a link to such a page stays on the pavilion, in both languages.
import { test, expect, APIRequestContext, Page } from "@playwright/test";
import { hydrated } from "./helpers";
import { langs, t } from "./i18n";

/// Would send the browser elsewhere if the title let it out as markup.
const REFRESH = `R</title><meta http-equiv=refresh content="0;url=//evil.example/"><b id=xss-q>Q</b>`;

/// Calls a server function as a form does; answers its JSON.
async function call(who: APIRequestContext, name: string, form: Record<string, string>) {
  const response = await who.post(`/api/${name}`, { form, maxRedirects: 0 });
  expect(response.status(), `${name}: ${await response.text()}`).toBeLessThan(400);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/// A trader with an approved shop whose name and product title carry the payload.
async function poisonedShop(trader: APIRequestContext, admin: APIRequestContext, run: string) {
  await call(trader, "register", {
    lang: "En",
    "form[email]": `trader-${run}@example.pk`,
    "form[display_name]": "Bilal",
    "form[password]": "green cricket pitch",
  });
  const application = await call(trader, "apply_for_shop", {
    lang: "En",
    "form[kind]": "exporter",
    "form[legal_name]": "Indus Valley Traders (Pvt) Ltd",
    "form[shop_name]": `Stitch ${run}`,
    "form[registration_number]": "1234567-8",
    "form[city]": "sialkot",
    "form[contact_name]": "Bilal Ahmed",
    "form[contact_phone]": "+92 300 1234567",
    "form[categories][sports-goods]": "sports-goods",
  });
  await call(admin, "login", { lang: "En", email: "admin@pavilion.test", password: "steady hands 42" });
  await call(admin, "admin_decide_application", { lang: "En", id: String(application), decision: "approve" });
  const profile: Record<string, string> = { lang: "En" };
  for (const side of ["en", "zh"]) {
    profile[`${side}[name]`] = `Shop ${REFRESH}`;
    profile[`${side}[tagline]`] = REFRESH;
  }
  await call(trader, "save_shop_profile", profile);
  const slug = `xss-ball-${run}`;
  const product = await call(trader, "save_product", {
    lang: "En",
    "draft[slug]": slug,
    "draft[category]": "footballs",
    "draft[origin_city]": "sialkot",
    "draft[hs_code]": "9506.62",
    "draft[weight_g]": "450",
    "draft[en][title]": `Ball ${REFRESH}`,
    "draft[en][summary]": REFRESH,
    "draft[en][description]": REFRESH,
    "draft[zh][title]": `足球 ${REFRESH}`,
    "draft[zh][summary]": REFRESH,
    "draft[zh][description]": REFRESH,
    "draft[variants][0][sku]": `XSS-${run}`,
    "draft[variants][0][label_en]": "Size 5",
    "draft[variants][0][label_zh]": "5号球",
    "draft[variants][0][price]": "168.00",
    "draft[variants][0][stock]": "3",
  });
  await call(trader, "publish_product", { lang: "En", id: String(product), publish: "true" });
  await call(admin, "admin_decide_listing", { lang: "En", id: String(product), decision: "approve" });
  const shop = await (await trader.get("/api/seller_shop?lang=En")).json();
  return { product: slug, shop: shop.slug as string };
}

/// Opens a page and checks that it is still the pavilion's a moment later, with the text shown
/// as text and nothing injected.
async function staysOnThePavilion(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
  // A meta refresh of 0 seconds would have left by now.
  await page.waitForTimeout(1500);
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? page.url()).host);
  await expect(page.locator("#xss-q")).toHaveCount(0);
  await expect(page.locator("meta[http-equiv]")).toHaveCount(0);
  expect(await page.title()).toContain("</title>");
}

for (const lang of langs) {
  test(`markup in search, a product title and a shop name leaves the visitor on the pavilion (${lang})`, async ({
    page,
    browser,
  }, info) => {
    test.setTimeout(90_000);
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    const run = `${lang}-${info.project.name}-${Date.now()}`;
    const trader = (await browser.newContext()).request;
    const admin = (await browser.newContext()).request;
    const { product, shop } = await poisonedShop(trader, admin, run);

    await staysOnThePavilion(page, `/${lang}/products?q=${encodeURIComponent(REFRESH)}`);
    // The search box holds what was typed, as typed.
    await expect(page.getByRole("combobox", { name: t(lang, "catalogue", "search_label") })).toHaveValue(REFRESH);
    await staysOnThePavilion(page, `/${lang}/products/${product}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("</title>");
    await staysOnThePavilion(page, `/${lang}/shops/${shop}`);
    expect(problems).toEqual([]);
  });
}
