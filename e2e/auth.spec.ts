import { DEMO, expect, signInWithForm, skipWithoutBrowser, test } from './fixtures.ts';

skipWithoutBrowser();

test('a wrong password shows the server’s Russian message', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Адрес электронной почты' }).fill(DEMO.admin);
  await page.getByRole('textbox', { name: 'Пароль' }).fill('not-the-password');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert')).toHaveText('Неверный адрес электронной почты или пароль.');
  await expect(page).toHaveURL(/\/login$/);
});

test('signing in opens the workspace, signing out returns to the login page', async ({ page }) => {
  await signInWithForm(page, DEMO.admin);
  await expect(page.getByRole('banner')).toContainText('Опора');
  await expect(page.getByRole('banner')).toContainText('Московская область');
  await page.getByRole('button', { name: /Меню пользователя/ }).click();
  await page.getByRole('menuitem', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/users');
  await expect(page).toHaveURL(/\/login\?next=%2Fusers$/);
});

test('after sign-in the user lands on the page asked for', async ({ page }) => {
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/login\?next=%2Faudit$/);
  await page.getByRole('textbox', { name: 'Адрес электронной почты' }).fill(DEMO.admin);
  await page.getByRole('textbox', { name: 'Пароль' }).fill('opora-demo-2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Журнал аудита' })).toBeVisible();
});

test('forgot password: the link, the request and its confirmation', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Забыли пароль?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Восстановление пароля' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Адрес электронной почты' }).fill(DEMO.staff);
  await page.getByRole('button', { name: 'Отправить ссылку' }).click();
  await expect(page.getByRole('status')).toContainText('отправлено письмо');
});

test('reset password: a bad token shows the server’s message', async ({ page }) => {
  await page.goto('/reset-password?token=not-a-valid-token-at-all');
  await page.getByRole('textbox', { name: 'Новый пароль' }).fill('a-new-password-2026');
  await page.getByRole('textbox', { name: 'Повторите пароль' }).fill('a-new-password-2026');
  await page.getByRole('button', { name: 'Сохранить пароль' }).click();
  await expect(page.getByRole('alert')).toHaveText('Ссылка для смены пароля недействительна или устарела. Запросите новую.');
  await page.goto('/reset-password');
  await expect(page.getByRole('alert')).toContainText('нет кода');
});
