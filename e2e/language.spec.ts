import { DEMO, expect, mainNav, signIn, skipWithoutBrowser, test } from './fixtures.ts';

skipWithoutBrowser();

test('the language switch on the login page changes the texts to English and back', async ({ page }) => {
  // The English texts are a chunk of their own, downloaded only when English is chosen.
  const englishChunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/web-en-[^/]*\.js$/.test(request.url())) englishChunks.push(request.url());
  });
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Опору' })).toBeVisible();
  expect(englishChunks).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Opora' })).toBeVisible();
  expect(englishChunks).toHaveLength(1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The server answers in the chosen language too.
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(DEMO.parent);
  await page.getByRole('textbox', { name: 'Password' }).fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong e-mail address or password.');
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в Опору' })).toBeVisible();
});

test('a signed-in user switches to English, and the choice is kept', async ({ page }) => {
  await signIn(page, DEMO.head);
  await page.goto('/');
  await expect(mainNav(page).getByRole('link', { name: 'Главная' })).toBeVisible();
  try {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(mainNav(page)).toHaveCount(0);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: /^Hello/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: /^Hello/ })).toBeVisible();
  } finally {
    const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
    await page.request.put('/api/me/locale', { headers: { 'x-csrf-token': me.csrfToken }, data: { locale: 'ru' } });
  }
});
