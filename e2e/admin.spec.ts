import { DEMO, expect, mainNav, signIn, skipWithoutBrowser, test, unique } from './fixtures.ts';

skipWithoutBrowser();

test('an admin creates a user, finds it, gives a second role, and the user switches between them', async ({ page, browser }) => {
  const id = unique();
  const email = `e2e-${id}@school27.demo`;
  const fullName = `Тестова Анна ${id}`;
  await signIn(page, DEMO.admin);
  await page.goto('/');
  await mainNav(page).getByRole('link', { name: 'Пользователи' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Пользователи' })).toBeVisible();

  await page.getByRole('button', { name: 'Новый пользователь' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый пользователь' });
  await dialog.getByRole('textbox', { name: 'ФИО' }).fill(fullName);
  await dialog.getByRole('textbox', { name: 'Адрес электронной почты' }).fill(email);
  await dialog.getByRole('combobox', { name: 'Организация' }).click();
  await page.getByRole('option', { name: /МБОУ СОШ №27/ }).click();
  await dialog.getByRole('combobox', { name: 'Роль' }).click();
  await page.getByRole('option', { name: 'Сотрудник' }).click();
  await dialog.getByRole('textbox', { name: 'Пароль' }).fill('e2e-password-2026');
  await dialog.getByRole('button', { name: 'Создать' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Сотрудник · МБОУ СОШ №27');

  await page.getByRole('searchbox', { name: 'Поиск по ФИО или адресу почты' }).fill(id);
  await expect(page.getByTestId('user-row')).toHaveCount(1);

  // The same address again: the server's message appears next to the field.
  await page.getByRole('button', { name: 'Новый пользователь' }).click();
  await dialog.getByRole('textbox', { name: 'ФИО' }).fill(fullName);
  await dialog.getByRole('textbox', { name: 'Адрес электронной почты' }).fill(email);
  await dialog.getByRole('button', { name: 'Создать' }).click();
  await expect(dialog.getByText('Пользователь с таким адресом уже есть.').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Отмена' }).click();

  await row.getByRole('button', { name: `Изменить: ${fullName}` }).click();
  const editor = page.getByRole('dialog', { name: fullName });
  await editor.getByRole('combobox', { name: 'Организация' }).click();
  await page.getByRole('option', { name: /МБОУ СОШ №27/ }).click();
  await editor.getByRole('combobox', { name: 'Роль' }).click();
  await page.getByRole('option', { name: 'Консультант' }).click();
  await editor.getByRole('button', { name: 'Добавить роль' }).click();
  await expect(editor.getByRole('button', { name: 'Удалить роль «Консультант» в организации МБОУ СОШ №27' })).toBeVisible();
  await editor.getByRole('button', { name: 'Закрыть' }).click();
  await expect(row).toContainText('Консультант · МБОУ СОШ №27');

  const context = await browser.newContext();
  const userPage = await context.newPage();
  await signIn(userPage, email, 'e2e-password-2026');
  await userPage.goto('/');
  const switcher = userPage.getByRole('button', { name: /^Организация и роль: МБОУ СОШ №27/ });
  await expect(switcher).toBeVisible();
  const before = await switcher.getAttribute('aria-label');
  await switcher.click();
  await userPage.locator('[role="menuitem"]:not([aria-current])').click();
  await expect(switcher).not.toHaveAttribute('aria-label', before ?? '');
  await context.close();
});

test('an admin deactivates and re-enables a user', async ({ page }) => {
  const id = unique();
  await signIn(page, DEMO.admin);
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string; membership: { organizationId: string } };
  const created = await page.request.post('/api/admin/users', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { email: `e2e-off-${id}@school27.demo`, fullName: `Отключаемый ${id}`, organizationId: me.membership.organizationId, role: 'staff' },
  });
  expect(created.status()).toBe(201);

  await page.goto('/users');
  await page.getByRole('searchbox', { name: 'Поиск по ФИО или адресу почты' }).fill(id);
  const row = page.getByTestId('user-row').filter({ hasText: id });
  await row.getByRole('button', { name: /^Изменить/ }).click();
  const editor = page.getByRole('dialog', { name: `Отключаемый ${id}` });
  await expect(editor.getByRole('textbox', { name: 'ФИО' })).toHaveValue(`Отключаемый ${id}`);
  // A click while the dialog still opens can be lost: ask again until the confirmation shows.
  const confirm = editor.getByRole('button', { name: 'Да, отключить' });
  await expect(async () => {
    if (!(await confirm.isVisible())) await editor.getByRole('button', { name: 'Отключить учётную запись' }).click();
    await expect(confirm).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await confirm.click();
  await expect(editor.getByText('Учётная запись отключена: войти в систему нельзя.')).toBeVisible();
  await expect(row).toContainText('Отключён');
  await editor.getByRole('button', { name: 'Включить учётную запись' }).click();
  await expect(editor.getByText('Учётная запись активна: пользователь может входить в систему.')).toBeVisible();
  await expect(row).not.toContainText('Отключён');
});

test('an admin edits an organisation’s contacts, and the audit log shows the change as a diff', async ({ page }) => {
  const phone = `+7 495 ${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  await signIn(page, DEMO.admin);
  await page.goto('/organizations');
  await expect(page.getByTestId('organization-tree')).toBeVisible();
  await page.getByTestId('organization-tree').getByRole('button', { name: /МБОУ СОШ №27/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'МБОУ СОШ №27' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Телефон' }).fill(phone);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Изменения сохранены.')).toBeVisible();

  await page.goto('/audit');
  const entry = page.getByTestId('audit-entry').filter({ hasText: 'Изменена организация' }).first();
  await expect(entry).toBeVisible();
  await entry.getByText(/^Изменения:/).click();
  const phoneRow = entry.getByRole('row', { name: /Телефон/ });
  await expect(phoneRow).toContainText(phone);
});

test('an admin creates a school under the municipality and sees it in the tree', async ({ page }) => {
  const id = unique();
  await signIn(page, DEMO.admin);
  await page.goto('/organizations');
  await page.getByTestId('organization-tree').getByRole('button', { name: /г\.о\. Мытищи/ }).click();
  await page.getByRole('button', { name: 'Добавить подчинённую' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новая организация' });
  await expect(dialog.getByRole('combobox', { name: 'Вышестоящая организация' })).toHaveValue(/г\.о\. Мытищи/);
  await dialog.getByRole('textbox', { name: 'Полное наименование' }).fill(`Школа e2e ${id}`);
  await dialog.getByRole('textbox', { name: 'Краткое наименование' }).fill(`Школа ${id}`);
  await dialog.getByRole('textbox', { name: 'Короткий адрес' }).fill(`school-${id}`);
  await dialog.getByRole('button', { name: 'Создать' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('organization-tree').getByRole('button', { name: new RegExp(`Школа ${id}`) })).toBeVisible();
});
