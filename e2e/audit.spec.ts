import { DEMO, expect, mainNav, signInWithForm, skipWithoutBrowser, test } from './fixtures.ts';

skipWithoutBrowser();

test('the audit log shows the sign-in, and the filters narrow it', async ({ page }) => {
  await signInWithForm(page, DEMO.admin);
  await mainNav(page).getByRole('link', { name: 'Журнал аудита' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Журнал аудита' })).toBeVisible();
  const logins = page.locator('[data-testid="audit-entry"][data-action="auth.login"]');
  await expect(logins.first()).toBeVisible();
  await expect(logins.first()).toContainText('Вход в систему');

  const filters = page.getByRole('search', { name: 'Отбор записей журнала' });
  const action = filters.getByRole('combobox', { name: 'Действие' });
  await action.fill('organization.');
  await action.press('Escape'); // close the suggestions: they open over the button
  await expect(page.getByRole('listbox')).toBeHidden();
  await filters.getByRole('button', { name: 'Показать' }).click();
  await expect(logins).toHaveCount(0);

  await filters.getByRole('button', { name: 'Сбросить' }).click();
  await expect(logins.first()).toBeVisible();

  // A range that ended yesterday has no sign-in of today.
  await filters.getByRole('textbox', { name: 'По дату' }).fill('01.01.2020');
  await filters.getByRole('textbox', { name: 'По дату' }).press('Enter');
  await filters.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByText('Записей нет.')).toBeVisible();
});
