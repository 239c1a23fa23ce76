import { DEMO, expect, mainNav, signIn, skipWithoutBrowser, test } from './fixtures.ts';

skipWithoutBrowser();

/**
 * Menu items the shell itself provides, per role. Sections added later by other features
 * (requests, calendar, …) are checked generically: every item must be allowed by /api/me.
 */
const SHELL_SECTIONS = { organizations: 'Организации', users: 'Пользователи', audit: 'Журнал аудита' } as const;
const EXPECTED: Record<keyof typeof DEMO, Array<keyof typeof SHELL_SECTIONS>> = {
  admin: ['organizations', 'users', 'audit'],
  head: ['audit'],
  consultant: [],
  staff: [],
  parent: [],
  operator: [],
};
const ORGANIZATION: Record<keyof typeof DEMO, string> = {
  admin: 'Московская область',
  head: 'МБОУ СОШ №27',
  consultant: 'МБОУ СОШ №27',
  staff: 'МБОУ СОШ №27',
  parent: 'МБОУ СОШ №27',
  operator: 'Служба поддержки',
};

for (const role of Object.keys(DEMO) as Array<keyof typeof DEMO>) {
  test(`${role}: the menu shows the sections of the role`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: /^Здравствуйте/ })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(ORGANIZATION[role]);
    const nav = mainNav(page);
    await expect(nav.getByRole('link', { name: 'Главная' })).toBeVisible();
    for (const [section, label] of Object.entries(SHELL_SECTIONS) as Array<[keyof typeof SHELL_SECTIONS, string]>) {
      const link = nav.getByRole('link', { name: label, exact: true });
      if (EXPECTED[role].includes(section)) await expect(link).toBeVisible();
      else await expect(link).toHaveCount(0);
    }
    const me = (await (await page.request.get('/api/me')).json()) as { navigation: string[] };
    const shown = await nav.locator('[data-section]').evaluateAll((links) => links.map((link) => link.getAttribute('data-section')));
    for (const section of shown) expect(['home', ...me.navigation]).toContain(section);
  });
}

test('a parent opening an admin page directly gets "no access"', async ({ page }) => {
  await signIn(page, DEMO.parent);
  await page.goto('/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Нет доступа к разделу' })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Пользователи' })).toHaveCount(0);
});

test('an unknown address inside the workspace shows "not found"', async ({ page }) => {
  await signIn(page, DEMO.staff);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
});

test('the skip link moves keyboard focus to the page content', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Перейти к основному содержимому' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});
