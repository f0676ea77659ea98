// What every browser test needs: a page that fails the test on any page error or unexpected
// console error, waiting for hydration, and an accessibility check.
import { test as base, expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/// Console errors a test may cause on purpose: a refused server function answers 4xx, and
/// the browser logs the failed request.
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of 4\d\d/;

/// `test`, failing after the test body when the page threw or logged an unexpected error.
/// A test that causes other console errors on purpose names them with
/// `test.use({ expectedConsole: /.../ })`.
export const test = base.extend<{ pageProblems: void; expectedConsole: RegExp | null }>({
  expectedConsole: [null, { option: true }],
  pageProblems: [
    async ({ page, expectedConsole }, use) => {
      const problems = watchProblems(page, expectedConsole);
      await use();
      expect(problems, "page errors and unexpected console errors").toEqual([]);
    },
    { auto: true },
  ],
});

/// The page errors and unexpected console errors of `page` from now on: the test fixture
/// watches its own page; a test that opens another (a second person's) watches it with this.
export function watchProblems(page: Page, expectedConsole: RegExp | null = null): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    const text = message.text();
    const expected = EXPECTED_CONSOLE.test(text) || (expectedConsole?.test(text) ?? false);
    if (message.type() === "error" && !expected) {
      problems.push(`console: ${text}`);
    }
  });
  return problems;
}

export async function hydrated(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

/** Headings never skip a level on the way down (an h1, then h2s, then h3s…). */
export async function headingsInOrder(page: Page) {
  const levels = await page
    .locator("h1, h2, h3, h4, h5, h6")
    .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))));
  const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1);
  expect(skips, `${page.url()}: ${levels.join(" ")}`).toEqual([]);
}

export async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${page.url()}: ${v.id}: ${v.help}`)).toEqual([]);
}
