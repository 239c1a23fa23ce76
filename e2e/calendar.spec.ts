import type { Page } from '@playwright/test';
import {
  DEMO,
  expect,
  expectNoHorizontalScroll,
  mainNav,
  seriousViolations,
  signIn,
  skipWithoutBrowser,
  test,
  unique,
} from './fixtures.ts';

skipWithoutBrowser();

/** A small xmlcalendar file for 2028 (no production calendar is shipped for it). */
const XML_2028 = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2028" lang="ru" date="2027.09.01">
  <holidays>
    <holiday id="1" title="Новогодние каникулы"/>
  </holidays>
  <days>
    <day d="01.03" t="1" h="1"/>
    <day d="01.04" t="1" h="1"/>
    <day d="01.05" t="1" h="1"/>
    <day d="01.06" t="1" h="1"/>
    <day d="01.07" t="1" h="1"/>
    <day d="02.22" t="2"/>
    <day d="02.23" t="1"/>
    <day d="03.07" t="2"/>
    <day d="03.08" t="1"/>
    <day d="05.01" t="1"/>
    <day d="05.09" t="1"/>
    <day d="06.12" t="1"/>
    <day d="11.03" t="2"/>
    <day d="11.04" t="1"/>
    <day d="12.30" t="3"/>
  </days>
</calendar>
`;

async function csrf(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  return me.csrfToken;
}

const month = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** ISO date of the next Monday–Friday at least `ahead` days from today (Moscow). */
function nextWeekday(ahead: number): string {
  const day = new Date(Date.now() + 3 * 3600_000 + ahead * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const ru = (iso: string) => iso.split('-').reverse().join('.');

test('an admin opens the production calendar: 247 working days in 2026, 15 in January', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/');
  await mainNav(page).getByRole('link', { name: 'Календарь' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Производственный календарь' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Год' }).selectOption('2026');
  await expect(page.getByRole('radio', { name: 'Пятидневная' })).toBeChecked();

  await expect(page.getByTestId('year-total-working')).toHaveText('247');
  await expect(page.getByTestId('year-total-hours40')).toHaveText('1 972');
  await expect(page.getByTestId('calendar-month')).toHaveCount(12);
  const january = month(page, 'Январь');
  await expect(january.getByTestId('month-working')).toHaveText('15 рабочих дней');
  await expect(january.getByTestId('month-hours')).toHaveText('120 ч при 40-часовой неделе');
  await expect(page.getByRole('button', { name: '1 января 2026, нерабочий праздничный день' })).toBeVisible();
  await expect(page.getByRole('button', { name: '3 ноября 2026, сокращённый рабочий день' })).toContainText('3*');
  await expect(page.getByRole('button', { name: '3 января 2026, выходной день' })).toHaveAttribute('data-kind', 'weekend');
  await expect(page.getByTestId('calendar-origin')).toContainText('Поставляется с Опорой');

  // The six-day week: Saturdays work, the hour norm still comes from the five-day week.
  await page.getByText('Шестидневная', { exact: true }).click();
  await expect(page).toHaveURL(/week=six_day/);
  await expect(page.getByTestId('year-total-working')).toHaveText('300');
  await expect(page.getByTestId('year-total-hours40')).toHaveText('1 972');
  await expect(page.getByRole('button', { name: '10 января 2026, рабочий день' })).toBeVisible();

  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);
});

test('an admin makes a day off and resets it, with the mouse and the keyboard; the counts follow', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/calendar?year=2026&week=five_day');
  const january = month(page, 'Январь');
  const total = page.getByTestId('year-total-working');
  await expect(january.getByTestId('month-working')).toHaveText('15 рабочих дней');
  await expect(total).toHaveText('247');

  const day = page.getByRole('button', { name: /^12 января 2026, / });
  await expect(day).toHaveAccessibleName('12 января 2026, рабочий день');
  await day.click();
  await expect(page.getByRole('menu')).toContainText('Понедельник, 12 января 2026');
  await page.getByRole('menuitemradio', { name: 'Выходной/праздничный' }).click();
  await expect(day).toHaveAccessibleName('12 января 2026, нерабочий праздничный день');
  await expect(january.getByTestId('month-working')).toHaveText('14 рабочих дней');
  await expect(total).toHaveText('246');
  await expect(page.getByTestId('year-total-hours40')).toHaveText('1 964');
  await expect(page.getByTestId('calendar-origin')).toContainText('Изменён вручную');

  // Keyboard: one Tab stop, arrows move between days, Enter opens the day's menu.
  await expect(day).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: /^13 января 2026, / })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('button', { name: /^6 января 2026, / })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await expect(day).toBeFocused();
  await expect(page.getByRole('button', { name: /^13 января 2026, / })).toHaveAttribute('tabindex', '-1');
  await expect(day).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('Enter');
  const reset = page.getByRole('menuitem', { name: /^Как по умолчанию/ });
  await expect(reset).toBeVisible();
  await reset.click();
  await expect(day).toHaveAccessibleName('12 января 2026, рабочий день');
  await expect(january.getByTestId('month-working')).toHaveText('15 рабочих дней');
  await expect(total).toHaveText('247');
});

test('an admin imports 2028 from an xmlcalendar file: dry-run report first, then «Применить»', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/calendar?year=2028&week=five_day');
  await expect(page.getByTestId('calendar-year-missing')).toContainText('Производственного календаря на 2028 год нет');
  await expect(page.getByTestId('year-total-working')).toHaveText('260');

  await page.getByTestId('calendar-import-open').click();
  const dialog = page.getByRole('dialog', { name: 'Загрузка календаря из файла' });
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'calendar.xml', mimeType: 'text/xml', buffer: Buffer.from(XML_2028) });
  const report = dialog.getByTestId('calendar-import-report');
  await expect(report).toContainText('Что изменится в календаре на 2028 год');
  await expect(report).toContainText('Календаря на 2028 год ещё нет — он будет добавлен.');
  const five = dialog.getByTestId('calendar-import-five');
  await expect(five).toContainText('Пятидневная: 14 изменений');
  await expect(five).toContainText('Станут праздничными (нерабочими) (10)');
  await expect(five).toContainText('03.01.2028, 04.01.2028, 05.01.2028, 06.01.2028, 07.01.2028, 23.02.2028, 08.03.2028, 01.05.2028');
  await expect(five).toContainText('Станут рабочими выходные дни (1)');
  await expect(five).toContainText('30.12.2028');
  await expect(five).toContainText('Станут сокращёнными (3)');
  await expect(five).toContainText('22.02.2028, 07.03.2028, 03.11.2028');
  await expect(dialog.getByTestId('calendar-import-six')).toContainText('Шестидневная: 17 изменений');
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing is saved by the check.
  expect(((await (await page.request.get('/api/calendar/years/2028?weekKind=five_day')).json()) as { missing: boolean }).missing).toBe(
    true,
  );

  await dialog.getByRole('button', { name: 'Применить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Календарь на 2028 год загружен')).toBeVisible();
  await expect(page.getByTestId('calendar-year-missing')).toBeHidden();
  await expect(page.getByTestId('calendar-origin')).toContainText('Загружен из файла');
  await expect(page.getByTestId('year-total-working')).toHaveText('251');
  await expect(page.getByRole('button', { name: '30 декабря 2028, рабочий день (перенесённый выходной)' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Год' })).toHaveValue('2028');
});

test('a malformed calendar file is refused with the server’s message and nothing to apply', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/calendar');
  await page.getByTestId('calendar-import-open').click();
  const dialog = page.getByRole('dialog', { name: 'Загрузка календаря из файла' });
  const broken = '<calendar year="2029"><days><day d="13.45" t="1"/></days></calendar>';
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'broken.xml', mimeType: 'text/xml', buffer: Buffer.from(broken) });
  await expect(dialog.getByRole('alert')).toContainText('Файл календаря не принят');
  await expect(dialog.getByTestId('calendar-import-report')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Применить' })).toBeDisabled();

  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"year": 2029,') });
  await expect(dialog.getByRole('alert')).toContainText('Файл календаря не принят');
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(dialog).toBeHidden();
});

test('missing years are announced on the calendar page with links to them', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.route('**/api/calendar/warnings', (route) =>
    route.fulfill({
      json: {
        warnings: [
          { weekKind: 'five_day', year: 2031 },
          { weekKind: 'six_day', year: 2031 },
        ],
      },
    }),
  );
  await page.goto('/calendar');
  const banner = page.getByTestId('calendar-missing-years');
  await expect(banner).toContainText('Не хватает производственного календаря');
  await expect(banner).toContainText('2031 год — пятидневная неделя и шестидневная неделя');
  await banner.getByRole('link', { name: '2031 год' }).click();
  await expect(page.getByRole('combobox', { name: 'Год' })).toHaveValue('2031');
  await expect(page.getByTestId('calendar-year-missing')).toBeVisible();
  await expect(page.getByTestId('calendar-origin')).toContainText('Нет данных за этот год');
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the head adds a quarantine closure day in the school settings, sees it in the year, and removes it', async ({ page }) => {
  const reason = `Карантин по гриппу ${unique()}`;
  const date = nextWeekday(10);
  await signIn(page, DEMO.head);
  await page.goto('/');
  await mainNav(page).getByRole('link', { name: 'Настройки' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Календарь и нерабочие дни', selected: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Пятидневная неделя' })).toBeChecked();

  // Required fields are checked before anything is sent.
  await page.getByRole('button', { name: 'Добавить', exact: true }).click();
  await expect(page.getByText('Укажите дату.')).toBeVisible();
  await expect(page.getByText('Укажите причину.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Дата' }).fill(ru(date));
  await page.getByRole('textbox', { name: 'Причина' }).fill(reason);
  await page.getByRole('button', { name: 'Добавить', exact: true }).click();
  await expect(page.getByText('Добавлен 1 нерабочий день.')).toBeVisible();
  const row = page.getByTestId('closure-row').filter({ hasText: reason });
  await expect(row).toContainText(ru(date));

  const year = page.getByRole('combobox', { name: 'Год' });
  await year.selectOption(date.slice(0, 4));
  const cell = page.getByRole('cell', { name: new RegExp(`нерабочий день школы \\(${reason}\\)`) });
  await expect(cell).toBeVisible();
  await expect(cell.locator('[data-kind="closure"]')).toBeVisible();

  await row.getByRole('button', { name: `Удалить нерабочий день ${ru(date)} (${reason})` }).click();
  await expect(row).toHaveCount(0);
  await expect(cell).toHaveCount(0);

  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the head switches the school to the six-day week and back', async ({ page }) => {
  await signIn(page, DEMO.head);
  await page.goto('/settings/calendar');
  const six = page.getByRole('radio', { name: 'Шестидневная неделя' });
  await six.check();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Сохранено: шестидневная неделя.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Сохранить' })).toBeDisabled();
  await expect(page.getByRole('heading', { level: 2, name: /^Календарь организации на/ })).toBeVisible();
  // Saturday is a working day now: its column header is no longer marked as a day off.
  const saturday = page.getByRole('region', { name: 'Январь', exact: true }).getByRole('columnheader', { name: 'суббота' });
  await expect(saturday).not.toHaveAttribute('data-off', /.*/);
  await expect(
    page.getByRole('region', { name: 'Январь', exact: true }).getByRole('columnheader', { name: 'воскресенье' }),
  ).toHaveAttribute('data-off', 'true');

  await page.getByRole('radio', { name: 'Пятидневная неделя' }).check();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Сохранено: пятидневная неделя.')).toBeVisible();
});

test('a consultant has no calendar or settings section; the calendar API is read-only for them', async ({ page }) => {
  await signIn(page, DEMO.consultant);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /^Здравствуйте/ })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Календарь' })).toHaveCount(0);
  await expect(mainNav(page).getByRole('link', { name: 'Настройки' })).toHaveCount(0);
  await page.goto('/calendar');
  await expect(page.getByRole('heading', { level: 1, name: 'Нет доступа к разделу' })).toBeVisible();

  const grid = await page.request.get('/api/calendar/years/2026?weekKind=five_day');
  expect(grid.status()).toBe(200);
  const edit = await page.request.put('/api/calendar/days/2026-01-12', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { weekKind: 'five_day', setting: 'holiday' },
  });
  expect(edit.status()).toBe(403);
});

test('a municipality admin sees the calendar read-only: no day buttons, no import', async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  const organizations = (await (await page.request.get('/api/organizations')).json()) as Array<{ id: string; kind: string }>;
  const municipality = organizations.find((o) => o.kind === 'municipality');
  expect(municipality).toBeDefined();
  const email = `e2e-muni-${unique()}@mytishchi.demo`;
  const created = await page.request.post('/api/admin/users', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      email,
      fullName: 'Муниципальный Администратор',
      password: 'e2e-password-2026',
      organizationId: municipality!.id,
      role: 'admin',
    },
  });
  expect(created.status(), await created.text()).toBe(201);

  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, email, 'e2e-password-2026');
  await other.goto('/calendar?year=2026');
  await expect(other.getByRole('heading', { level: 1, name: 'Производственный календарь' })).toBeVisible();
  await expect(other.getByText('Только просмотр: производственный календарь изменяет администратор региона.')).toBeVisible();
  await expect(other.getByRole('cell', { name: '3 ноября 2026, сокращённый рабочий день' })).toBeVisible();
  await expect(other.getByTestId('year-calendar').getByRole('button')).toHaveCount(0);
  await expect(other.getByTestId('calendar-import-open')).toHaveCount(0);
  await expect(other.getByTestId('year-total-working')).toHaveText('247');
  // 1 November 2025: a Saturday worked by transfer and shortened — both marks.
  await other.getByRole('combobox', { name: 'Год' }).selectOption('2025');
  const saturday = other.getByRole('cell', { name: '1 ноября 2025, сокращённый рабочий день (перенесённый выходной)' });
  await expect(saturday).toContainText('1*');
  await expect(saturday.locator('[data-worked-weekend]')).toBeVisible();
  await context.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the calendar fits 390 px: months stack, no horizontal scroll', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await page.goto('/calendar?year=2026');
    await expect(page.getByTestId('calendar-month')).toHaveCount(12);
    await expectNoHorizontalScroll(page);
    const first = await month(page, 'Январь').boundingBox();
    const second = await month(page, 'Февраль').boundingBox();
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);

    // 200 % zoom of a 1280 px screen.
    await page.setViewportSize({ width: 640, height: 400 });
    await expect(page.getByTestId('calendar-month')).toHaveCount(12);
    await expectNoHorizontalScroll(page);
  });

  test('the school settings fit 390 px', async ({ page }) => {
    await signIn(page, DEMO.head);
    await page.goto('/settings');
    await expect(page.getByRole('heading', { level: 2, name: 'Нерабочие дни' })).toBeVisible();
    await expect(page.getByTestId('calendar-month')).toHaveCount(12);
    await expectNoHorizontalScroll(page);
  });
});
