/**
 * Extension of a legal answer term (59-FZ art. 12 part 2): a parent files a written appeal, the
 * head extends its term from the request's «Сроки» card with a reason, the consultant is not
 * offered the action, and the parent reads the new term and the reason on their request's page.
 */
import type { Page } from '@playwright/test';
import { DEMO, expect, expectNoHorizontalScroll, seriousViolations, signIn, skipWithoutBrowser, test, unique } from './fixtures.ts';

skipWithoutBrowser();

async function fileAppeal(page: Page, subject: string): Promise<string> {
  await signIn(page, DEMO.parent);
  const me = (await (await page.request.get('/api/me')).json()) as { csrfToken: string };
  const created = await page.request.post('/api/requests', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      subject,
      type: 'appeal_59fz',
      whatDid: 'Открыла дневник дочери, 7 «Б», итоговые оценки за вторую четверть по истории',
      expected: 'Увидеть итоговую оценку, которую учитель объявил в классе',
      happened: 'В журнале стоит другая оценка, прошу проверить и ответить письменно',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

test('the head extends a 59-FZ appeal’s answer term with a reason; the consultant is not offered it; the parent sees it', async ({
  page,
}) => {
  const subject = `Письменное обращение об итоговой оценке ${unique()}`;
  const reason = 'Нужна проверка журнала за вторую четверть комиссией школы; она соберётся после каникул.';
  const id = await fileAppeal(page, subject);

  await signIn(page, DEMO.consultant);
  await page.goto(`/requests/${id}`);
  await expect(page.getByRole('heading', { name: 'Сроки' })).toBeVisible();
  await expect(page.getByText('Ответ по закону (59-FZ)')).toBeVisible();
  await expect(page.getByTestId('legal-extension-open')).toHaveCount(0);

  await signIn(page, DEMO.head);
  await page.goto(`/requests/${id}`);
  const deadlines = page.getByRole('region', { name: 'Сроки' });
  const before = (await deadlines.locator('dt:text-is("Ответ по закону (59-FZ)") + dd').textContent()) ?? '';
  await page.getByRole('button', { name: 'Продлить срок ответа' }).click();
  const dialog = page.getByRole('dialog', { name: 'Продление срока ответа по закону' });
  await expect(dialog.getByText('не более чем на 30 дней')).toBeVisible();
  await expect(dialog.getByText(`Письмо уйдёт на ${DEMO.parent}.`)).toBeVisible();

  // No reason: refused at the field, nothing changes.
  await dialog.getByRole('button', { name: 'Продлить срок' }).click();
  await expect(dialog.getByText('Укажите причину продления: она будет сообщена заявителю.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await dialog.getByRole('textbox', { name: 'Причина продления' }).fill(reason);
  await dialog.getByRole('button', { name: 'Продлить срок' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/^Срок ответа продлён до \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/)).toBeVisible();
  const after = (await deadlines.locator('dt:text-is("Ответ по закону (59-FZ)") + dd').textContent()) ?? '';
  expect(after).not.toBe(before);
  await expect(deadlines.getByText('Срок продлён')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Продлить срок ответа' })).toHaveCount(0);
  await expect(page.getByText(`Срок ответа по закону продлён: ${before} → ${after}`)).toBeVisible();
  await expect(page.getByText(reason)).toBeVisible();

  await signIn(page, DEMO.parent);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/my-requests/${id}`);
  await expect(page.getByRole('heading', { name: `Срок ответа продлён до ${after.slice(0, 10)}` })).toBeVisible();
  await expect(page.getByTestId('request-legal-due')).toHaveText(`${after.slice(0, 10)} (продлён)`);
  await expect(page.getByText(reason)).toBeVisible();
  await expectNoHorizontalScroll(page);
});
