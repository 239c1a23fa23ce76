/** Helpers of the journeys: demo users, signing in, layout checks. */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { browserAvailable, MISSING_BROWSER } from './environment.ts';

export const DEMO_PASSWORD = 'opora-demo-2026';
export const DEMO = {
  head: 'head@school27.demo',
  consultant: 'consultant@school27.demo',
  staff: 'teacher@school27.demo',
  parent: 'parent@school27.demo',
  operator: 'operator@support.demo',
  admin: 'admin@opora.demo',
} as const;

export const test = base;
export { expect };

/** Call at the top of every spec file: skips it when there is no browser (global setup fails instead on CI). */
export function skipWithoutBrowser(): void {
  test.skip(!browserAvailable(), MISSING_BROWSER);
}

/** Signs in through the API (fast); the page's context gets the session cookie. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  // A signed-in context would have to send a CSRF token with the login POST: start from scratch.
  await page.context().clearCookies();
  const response = await page.request.post('/api/auth/login', { data: { email, password } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Signs in through the login form, as a person would. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Адрес электронной почты' }).fill(email);
  await page.getByRole('textbox', { name: 'Пароль' }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Здравствуйте/ })).toBeVisible();
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Разделы' });
}

/** The page is no wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    // Runs in the browser; the e2e tsconfig has no DOM types.
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport`).toBeLessThanOrEqual(clientWidth);
}

/** A unique suffix for data a journey creates. */
export const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * Serious and critical axe-core violations (WCAG 2.0/2.1 A and AA, best practices) of the current
 * page, one readable line each; `expect(await seriousViolations(page)).toEqual([])`.
 * (Import `{ AxeBuilder }` by name: the default import does not type-check under nodenext.)
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
