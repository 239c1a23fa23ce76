/**
 * The public channel end to end: a parent on a phone sends a request through the school's form,
 * gets the number and the private status link (and the acknowledgement e-mail, read from a real
 * SMTP server), the consultant asks for a clarification, the parent answers on the status page,
 * the consultant resolves, the parent sees «Решено». Plus accessibility (axe, keyboard, zoom,
 * the version for the visually impaired), embedding in another site, and screenshots.
 *
 * The consultant works on a tablet-sized screen in the workspace: the queue, the request page,
 * the status dialogs.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, expectNoHorizontalScroll, signIn, skipWithoutBrowser, test, unique } from './fixtures.ts';
import { waitForMail } from './mailbox.ts';

skipWithoutBrowser();

const SCHOOL = 'school-27';
const FORM = `/s/${SCHOOL}/request`;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'ru-RU', timezoneId: 'Europe/Moscow' };
const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true, locale: 'ru-RU', timezoneId: 'Europe/Moscow' };
/** A real 1×1 PNG: the server checks the bytes, not the name. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Serious and critical WCAG 2.x A/AA violations, described for the failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A full-page screenshot in the test's output folder (test-results/…), for people to look at. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

interface FormInput {
  email: string;
  subject: string;
  withFile?: boolean;
}

/** Fills the form as a parent would, with the sign-in topic and its Gosuslugi question. */
async function fillForm(page: Page, input: FormInput): Promise<void> {
  await page.getByRole('radio', { name: 'Родитель или законный представитель' }).check();
  await page.getByRole('textbox', { name: 'Ваше имя' }).fill('Иванова Мария Петровна');
  await page.getByRole('textbox', { name: 'Электронная почта' }).fill(input.email);
  await page.getByRole('textbox', { name: 'Класс ребёнка' }).fill('5 Б');
  await page.getByRole('combobox', { name: 'Раздел' }).selectOption({ label: 'Доступ и вход' });
  await page.getByRole('combobox', { name: 'Тема' }).selectOption({ label: 'Вход через Госуслуги (ЕСИА)' });
  await expect(page.getByText('Для входа через Госуслуги нужна подтверждённая учётная запись')).toBeVisible();
  await page.getByRole('combobox', { name: 'Учётная запись на Госуслугах' }).selectOption({ label: 'подтверждённая' });
  await page.getByRole('textbox', { name: 'Кратко, о чём обращение' }).fill(input.subject);
  await page
    .getByRole('textbox', { name: 'Что вы делали' })
    .fill('Нажала «Войти через Госуслуги» на странице дневника и ввела логин и пароль.');
  await page.getByRole('textbox', { name: 'Что ожидали' }).fill('Открыть дневник дочери и посмотреть оценки за неделю.');
  await page
    .getByRole('textbox', { name: 'Что произошло' })
    .fill('Появляется сообщение «Учётная запись не найдена», в дневник не пускает.');
  if (input.withFile) {
    await page.getByLabel('Снимки экрана или документы').setInputFiles({ name: 'ошибка-входа.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.getByRole('list', { name: 'Выбранные файлы' })).toContainText('ошибка-входа.png');
  }
  await page.getByRole('checkbox', { name: /Я даю согласие на обработку/ }).check();
}

/** Sends the form and waits for the success page; returns the number and the status path. */
async function send(page: Page): Promise<{ number: string; statusPath: string }> {
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Обращение зарегистрировано' })).toBeVisible({ timeout: 30_000 });
  const number = (await page.getByTestId('request-number').textContent())!.trim();
  const link = await page.getByRole('link', { name: /\/status\// }).getAttribute('href');
  return { number, statusPath: new URL(link!).pathname };
}

test('a parent asks on a phone, answers a clarification on the status page and sees «Решено»', async ({ browser }) => {
  // The whole journey (two browsers, e-mails, close and reopen) takes 40 s on a quiet machine.
  test.setTimeout(120_000);
  const id = unique();
  const email = `parent-${id}@example.test`;
  const subject = `Не могу войти через Госуслуги ${id}`;

  const parentContext = await browser.newContext(PHONE);
  const parent = await parentContext.newPage();
  await parent.goto(FORM);
  await expect(parent.getByRole('heading', { level: 1, name: 'Обращение в службу помощи' })).toBeVisible();
  await expectNoHorizontalScroll(parent);
  await fillForm(parent, { email, subject, withFile: true });
  const { number, statusPath } = await send(parent);
  expect(number).toMatch(/^27-\d{2}-\d{5}$/);
  await expect(parent.getByText(`Мы отправили письмо с номером и ссылкой на ${email}`)).toBeVisible();
  await expectNoHorizontalScroll(parent);

  // The acknowledgement e-mail, through the real SMTP server.
  const ack = await waitForMail((mail) => mail.to.includes(email) && mail.subject.includes(number));
  expect(ack.text).toContain(number);
  expect(ack.text).toContain(statusPath);

  // The consultant, on a tablet, finds it in the queue and asks for a clarification.
  const consultantContext = await browser.newContext(TABLET);
  const desk = await consultantContext.newPage();
  await signIn(desk, DEMO.consultant);
  await desk.goto('/requests?view=unassigned');
  await expect(desk.getByRole('heading', { level: 1, name: 'Обращения' })).toBeVisible();
  const row = desk.getByTestId('queue-row').filter({ hasText: number });
  await expect(row).toContainText(subject);
  await expect(row).toContainText('Иванова Мария Петровна');
  await expect(row).toContainText('Новое');
  await expect(row).toContainText('В срок');
  await expectNoHorizontalScroll(desk);
  await shot(desk, 'consultant-queue-tablet');
  await row.getByRole('link').click();
  await expect(desk.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(desk.getByRole('list', { name: 'История обращения' })).toContainText('Обращение зарегистрировано');
  await desk.getByRole('button', { name: 'Взять себе' }).click();
  await expect(desk.getByText('Исполнитель: Смирнов Алексей Викторович').first()).toBeVisible();
  const question = 'Уточните, пожалуйста: совпадает ли отчество на Госуслугах с тем, что записано в школе (буква «ё»)?';
  await desk.getByRole('button', { name: 'Запросить уточнение' }).click();
  const ask = desk.getByRole('dialog', { name: 'Запросить уточнение' });
  await ask.getByRole('textbox', { name: 'Что нужно уточнить' }).fill(question);
  await ask.getByRole('button', { name: 'Запросить уточнение' }).click();
  await expect(ask).toBeHidden();
  await expect(desk.getByText('Ждём ответа заявителя').first()).toBeVisible();
  await expect(desk.getByText('Срок приостановлен').first()).toBeVisible();
  await expectNoHorizontalScroll(desk);
  const clarificationMail = await waitForMail((mail) => mail.to.includes(email) && mail.subject.includes('уточнение'));
  expect(clarificationMail.text).toContain(question);
  // The e-mail's delivery shows on the timeline once the job runner has sent it.
  await expect
    .poll(
      async () => {
        await desk.reload();
        await expect(desk.getByRole('list', { name: 'История обращения' })).toBeVisible();
        return desk.locator('[data-delivery="sent"]').count();
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(2);

  // The parent opens the private link, sees the question and answers with a screenshot.
  await parent.goto(statusPath);
  await expect(parent.getByRole('heading', { level: 1, name: `Обращение ${number}` })).toBeVisible();
  await expect(parent.getByText('Ждём ответа заявителя')).toBeVisible();
  await expect(parent.getByText(question)).toBeVisible();
  await expect(parent.getByRole('heading', { level: 2, name: 'Ответить на уточняющий вопрос' })).toBeVisible();
  await expectNoHorizontalScroll(parent);
  await parent
    .getByRole('textbox', { name: 'Сообщение' })
    .fill('Да, на Госуслугах отчество написано через «ё»: Пётровна. Снимок профиля прилагаю.');
  await parent.getByLabel('Снимки экрана или документы').setInputFiles({ name: 'профиль.png', mimeType: 'image/png', buffer: PNG });
  await parent.getByRole('button', { name: 'Отправить', exact: true }).click();
  await expect(parent.getByRole('status').filter({ hasText: 'Сообщение отправлено.' })).toBeVisible();
  await expect(parent.getByText('В работе', { exact: true })).toBeVisible();
  await expect(parent.getByRole('link', { name: /Скачать «профиль\.png»/ })).toBeVisible();

  // The answer moved the request back to the desk: the consultant sees it and resolves.
  await desk.goto('/requests?view=mine');
  const mine = desk.getByTestId('queue-row').filter({ hasText: number });
  await expect(mine).toContainText('В работе');
  await mine.getByRole('link').click();
  await expect(desk.getByRole('list', { name: 'История обращения' })).toContainText('Пётровна');
  await expect(desk.getByRole('link', { name: /профиль\.png/ })).toBeVisible();
  const resolution = 'Исправили отчество в данных школы. Войдите через Госуслуги ещё раз — дневник откроется.';
  await desk.getByRole('button', { name: 'Решить', exact: true }).click();
  const resolve = desk.getByRole('dialog', { name: 'Решить обращение' });
  await resolve.getByRole('textbox', { name: 'Ответ заявителю' }).fill(resolution);
  await resolve.getByRole('button', { name: 'Решить', exact: true }).click();
  await expect(resolve).toBeHidden();
  await expect(desk.getByText('Решено', { exact: true }).first()).toBeVisible();
  await shot(desk, 'consultant-request-resolved-tablet');
  await consultantContext.close();

  await parent.reload();
  await expect(parent.getByText('Решено', { exact: true })).toBeVisible();
  await expect(parent.getByText(resolution)).toBeVisible();
  await expect(parent.getByRole('button', { name: 'Вопрос решён, закрыть обращение' })).toBeVisible();
  await expect(parent.getByRole('button', { name: 'Открыть обращение снова' })).toBeVisible();

  // A follow-up typed but not sent is not lost to the close button: the page asks first.
  const followUp = 'Спасибо! А оценки за прошлую неделю тоже появятся?';
  const message = parent.getByRole('textbox', { name: 'Сообщение' });
  await message.fill(followUp);
  await parent.getByRole('button', { name: 'Вопрос решён, закрыть обращение' }).click();
  const unsent = parent.getByTestId('close-unsent');
  await expect(unsent).toContainText('В сообщении есть неотправленный текст или файлы');
  await expect(unsent).toBeFocused();
  await unsent.getByRole('button', { name: 'Вернуться к сообщению' }).click();
  await expect(message).toBeFocused();
  await expect(message).toHaveValue(followUp);
  await expect(parent.getByText('Решено', { exact: true })).toBeVisible();

  // With the box empty it closes at once; focus moves to the new status message, which offers to reopen.
  await message.fill('');
  await parent.getByRole('button', { name: 'Вопрос решён, закрыть обращение' }).click();
  const explanation = parent.getByTestId('status-explanation');
  await expect(explanation).toContainText('Обращение закрыто. Если вопрос не решён, его можно открыть снова');
  await expect(explanation).toBeFocused();
  await expect(parent.getByRole('link', { name: 'Новое обращение' })).toHaveCount(0);
  expect(await seriousViolations(parent)).toEqual([]);

  // Reopened inside the window (as the resolution e-mail promises): back in work, the reply box is back.
  await parent.getByRole('button', { name: 'Открыть обращение снова' }).click();
  await expect(explanation).toContainText('Консультант работает над обращением.');
  await expect(explanation).toBeFocused();
  await expect(parent.getByRole('status').filter({ hasText: 'Обращение снова в работе' })).toBeVisible();
  await expect(parent.getByRole('textbox', { name: 'Сообщение' })).toBeVisible();
  await parentContext.close();
});

test('on a phone the form downloads its scripts and styles compressed, about 300 kB in all', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  const assets: Array<Promise<{ url: string; encoding: string | undefined; size: number }>> = [];
  page.on('response', (response) => {
    if (/\/assets\/.*\.(js|css)$/.test(response.url())) {
      assets.push(
        response.body().then((body) => ({ url: response.url(), encoding: response.headers()['content-encoding'], size: body.length })),
      );
    }
  });
  await page.goto(FORM, { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const loaded = await Promise.all(assets);
  expect(loaded.length).toBeGreaterThan(5);
  // Files under 1 kB are sent as they are (a compressed copy would save less than its headers).
  for (const asset of loaded.filter((a) => a.size >= 1024)) expect(['br', 'gzip'], asset.url).toContain(asset.encoding);
  // Before the build compressed it, the same page was 1.2 MB.
  expect(bytes).toBeLessThan(450 * 1024);
  await context.close();
});

test('the form says what is missing, links each error to its field and moves focus to the list', async ({ page }) => {
  await page.goto(FORM);
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Обращение не отправлено' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Укажите e-mail или телефон');
  await expect(summary).toContainText('Подтвердите согласие на обработку персональных данных');
  // Focus is on the summary; its links lead to the fields.
  await expect(page.locator(':focus')).toContainText('Обращение не отправлено');
  await summary.getByRole('link', { name: 'Класс ребёнка: Укажите класс ребёнка, например «5 Б».' }).click();
  await expect(page.getByRole('textbox', { name: 'Класс ребёнка' })).toBeFocused();
  // Every invalid input names its message through aria-describedby.
  const childClass = page.getByRole('textbox', { name: 'Класс ребёнка' });
  await expect(childClass).toHaveAttribute('aria-invalid', 'true');
  await expect(childClass).toHaveAccessibleDescription(/Укажите класс ребёнка/);
  await expect(page.getByRole('checkbox', { name: /Я даю согласие/ })).toHaveAccessibleDescription(/Подтвердите согласие/);
  // A vague wording is explained before sending.
  await page.getByRole('textbox', { name: 'Кратко, о чём обращение' }).fill('Ошибка');
  await page.getByRole('textbox', { name: 'Что произошло' }).fill('не работает!!!');
  await expect(summary).toContainText('Слишком коротко');
  // The hint about the structured questions names the ones left empty.
  await page.getByRole('textbox', { name: 'Что вы делали' }).fill('Открыла дневник дочери и раздел «Оценки» за неделю.');
  await expect(page.getByRole('note').filter({ hasText: 'Подсказки' })).toContainText('Заполните также «Что ожидали» — так консультант');
  // A staff member has no child's class.
  await page.getByRole('radio', { name: 'Сотрудник школы' }).check();
  await expect(page.getByRole('textbox', { name: 'Класс ребёнка' })).toHaveCount(0);
  await expect(summary).not.toContainText('Укажите класс ребёнка');
});

test('the form works with the keyboard alone', async ({ page }) => {
  const id = unique();
  await page.goto(FORM);
  await expect(page.getByRole('combobox', { name: 'Раздел' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Перейти к основному содержимому' })).toBeFocused();
  await fillForm(page, { email: `kbd-${id}@example.test`, subject: `Вход через Госуслуги с клавиатуры ${id}` });
  // The consent box and the submit button are reached and used with the keyboard.
  const consent = page.getByRole('checkbox', { name: /Я даю согласие/ });
  await consent.focus();
  await page.keyboard.press('Space');
  await expect(consent).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(consent).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Отправить обращение' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Обращение зарегистрировано' })).toBeFocused({ timeout: 30_000 });
});

test('form, success page and status page: no serious axe violations, no horizontal scroll, in both versions, at 390 and 1280 px', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  for (const width of [390, 1280]) {
    const context = await browser.newContext({
      viewport: { width, height: width === 390 ? 844 : 900 },
      locale: 'ru-RU',
      timezoneId: 'Europe/Moscow',
    });
    const page = await context.newPage();
    for (const contrast of ['normal', 'high'] as const) {
      const id = unique();
      await page.goto(FORM);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (contrast === 'high') {
        await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
        await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
      } else {
        await expect(page.locator('html')).not.toHaveAttribute('data-contrast', 'high');
      }

      await expect(page.getByRole('combobox', { name: 'Раздел' })).toBeVisible();
      expect(await seriousViolations(page), `form ${width} ${contrast}`).toEqual([]);
      await expectNoHorizontalScroll(page);
      await shot(page, `form-${width}-${contrast}`);

      await page.getByRole('button', { name: 'Отправить обращение' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Обращение не отправлено' })).toBeVisible();
      expect(await seriousViolations(page), `form errors ${width} ${contrast}`).toEqual([]);
      await expectNoHorizontalScroll(page);
      await shot(page, `form-errors-${width}-${contrast}`);

      await fillForm(page, { email: `a11y-${id}@example.test`, subject: `Проверка доступности ${id}`, withFile: true });
      const { statusPath } = await send(page);
      expect(await seriousViolations(page), `success ${width} ${contrast}`).toEqual([]);
      await expectNoHorizontalScroll(page);
      await shot(page, `success-${width}-${contrast}`);

      await page.goto(statusPath);
      await expect(page.getByRole('heading', { level: 1, name: /^Обращение / })).toBeVisible();
      await expect(page.getByTestId('request-due')).toHaveText(/^\d{2}\.\d{2}\.\d{4}$/);
      expect(await seriousViolations(page), `status ${width} ${contrast}`).toEqual([]);
      await expectNoHorizontalScroll(page);
      await shot(page, `status-${width}-${contrast}`);
    }
    await context.close();
  }
});

test('the version for the visually impaired is remembered, and the pages fit 320 px and 200 % zoom', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(FORM);
  const toggle = page.getByRole('button', { name: 'Версия для слабовидящих' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.getByRole('button', { name: 'Обычная версия' })).toHaveAttribute('aria-pressed', 'true');
  const fontSize = await page
    .getByRole('textbox', { name: 'Ваше имя' })
    .evaluate((el) => parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(19);
  await expectNoHorizontalScroll(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Обычная версия' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: 'Обычная версия' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-contrast', 'high');
  // 200 % zoom of a 1280 px window is a 640 px wide page.
  await page.setViewportSize({ width: 640, height: 400 });
  await page.reload();
  await expectNoHorizontalScroll(page);
  await page.goto('/status/no-such-link-0000000000000000000000000');
  await expectNoHorizontalScroll(page);
});

test('the school embeds the form in its own site with one line', async ({ page, baseURL }) => {
  await page.goto(`${FORM}?embed=1`);
  await expect(page.getByRole('heading', { level: 1, name: 'Обращение в службу помощи' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Версия для слабовидящих' })).toBeVisible();

  // Another site (here a page of its own origin) frames the form: the headers allow it.
  await page.setContent(
    `<!doctype html><html lang="ru"><head><title>Сайт школы</title></head><body><h1>Сайт школы № 27</h1>` +
      `<iframe src="${baseURL}${FORM}?embed=1" title="Обращение в службу помощи" style="width:100%;min-height:1600px;border:0"></iframe></body></html>`,
  );
  const frame = page.frameLocator('iframe[title="Обращение в службу помощи"]');
  await expect(frame.getByRole('heading', { level: 1, name: 'Обращение в службу помощи' })).toBeVisible();
  await expect(frame.getByRole('combobox', { name: 'Раздел' })).toBeVisible();
});

test('clear pages for an unknown link and an unknown school', async ({ page }) => {
  await page.goto('/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByRole('heading', { level: 1, name: 'Обращение не найдено' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Ссылка на обращение не найдена');
  await page.goto('/s/no-such-school/request');
  await expect(page.getByRole('heading', { level: 1, name: 'Школа не найдена' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Такой школы нет в Опоре');
});

test('a signed-in parent finds the request in «Мои обращения»', async ({ browser }) => {
  const id = unique();
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  // The parent uses the public form with the e-mail of their account: the request is linked to it.
  await page.goto(FORM);
  await fillForm(page, { email: DEMO.parent, subject: `Вход через Госуслуги, мой аккаунт ${id}` });
  const { number } = await send(page);
  const login = await page.request.post('/api/auth/login', { data: { email: DEMO.parent, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  await page.goto('/my-requests');
  await expect(page.getByRole('heading', { level: 1, name: 'Мои обращения' })).toBeVisible();
  const link = page.getByRole('link', { name: new RegExp(`${number} — `) });
  await expect(link).toBeVisible();
  await expectNoHorizontalScroll(page);
  expect(await seriousViolations(page)).toEqual([]);
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: `Обращение ${number}` })).toBeVisible();
  await expect(page.getByText('Новое', { exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Сообщение' }).fill('Дополню: пробовала и с компьютера, и с телефона.');
  await page.getByRole('button', { name: 'Отправить', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Сообщение отправлено.' })).toBeVisible();
  await expect(page.getByText('Дополню: пробовала и с компьютера, и с телефона.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test('the head finds the embed code and publishes a new consent text, which the form then shows', async ({ page }) => {
  const id = unique();
  const login = await page.request.post('/api/auth/login', { data: { email: DEMO.head, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  await page.goto('/settings/public-form');
  await expect(page.getByRole('heading', { level: 2, name: 'Форма обращения на сайте школы' })).toBeVisible();
  await expect(page.getByText(`<iframe src="`)).toContainText(`${FORM}?embed=1`);
  const text = page.getByRole('textbox', { name: 'Текст согласия' });
  await text.fill(`Я даю согласие МБОУ СОШ №27 на обработку моих персональных данных для ответа на обращение (проверка ${id}).`);
  await page.getByRole('button', { name: 'Сохранить новую редакцию' }).click();
  await expect(page.getByText(/Сохранена редакция v\d+\./)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(FORM);
  await expect(page.getByRole('region', { name: /Текст согласия \(редакция v\d+\)/ })).toContainText(`проверка ${id}`);
});

test('a form inside a site that blocks its cookies still answers in the language the page shows', async ({ browser }) => {
  // A browser that keeps no cookie for a third-party frame: the page can neither write nor read
  // the language cookie, and the server never sees one.
  const context = await browser.newContext(PHONE);
  await context.addInitScript(() => {
    const { Document } = globalThis as unknown as { Document: { prototype: object } };
    Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => undefined, configurable: true });
  });
  await context.route('**/api/public/**', async (route) => {
    const { cookie: _cookie, ...headers } = route.request().headers();
    await route.continue({ headers });
  });
  const page = await context.newPage();
  const id = unique();
  const email = `embedded-${id}@example.test`;
  await page.goto(`${FORM}?embed=1`);
  await fillForm(page, { email, subject: `Не могу войти через Госуслуги ${id}` });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request is registered' })).toBeVisible({ timeout: 30_000 });
  const number = (await page.getByTestId('request-number').textContent())!.trim();
  // The acknowledgement is written in English, as the page was.
  const ack = await waitForMail((mail) => mail.to.includes(email) && mail.subject.includes(number));
  expect(ack.subject).toBe(`Request ${number} registered`);
  await context.close();
});
