// Whether a page fits the screen's width.
import { expect, Page } from "@playwright/test";
import { hydrated } from "./helpers";

/// The page's width beyond the screen's, in CSS pixels (0 when nothing scrolls sideways).
export async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/// Checks that `path` fits the current viewport, naming the widest element when it does not.
export async function fits(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await hydrated(page);
  const widest = await page.evaluate(() => {
    let worst = { right: 0, what: "" };
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      const right = element.getBoundingClientRect().right;
      if (right > worst.right) worst = { right, what: `${element.tagName.toLowerCase()}.${element.className}` };
    }
    return worst;
  });
  expect(await overflow(page), `${path} scrolls sideways (widest: ${widest.what} to ${widest.right}px)`).toBeLessThanOrEqual(0);
}

