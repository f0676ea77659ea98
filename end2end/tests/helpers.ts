// What every browser test needs: a page that fails the test on any page error or unexpected
// console error, waiting for hydration, and an accessibility check.
import { test as base, expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/// Console errors a test may cause on purpose: a refused server function answers 4xx, and
/// the browser logs the failed request.
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of 4\d\d/;

/// `test`, failing after the test body when the page threw or logged an unexpected error.
/// content.spec and seller.spec do not use it yet: the article editor's slug pattern was
/// invalid (fixed in app, not yet run here) and the seller's product editor still panics while
/// hydrating on phones (issue 17, item 1).
export const test = base.extend<{ pageProblems: void }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !EXPECTED_CONSOLE.test(message.text())) {
          problems.push(`console: ${message.text()}`);
        }
      });
      await use();
      expect(problems, "page errors and unexpected console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export async function hydrated(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

export async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${page.url()}: ${v.id}: ${v.help}`)).toEqual([]);
}
