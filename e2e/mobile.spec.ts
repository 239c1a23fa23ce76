import { DEMO, expect, expectNoHorizontalScroll, mainNav, signIn, skipWithoutBrowser, test } from './fixtures.ts';

skipWithoutBrowser();

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('on a phone the shell fits the screen and the menu opens from the burger', async ({ page }) => {
  await page.goto('/login');
  await expectNoHorizontalScroll(page);
  await signIn(page, DEMO.admin);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /^Здравствуйте/ })).toBeVisible();
  await expectNoHorizontalScroll(page);

  const burger = page.getByRole('button', { name: 'Открыть меню' });
  await expect(burger).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Пользователи' })).not.toBeInViewport();
  await burger.click();
  await expect(mainNav(page).getByRole('link', { name: 'Пользователи' })).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Закрыть меню' })).toHaveAttribute('aria-expanded', 'true');
  await mainNav(page).getByRole('link', { name: 'Пользователи' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Пользователи' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Открыть меню' })).toHaveAttribute('aria-expanded', 'false');
  await expectNoHorizontalScroll(page);

  for (const path of ['/organizations', '/audit']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});

test('at 200 % zoom (640 px wide) there is no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await signIn(page, DEMO.admin);
  for (const path of ['/', '/users', '/organizations', '/audit']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});

test("on a phone the public form's display settings sit on one line under the school's name", async ({ page }) => {
  await page.goto('/s/school-27/request');
  const toolbar = page.getByRole('group', { name: 'Настройки отображения' });
  const contrast = toolbar.getByRole('button', { name: 'Версия для слабовидящих' });
  const language = toolbar.getByRole('button', { name: 'English' });
  await expect(contrast).toBeVisible();
  const [a, b] = [(await contrast.boundingBox())!, (await language.boundingBox())!];
  expect(Math.abs(a.y - b.y), 'both buttons on one line').toBeLessThan(1);
  // Under the school's name, starting at its left edge, and big enough to tap (WCAG 2.5.8: 24 px).
  const name = (await page.getByText('МБОУ СОШ №27', { exact: true }).boundingBox())!;
  expect(a.y).toBeGreaterThan(name.y + name.height);
  expect(Math.abs(a.x - name.x)).toBeLessThan(1);
  expect(Math.min(a.height, b.height)).toBeGreaterThanOrEqual(24);
  await expectNoHorizontalScroll(page);
});
