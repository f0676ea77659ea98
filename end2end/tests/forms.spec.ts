// A refused form, with and without JavaScript: the reason beside the field it concerns, the
// field marked invalid and focused, and what was typed kept (passwords aside).
import { expect } from "@playwright/test";
import { hydrated, test } from "./helpers";
import { langs, t, tn } from "./i18n";

const escaped = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

for (const javaScriptEnabled of [false, true]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });
    for (const lang of langs) {
      test(`a refused registration explains beside the field and keeps the rest (${lang})`, async ({ page }, info) => {
        await page.goto(`/${lang}/account/register`);
        if (javaScriptEnabled) await hydrated(page);
        const email = `forms-${lang}-${javaScriptEnabled}-${info.project.name}-${Date.now()}@example.cn`;
        await page.getByLabel(t(lang, "account", "email")).fill(email);
        await page.getByLabel(t(lang, "account", "display_name")).fill("王芳");
        const password = page.getByLabel(t(lang, "account", "new_password"));
        await password.fill("short");
        await page.getByRole("button", { name: t(lang, "account", "register_submit") }).click();

        await expect(password).toHaveAttribute("aria-invalid", "true");
        await expect(password).toBeFocused();
        await expect(password).toHaveAccessibleDescription(escaped(tn(lang, "errors", "problem.password_too_short")));
        await expect(page.locator(".field-error")).toHaveText(tn(lang, "errors", "problem.password_too_short"));
        await expect(page.getByRole("alert")).toHaveCount(0);
        await expect(page.getByLabel(t(lang, "account", "email"))).toHaveValue(email);
        await expect(page.getByLabel(t(lang, "account", "email"))).not.toHaveAttribute("aria-invalid", "true");
        await expect(page.getByLabel(t(lang, "account", "display_name"))).toHaveValue("王芳");
        await expect(password).toHaveValue(javaScriptEnabled ? "short" : "");

        // Put right, the form goes through.
        await password.fill("mangoes from Multan");
        await page.getByRole("button", { name: t(lang, "account", "register_submit") }).click();
        await expect(page).toHaveURL(new RegExp(`/${lang}/account$`));
      });
    }
  });
}
