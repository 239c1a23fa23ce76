/**
 * The desk's workspace: quick intake of a phone call from the keyboard, the queue's views,
 * search and filters, keyboard navigation, an internal note, the notification bell, and the
 * desk's settings (deadline policy and topics). The public channel's journey (a parent's form →
 * the consultant's queue → clarification → resolution) is in public-request.spec.ts.
 */
import {
  DEMO,
  DEMO_PASSWORD,
  expect,
  expectNoHorizontalScroll,
  seriousViolations,
  signIn,
  skipWithoutBrowser,
  test,
  unique,
} from './fixtures.ts';

skipWithoutBrowser();

const REASON = 'Недостаточно информации, чтобы найти и решить проблему';

test('a consultant registers a phone call from the keyboard and finds it again by its number', async ({ page }) => {
  const id = unique();
  const subject = `Не приходят уведомления об оценках ${id}`;
  await signIn(page, DEMO.consultant);
  await page.goto('/requests');
  await expect(page.getByRole('heading', { level: 1, name: 'Обращения' })).toBeVisible();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();

  // «n» opens the intake; the requester field has the focus.
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Новое обращение' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Заявитель')).toBeFocused();
  await page.keyboard.type(`Орлова Светлана ${id}`);
  await dialog.getByText('Телефон', { exact: true }).first().click();
  await dialog.getByRole('textbox', { name: 'Телефон' }).fill('+7 916 555-12-34');
  await dialog.getByRole('textbox', { name: 'Класс ребёнка' }).fill('7 В');
  await dialog.getByRole('textbox', { name: 'Кратко, о чём обращение' }).fill(subject);
  await dialog
    .getByRole('textbox', { name: 'Суть обращения' })
    .fill('Мама ученицы 7 «В»: с понедельника в приложении нет уведомлений о новых оценках, в дневнике оценки видны.');
  // The call was about a note the parent left yesterday: the registration term runs from then.
  const yesterday = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(Date.now() - 24 * 3600_000);
  await dialog.getByLabel('Поступило (если раньше, чем сейчас)').fill(`${yesterday}T10:00`);
  await page.keyboard.press('Control+Enter');

  // The new request opens; its number and deadline come from the server.
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText(/^27-\d{2}-\d{5}$/).first()).toBeVisible();
  const number = (await page
    .getByText(/^27-\d{2}-\d{5}$/)
    .first()
    .textContent())!.trim();
  await expect(page.getByText('Телефон', { exact: true }).first()).toBeVisible();
  // The requester card gives each value the card's width: the phone number stays on one line.
  const phone = page.getByRole('region', { name: 'Заявитель' }).getByRole('link', { name: '+7 916 555-12-34' });
  await expect(phone).toBeVisible();
  const lines = await phone.evaluate((el) => {
    // Runs in the browser; the e2e tsconfig has no DOM types.
    const node = el as unknown as { getClientRects(): { length: number } };
    return node.getClientRects().length;
  });
  expect(lines, 'the phone number wraps onto more than one line').toBe(1);
  await expect(page.getByText('Рассмотреть до')).toBeVisible();
  const [y, m, d] = yesterday.split('-');
  await expect(page.getByText('Получено')).toBeVisible();
  await expect(page.getByText(`${d}.${m}.${y} 10:00`)).toBeVisible();
  await expect(page.getByText('В срок').first()).toBeVisible();

  // «/» jumps to the search; the number finds exactly this request.
  await page.goto('/requests?view=all');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Поиск' })).toBeFocused();
  await page.keyboard.type(number);
  await expect(page).toHaveURL(new RegExp(`q=${number}`));
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row')).toContainText(subject);
  await expect(page.getByTestId('queue-row')).toContainText('родитель · 7 В кл.');

  // j moves along the list, Enter opens the focused request.
  await page.getByRole('searchbox', { name: 'Поиск' }).press('ArrowDown');
  await expect(page.getByTestId('queue-row').getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();

  // Files over the limit of a message are not dropped silently.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAAJJRU5ErkJggg==', 'base64');
  const seven = Array.from({ length: 7 }, (_, i) => ({ name: `снимок-${i + 1}.png`, mimeType: 'image/png', buffer: png }));
  await page.locator('.rq-composer input[type="file"]').setInputFiles(seven);
  await expect(page.getByRole('list', { name: 'Файлы к отправке' }).getByRole('listitem')).toHaveCount(5);
  await expect(page.getByText('Приложено 5 из 7: в одном сообщении не больше 5 файлов.')).toBeVisible();

  // An internal note is marked as such on the timeline.
  await page.getByText('Заметка для коллег', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Текст заметки' }).fill('Проверить настройки уведомлений в профиле родителя на Портале.');
  await page.getByRole('button', { name: 'Добавить заметку' }).click();
  const history = page.getByRole('list', { name: 'История обращения' });
  await expect(history).toContainText('Проверить настройки уведомлений');
  await expect(history.getByText('заметка', { exact: true })).toBeVisible();

  // Rejecting asks for one of the regulation's reasons and a text the requester reads.
  await page.getByRole('button', { name: 'Отклонить', exact: true }).click();
  const reject = page.getByRole('dialog', { name: 'Отклонить обращение' });
  await reject.getByRole('button', { name: 'Отклонить', exact: true }).click();
  await expect(reject.getByText('Выберите причину отказа.')).toBeVisible();
  await reject.getByRole('radio', { name: REASON }).check();
  await reject
    .getByRole('textbox', { name: 'Пояснение для заявителя' })
    .fill('Не указано, в каком приложении нет уведомлений: перезвоните, пожалуйста.');
  await reject.getByRole('button', { name: 'Отклонить', exact: true }).click();
  await expect(reject).toBeHidden();
  const rejection = page.getByRole('alert', { name: 'Обращение отклонено' });
  await expect(rejection).toContainText(REASON);
  // A rejection is final: no status actions are left.
  await expect(page.getByRole('group', { name: 'Действия с обращением' })).toHaveCount(0);
});

test('queue views and filters narrow the list; overdue requests stand out', async ({ page }) => {
  await signIn(page, DEMO.consultant);
  await page.goto('/requests?view=waiting');
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText('Ждём ответа заявителя');
  await expect(page.getByRole('link', { name: /Ждём ответа/ })).toHaveAttribute('aria-current', 'page');
  // A stopped clock says until when, instead of repeating its badge.
  const paused = page.locator('[data-testid="queue-row"][data-deadline="paused"]');
  await expect(paused.filter({ hasText: 'до ответа заявителя' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: /срок приостановлен[\s\S]*срок приостановлен/i })).toHaveCount(0);

  await page.goto('/requests?view=overdue');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute('data-deadline', 'overdue');
    await expect(row).toContainText('просрочено на');
  }

  // A filter is kept in the address, so the view can be bookmarked and shared.
  await page.goto('/requests?view=all&requesterKind=staff');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText('сотрудник');
  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
  await expect(page).not.toHaveURL(/requesterKind/);
  await expect(page.getByText(/^\d+ обращени/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A page past the end (its last request was taken meanwhile) turns into the last page.
  await page.goto('/requests?view=waiting&page=40');
  await expect(rows.first()).toBeVisible();
  await expect(page).not.toHaveURL(/page=40/);
});

test('the home page counts the desk’s queues, and each count opens its queue', async ({ page }) => {
  await signIn(page, DEMO.head);
  await page.goto('/');
  const summary = page.getByRole('region', { name: 'Обращения сейчас' });
  const overdue = summary.getByRole('link', { name: /^Просроченные: \d+$/ });
  await expect(overdue).toBeVisible();
  const count = (await overdue.getAttribute('aria-label'))!.split(': ')[1]!;
  await expect(summary.getByRole('link', { name: /^Открытые: \d+$/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await overdue.click();
  await expect(page).toHaveURL(/\/requests\?view=overdue$/);
  const tab = page.getByRole('link', { name: /Просроченные/ });
  await expect(tab).toHaveAttribute('aria-current', 'page');
  await expect(tab).toContainText(count);
  await expect(page.getByText(/^\d+ обращени/)).toHaveText(new RegExp(`^${count} обращени`));
});

test('the queue and a request page fit a phone and have no serious accessibility problems', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'ru-RU' });
  const page = await context.newPage();
  await signIn(page, DEMO.consultant);
  await page.goto('/requests');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('queue-row').first().getByRole('link').click();
  await expect(page.getByRole('list', { name: 'История обращения' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  // The composer's reply/note labels are shown whole (a clipped label does not scroll the page).
  const clipped = await page.getByRole('radiogroup', { name: 'Кому' }).evaluate((group) => {
    const box = group.getBoundingClientRect();
    return [...group.querySelectorAll('label')]
      .filter((label) => label.getBoundingClientRect().right > box.right + 0.5)
      .map((label) => label.textContent);
  });
  expect(clipped).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test('the bell shows unread notifications and marks them read', async ({ page }) => {
  await signIn(page, DEMO.head);
  await page.goto('/');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(/Уведомления: \d+ непрочитанн/);
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Уведомления' });
  await expect(panel.getByRole('link').first()).toBeVisible();
  await panel.getByRole('button', { name: 'Отметить все прочитанными' }).click();
  await expect(bell).toHaveAccessibleName('Уведомления');
});

test('a notice of another of the user’s organisations names it and opens its request there', async ({ browser }) => {
  const id = unique();
  const api = async (email: string, password = DEMO_PASSWORD) => {
    const context = await browser.newContext();
    const login = await context.request.post('/api/auth/login', { data: { email, password } });
    expect(login.status(), await login.text()).toBe(200);
    const csrf = { 'x-csrf-token': (await login.json()).csrfToken as string };
    return { context, csrf };
  };
  // The region's admin gives a consultant of school 27 a second role: operator of the support service.
  const admin = await api(DEMO.admin);
  const orgs = (await (await admin.context.request.get('/api/organizations')).json()) as Array<{ id: string; slug: string; kind: string }>;
  const school = orgs.find((o) => o.slug === 'school-27')!;
  const support = orgs.find((o) => o.kind === 'support_service')!;
  const email = `two-desks-${id}@example.test`;
  const password = `two-desks-${id}-Pass`;
  const created = await admin.context.request.post('/api/admin/users', {
    headers: admin.csrf,
    data: { email, fullName: 'Двое Мест Работы', password, organizationId: school.id, role: 'consultant' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const userId = (await created.json()).id as string;
  const second = await admin.context.request.post(`/api/admin/users/${userId}/memberships`, {
    headers: admin.csrf,
    data: { organizationId: support.id, role: 'operator' },
  });
  expect(second.status(), await second.text()).toBe(201);
  // A call registered at the support service tells its operators.
  const operator = await api(DEMO.operator);
  const subject = `В школе не открывается журнал ${id}`;
  const call = await operator.context.request.post('/api/requests/intake', {
    headers: operator.csrf,
    data: {
      channel: 'phone',
      subject,
      requester: { kind: 'staff', name: 'Завуч школы № 5', phone: '+7 900 111-22-33' },
      assignToMe: false,
    },
  });
  expect(call.status(), await call.text()).toBe(201);

  // The consultant works at the school; the notice is the support service's.
  const page = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
  await signIn(page, email, password);
  const me = (await (await page.request.get('/api/me')).json()) as {
    csrfToken: string;
    memberships: Array<{ id: string; organizationId: string }>;
  };
  const atSchool = me.memberships.find((m) => m.organizationId === school.id)!;
  await page.request.put('/api/me/membership', { headers: { 'x-csrf-token': me.csrfToken }, data: { membershipId: atSchool.id } });
  await page.goto('/');
  await page.getByTestId('notification-bell').click();
  const notice = page.getByRole('dialog', { name: 'Уведомления' }).getByRole('link', { name: new RegExp(subject) });
  await expect(notice).toContainText('Служба');
  await notice.click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await page.context().close();
  await admin.context.close();
  await operator.context.close();
});

test('when a colleague acted first, the answer typed in the dialog stays to be copied', async ({ page }) => {
  const id = unique();
  await signIn(page, DEMO.consultant);
  const { csrfToken } = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const subject = `Не открывается дневник ${id}`;
  const created = await page.request.post('/api/requests/intake', {
    headers,
    data: { channel: 'phone', subject, requester: { kind: 'parent', name: 'Егорова Анна', phone: '+7 900 222-33-44' }, assignToMe: true },
  });
  expect(created.status(), await created.text()).toBe(201);
  const requestId = (await created.json()).id as string;
  await page.goto(`/requests/${requestId}`);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await page.getByRole('button', { name: 'Решить', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Решить обращение' });
  const answer = 'Зайдите в дневник через Госуслуги ещё раз: доступ восстановлен.';
  await dialog.getByRole('textbox', { name: 'Ответ заявителю' }).fill(answer);
  // Meanwhile a colleague rejects the request.
  const rejected = await page.request.post(`/api/requests/${requestId}/transitions`, {
    headers,
    data: { action: 'reject', reason: 'insufficient_information', body: 'Перезвоните, пожалуйста.' },
  });
  expect(rejected.status(), await rejected.text()).toBe(200);
  await dialog.getByRole('button', { name: 'Решить', exact: true }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Ответ заявителю' })).toHaveValue(answer);
});

test('the head sets the desk policy and adds a topic in the settings', async ({ page }) => {
  const id = unique();
  await signIn(page, DEMO.head);
  await page.goto('/settings/requests');
  await expect(page.getByRole('heading', { name: 'Сроки и нумерация' })).toBeVisible();
  const term = page.getByRole('textbox', { name: 'Срок рассмотрения' });
  await term.fill('10');
  await expect(page.getByText('Регламент требует рассмотреть обращение в течение 7 дней')).toBeVisible();
  await term.fill('5');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Настройки сохранены')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Срок рассмотрения' })).toHaveValue('5');
  // Back to the regulation's term for the other journeys.
  await page.getByRole('textbox', { name: 'Срок рассмотрения' }).fill('7');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Настройки сохранены').first()).toBeVisible();

  await expect(page.getByRole('heading', { name: 'Темы обращений' })).toBeVisible();
  await page.getByRole('button', { name: 'Добавить тему' }).click();
  await page.getByRole('textbox', { name: 'Новая тема' }).fill(`Электронные олимпиады ${id}`);
  await page.getByRole('textbox', { name: 'Новая тема' }).press('Enter');
  await expect(page.getByText(new RegExp(`Тема «Электронные олимпиады ${id}» добавлена`))).toBeVisible();
  await expectNoHorizontalScroll(page);
});
