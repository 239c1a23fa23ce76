/**
 * Personal data under 152-FZ: the head's export of one person's data (Settings → «Персональные
 * данные»), a signed-in parent's download of their own data from the user menu, the retention
 * term among the desk settings, and a person's demand to destroy their data: the head
 * de-personalises their finished request, the desk's page of it says so, and the record of
 * destructions lists it and prints the act.
 */
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { DEMO, expect, expectNoHorizontalScroll, seriousViolations, signIn, skipWithoutBrowser, test, unique } from './fixtures.ts';

skipWithoutBrowser();

interface ExportDocument {
  format: string;
  generatedAt: string;
  organization: { id: string; name: string } | null;
  query: { email: string | null; phone: string | null } | { userId: string };
  accounts: Array<{ email: string; memberships: unknown[] }>;
  requests: Array<{ number: string; requester: { email: string | null }; messages: unknown[] }>;
}

async function readDownload(download: Download): Promise<ExportDocument> {
  expect(download.suggestedFilename()).toMatch(/^opora-personal-data-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ExportDocument;
}

/** «Найдено: 1 учётная запись и 3 обращения.» → [1, 3] */
async function foundCounts(page: Page): Promise<[number, number]> {
  const text =
    (await page
      .getByTestId('privacy-result')
      .getByText(/^Найдено:/)
      .textContent()) ?? '';
  const match = /^Найдено: (\d+) учётн\S+ запис\S+ и (\d+) обращени\S+\.$/.exec(text.trim());
  expect(match, `summary «${text}»`).not.toBeNull();
  return [Number(match![1]), Number(match![2])];
}

test('the head exports a parent’s data: an empty form is refused inline, the e-mail finds the requests, the file downloads', async ({
  page,
}) => {
  await signIn(page, DEMO.head);
  await page.goto('/settings');
  await page.getByRole('tab', { name: 'Персональные данные' }).click();
  await expect(page).toHaveURL(/\/settings\/personal-data$/);
  await expect(page.getByRole('heading', { name: 'Выгрузка данных о человеке' })).toBeVisible();
  await expect(page.getByText('статье 14 Федерального закона № 152-ФЗ')).toBeVisible();

  // Neither an e-mail nor a phone: said at the field, and the focus goes there.
  const email = page.getByRole('textbox', { name: 'E-mail' });
  const phone = page.getByRole('textbox', { name: 'Телефон' });
  await page.getByRole('button', { name: 'Сформировать выгрузку' }).click();
  await expect(page.getByText('Укажите e-mail или телефон — хотя бы одно.')).toBeVisible();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('privacy-result')).toHaveCount(0);

  // A phone number too short to mean anyone: the server's message, at the phone field.
  await phone.fill('12-34');
  await phone.press('Enter');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await phone.fill('');

  // The demo parent: an account and requests filed from it.
  await email.fill(DEMO.parent);
  await email.press('Enter');
  const result = page.getByTestId('privacy-result');
  await expect(result).toContainText('Выгрузка готова');
  const [accounts, requests] = await foundCounts(page);
  expect(accounts).toBeGreaterThan(0);
  expect(requests).toBeGreaterThan(0);
  await expect(result).toContainText(`по запросу: e-mail ${DEMO.parent}`);

  const downloading = page.waitForEvent('download');
  await result.getByRole('button', { name: 'Скачать JSON' }).click();
  const document = await readDownload(await downloading);
  expect(document.format).toBe('opora.personal-data/1');
  expect(document.organization?.name).toBeTruthy();
  expect(document.query).toEqual({ email: DEMO.parent, phone: null });
  expect(document.accounts.map((a) => a.email)).toContain(DEMO.parent);
  expect(document.requests.length).toBeGreaterThan(0);
  expect(document.requests).toHaveLength(requests);
  expect(document.accounts).toHaveLength(accounts);

  // The retention term is named, with the way to its setting.
  await expect(page.getByTestId('privacy-retention')).toContainText(/обезличиваются через \d+ (день|дня|дней) после закрытия/);
  await expect(page.getByRole('link', { name: 'Изменить срок на вкладке «Обращения и сроки»' })).toHaveAttribute(
    'href',
    '/settings/requests',
  );

  await expectNoHorizontalScroll(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the personal-data tab fits a phone and is the head’s and admin’s only', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'ru-RU' });
  const page = await context.newPage();
  await signIn(page, DEMO.admin);
  await page.goto('/settings/personal-data');
  await expect(page.getByRole('tab', { name: 'Персональные данные', selected: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Телефон' }).fill('+7 999 000-00-00');
  await page.getByRole('button', { name: 'Сформировать выгрузку' }).click();
  await expect(page.getByTestId('privacy-result')).toContainText('По этому запросу данных не найдено.');
  await expectNoHorizontalScroll(page);
  expect(await seriousViolations(page)).toEqual([]);

  // A consultant has no settings at all: the address says so.
  await signIn(page, DEMO.consultant);
  await page.goto('/settings/personal-data');
  await expect(page.getByText('Нет доступа к разделу')).toBeVisible();
  await context.close();
});

test('the retention term is a desk setting that saves', async ({ page }) => {
  await signIn(page, DEMO.head);
  await page.goto('/settings/requests');
  const days = page.getByRole('textbox', { name: 'Обезличивать закрытые обращения через, дней' });
  await expect(days).toHaveValue('1825');
  await expect(page.getByText('1825 дней (5 лет) — срок хранения обращений граждан')).toBeVisible();
  await days.fill('2190');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Настройки сохранены')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Обезличивать закрытые обращения через, дней' })).toHaveValue('2190');
  await page.goto('/settings/personal-data');
  await expect(page.getByTestId('privacy-retention')).toContainText('через 2190 дней после закрытия');

  // Back to the default for the other journeys.
  await page.goto('/settings/requests');
  await page.getByRole('textbox', { name: 'Обезличивать закрытые обращения через, дней' }).fill('1825');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Настройки сохранены').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Обезличивать закрытые обращения через, дней' })).toHaveValue('1825');
});

test('a parent downloads their own data from the user menu', async ({ page }) => {
  await signIn(page, DEMO.parent);
  await page.goto('/');
  await page.getByRole('button', { name: /^Меню пользователя/ }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Мои персональные данные' }).click();
  const document = await readDownload(await downloading);
  expect(document.format).toBe('opora.personal-data/1');
  expect(document.organization).toBeNull();
  expect(document.query).toHaveProperty('userId');
  expect(document.accounts).toHaveLength(1);
  expect(document.accounts[0]!.email).toBe(DEMO.parent);
  expect(document.requests.length).toBeGreaterThan(0);
  await expect(page.getByText(/^Ваши данные сохранены в файл opora-personal-data-/)).toBeVisible();
});

/** Registers a phone call of a parent through the API as the signed-in consultant; returns its id and number. */
async function callIn(page: Page, csrfToken: string, email: string, subject: string): Promise<{ id: string; number: string }> {
  const response = await page.request.post('/api/requests/intake', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      channel: 'phone',
      subject,
      requester: { kind: 'parent', name: 'Тестова Анна Сергеевна', phone: '+7 903 555-01-02', email },
      assignToMe: true,
      idempotencyKey: unique(),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; number: string };
}

test('a person’s demand to destroy their data: the head erases the finished request, the open one waits, the desk sees it', async ({
  page,
}) => {
  // The desk: one request of the person finished (resolved and closed), one still open.
  await signIn(page, DEMO.consultant);
  const { csrfToken } = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const email = `erase-${unique()}@mail.example`;
  const finished = await callIn(page, csrfToken, email, 'Не приходят оценки сына в дневник');
  const open = await callIn(page, csrfToken, email, 'Не открывается расписание');
  for (const data of [{ action: 'resolve', body: 'Учитель выставил оценки.' }, { action: 'close' }]) {
    const response = await page.request.post(`/api/requests/${finished.id}/transitions`, { headers: { 'x-csrf-token': csrfToken }, data });
    expect(response.status(), await response.text()).toBe(200);
  }

  await signIn(page, DEMO.head);
  await page.goto('/settings/personal-data');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('button', { name: 'Сформировать выгрузку' }).click();
  const erasure = page.getByTestId('privacy-erasure');
  await expect(erasure).toContainText('1 обращение ещё открыто: его нужно сначала закрыть или отклонить, потом обезличить.');
  await erasure.getByRole('button', { name: 'Обезличить завершённые обращения: 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Обезличить обращения человека?' });
  await expect(dialog).toContainText('Из 1 завершённого обращения будут удалены имя, e-mail, телефон');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Обезличить' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(erasure).toContainText(`Обезличено 1 обращение: ${finished.number}.`);
  await expect(erasure).toContainText(`Ещё открыты: ${open.number}.`);
  // The record of destructions further down the tab has the new entry without a reload.
  await expect(page.getByTestId('privacy-acts').getByRole('listitem').filter({ hasText: finished.number })).toBeVisible();

  // The desk's page of the erased request: a notice instead of the person and their story.
  await page.goto(`/requests/${finished.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Обезличенное обращение' })).toBeVisible();
  const notice = page.getByTestId('anonymized-notice');
  await expect(notice).toContainText('Персональные данные обезличены');
  await expect(notice).toContainText('Номер, даты, тема, тип, канал и статусы остались для отчётов');
  const requester = page.getByRole('region', { name: 'Заявитель' });
  await expect(requester).toContainText('Имя, контакты и класс заявителя обезличены');
  await expect(requester).not.toContainText('Тестова');
  await expect(page.getByText('Учитель выставил оценки.')).toHaveCount(0);
  await expect(page.locator('[data-event="anonymized"]')).toContainText('Персональные данные обезличены: по требованию человека');
  // Nothing to answer or change any more.
  await expect(page.getByRole('button', { name: 'Открыть повторно' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Ответ или заметка' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Консультант' })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);

  // The open request keeps everything.
  await page.goto(`/requests/${open.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Не открывается расписание' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Заявитель' })).toContainText('Тестова Анна Сергеевна');

  // The record of the destruction (this month, shown at once) and its act to print and sign.
  await page.goto('/settings/personal-data');
  const acts = page.getByTestId('privacy-acts');
  const entry = acts.getByRole('listitem').filter({ hasText: finished.number });
  await expect(entry).toContainText('Требование человека');
  await expect(entry).toContainText('(Руководитель)');
  const downloadingAct = page.waitForEvent('download');
  await acts.getByRole('button', { name: 'Скачать акт (PDF)' }).click();
  const act = await downloadingAct;
  expect(act.suggestedFilename()).toMatch(/^personal-data-destruction-act-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(
    fs
      .readFileSync(await act.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  // A period that ends before it starts: said at the field.
  await page.getByRole('textbox', { name: 'По' }).fill('2020-01-01');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByText('Конец периода раньше его начала')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'По' })).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);
});
