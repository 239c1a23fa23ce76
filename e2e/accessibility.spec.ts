import { DEMO, expect, seriousViolations, signIn, skipWithoutBrowser, test } from './fixtures.ts';

skipWithoutBrowser();

test('the login page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the password recovery confirmation has no serious accessibility violations', async ({ page }) => {
  await page.goto('/forgot-password');
  await page.getByRole('textbox', { name: 'Адрес электронной почты' }).fill(DEMO.parent);
  await page.getByRole('button', { name: 'Отправить ссылку' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

for (const [role, path] of [
  ['admin', '/'],
  ['parent', '/'],
  ['admin', '/users'],
  ['admin', '/organizations'],
  ['admin', '/audit'],
] as const) {
  test(`${role} ${path} has no serious accessibility violations`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the user editor dialog has no serious accessibility violations', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/users');
  await page.getByRole('button', { name: /^Изменить: Иванова/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('button', { name: 'Отключить учётную запись' }).click();
  await expect(page.getByRole('button', { name: 'Да, отключить' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
