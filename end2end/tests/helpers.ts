// What every browser test needs: waiting for hydration and an accessibility check.
import { expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export async function hydrated(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

export async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${page.url()}: ${v.id}: ${v.help}`)).toEqual([]);
}
