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
