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

test('the head reads the desk’s work in the audit log in words, with the code beside them', async ({ page }) => {
  await signInWithForm(page, DEMO.head);
  await page.goto('/audit?action=request.');
  const entries = page.getByTestId('audit-entry');
  await expect(entries.first()).toBeVisible();
  await expect(page.locator('[data-testid="audit-entry"][data-action="request.create"]').first()).toContainText(
    'Зарегистрировано обращение (request.create)',
  );
  // An entry about a request leads to it.
  const created = page.locator('[data-testid="audit-entry"][data-action="request.create"]').first();
  await created.getByRole('link', { name: 'Открыть обращение' }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^27-\d{2}-\d{5}$/).first()).toBeVisible();
  await page.goBack();
  await expect(entries.first()).toBeVisible();
  for (const entry of await entries.all()) {
    const action = (await entry.getAttribute('data-action'))!;
    expect(action.startsWith('request.'), action).toBe(true);
    await expect(entry, `«${action}» has no Russian label`).toContainText(`(${action})`);
  }
});
