import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ARTIFACTS } from './playwright.config';

export type Language = 'en' | 'fa';

/** The console's own localStorage key for the chosen language (apps/console/src/i18n/i18n.ts). */
export const LANGUAGE_KEY = 'vafa.console.language';

export { expect, test };

/** Opens the console in a language, as if the user had chosen it before. */
export async function openIn(page: Page, language: Language, path: string): Promise<void> {
  await page.addInitScript(
    `localStorage.setItem(${JSON.stringify(LANGUAGE_KEY)}, ${JSON.stringify(language)})`,
  );
  await page.goto(path);
}

/**
 * No serious or critical accessibility violations on the page as it is now. Transitions (a dialog
 * fading in or out) are let finish first: half-faded text would fail the contrast rule.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // Polled from here: the console's CSP forbids the eval that waitForFunction's predicate needs.
  await expect
    .poll(() =>
      page.evaluate<number>(
        'document.getAnimations().filter((a) => a.constructor.name === "CSSTransition" && a.playState === "running").length',
      ),
    )
    .toBe(0);
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  expect(severe).toEqual([]);
}

/** A full-page screenshot kept as a test artifact: test-artifacts/console/screenshots/. */
/**
 * The page does not scroll sideways. Polled: right after a viewport change, charts and tables
 * re-measure themselves through ResizeObserver a frame or two later, and a busy machine can catch
 * the wide layout still in place; a page that really overflows keeps failing until the timeout.
 */
export async function expectNoSideScroll(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        ),
      { message: 'the page scrolls sideways' },
    )
    .toBeLessThanOrEqual(0);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, 'screenshots', `${name}.png`), fullPage: true });
}

/** Persian (Eastern Arabic) digits. */
export const PERSIAN_DIGIT = /[۰-۹]/;
