/**
 * Demo requests of school No. 27 (DOMAIN §3.3): fifteen realistic requests by every channel, in
 * every status — new, in progress, waiting for the requester, resolved, closed, rejected, one
 * overdue — registered over the last two weeks with their timelines. Runs inside the demo seed's
 * transaction, through the same registration and transition code as the API (each step with the
 * clock set to when it happened); no acknowledgement e-mails are sent for registrations.
 */
import type { RejectReason, RequestType } from '../../../domain/requests/taxonomy.ts';
import type { Channel } from '../../../domain/requests/taxonomy.ts';
import type { Executor } from '../../db/database.ts';
import type { Deps } from '../../deps.ts';
import { systemContext, type RequestContext } from '../../http/actor.ts';
import { fixedClock } from '../../lib/clock.ts';
import type { DemoOrganizations } from '../../seed/demo.ts';
import { findUserByEmail } from '../identity/identity.lookup.ts';
import { listCategories } from './desk.repository.ts';
import { loadDesk } from './desk.service.ts';
import { registerRequest } from './request-register.ts';
import { appendStaffMessage, applyTransition, assign } from './request-transitions.ts';
import * as repo from './requests.repository.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Step =
  | { at: number; do: 'assign' | 'start' | 'close' }
  | { at: number; do: 'clarify' | 'reply' | 'note' | 'resolve' | 'requesterReply'; body: string }
  | { at: number; do: 'reject'; reason: RejectReason; body: string };

interface DemoRequest {
  /** Days before now the request was registered. */
  daysAgo: number;
  channel: Channel;
  requester: 'parent' | 'teacher' | { kind: 'staff' | 'parent'; name: string; phone?: string; email?: string };
  childClass?: string;
  category: string;
  type?: RequestType;
  subject: string;
  description: string;
  steps: Step[];
}

const PARENT_CONTACT = (name: string, phone: string) => ({ kind: 'parent' as const, name, phone });

const DEMO: DemoRequest[] = [
  {
    daysAgo: 0.2,
    channel: 'web',
    requester: 'parent',
    childClass: '5 «Б»',
    category: 'ACC.1',
    subject: 'Не могу войти через Госуслуги',
    description: 'Здравствуйте! Пытаюсь зайти через Госуслуги, пишет, что учётная запись не найдена. Дочь в 5 «Б». Что делать?',
    steps: [],
  },
  {
    daysAgo: 1,
    channel: 'phone',
    requester: PARENT_CONTACT('Волкова Ирина Павловна', '+7 916 111-22-33'),
    category: 'FAM.3',
    type: 'data_change',
    subject: 'Отчество с «ё» на Госуслугах и «е» в школе',
    description: 'У меня на Госуслугах отчество с буквой «ё», а в школе, кажется, записали через «е». Из-за этого не пускает?',
    steps: [
      { at: 0, do: 'assign' },
      { at: 1, do: 'note', body: 'Проверить карточку родителя у секретаря.' },
    ],
  },
  {
    daysAgo: 2,
    channel: 'email',
    requester: PARENT_CONTACT('Морозов Сергей Ильич', '+7 903 222-33-44'),
    childClass: '5 «А»',
    category: 'ACC.3',
    subject: 'Отдельный вход для сына 11 лет',
    description: 'Сыну 11 лет. Как сделать ему отдельный вход, чтобы он сам смотрел домашку?',
    steps: [
      { at: 0.5, do: 'assign' },
      {
        at: 1,
        do: 'reply',
        body: 'Учётную запись ребёнка до 14 лет создаёт родитель в своём профиле: «Дети» → «Создать вход». Инструкция — в статье «Вход для ребёнка».',
      },
      { at: 2, do: 'resolve', body: 'Отправили инструкцию по созданию входа для ребёнка.' },
    ],
  },
  {
    daysAgo: 3,
    channel: 'web',
    requester: 'parent',
    childClass: '1 «В»',
    category: 'FAM.1',
    type: 'data_change',
    subject: 'Не вижу младшую дочь в дневнике',
    description: 'В дневнике вижу только старшего ребёнка, младшая пошла в 1 класс в этом году — её нет.',
    steps: [
      { at: 1, do: 'assign' },
      { at: 2, do: 'clarify', body: 'Уточните, пожалуйста, ФИО и дату рождения дочери — проверим привязку.' },
    ],
  },
  {
    daysAgo: 4,
    channel: 'parent_meeting',
    requester: PARENT_CONTACT('Никитина Ольга', '+7 925 333-44-55'),
    childClass: '7 «А»',
    category: 'FAM.2',
    subject: 'Подключить второго родителя',
    description: 'Мы с мужем оба хотим видеть оценки. Можно ли подключить второго родителя?',
    steps: [
      { at: 0, do: 'assign' },
      { at: 0.2, do: 'resolve', body: 'На собрании показали, как второй родитель подаёт заявку на привязку через Госуслуги.' },
      { at: 3, do: 'close' },
    ],
  },
  {
    daysAgo: 5,
    channel: 'email',
    requester: PARENT_CONTACT('Лебедева Анна', '+7 926 444-55-66'),
    childClass: '6 «Б»',
    category: 'GRD.3',
    subject: 'Пятёрки за контрольную нет в дневнике',
    description: 'Учительница сказала, что поставила пятёрку за контрольную в среду, а в дневнике пусто.',
    steps: [
      { at: 2, do: 'assign' },
      { at: 3, do: 'start' },
      { at: 4, do: 'note', body: 'Учитель не сохранил урок. Попросила сохранить.' },
    ],
  },
  {
    daysAgo: 9,
    channel: 'web',
    requester: PARENT_CONTACT('Григорьев Павел', '+7 915 555-66-77'),
    childClass: '8 «А»',
    category: 'GRD.4',
    subject: 'Как считается средний балл',
    description: 'Почему за четверть выходит «4», если у сына больше пятёрок, чем четвёрок? Как считается средний балл?',
    steps: [{ at: 30, do: 'start' }],
  },
  {
    daysAgo: 6,
    channel: 'in_person',
    requester: 'teacher',
    category: 'GRD.2',
    subject: 'Не могу исправить оценку двухнедельной давности',
    description: 'Не могу исправить оценку за урок двухнедельной давности — ячейка серая.',
    steps: [
      { at: 0, do: 'assign' },
      { at: 0.5, do: 'reply', body: 'Период редактирования — 14 дней. Открыли доступ на сутки через администратора.' },
      { at: 1, do: 'resolve', body: 'Доступ к редактированию открыт, оценка исправлена.' },
    ],
  },
  {
    daysAgo: 7,
    channel: 'email',
    requester: { kind: 'staff', name: 'Сидорова Вера Николаевна', email: 'sidorova@school27.demo' },
    category: 'GRD.5',
    subject: 'Нет колонки «итог» в 10-х классах',
    description: 'Как выставить итоговые за первое полугодие в 10-х классах? Колонки «итог» у меня нет.',
    steps: [
      { at: 1, do: 'assign' },
      { at: 2, do: 'resolve', body: 'Колонка появляется после закрытия периода завучем. Период закрыт — колонка на месте.' },
      { at: 100, do: 'close' },
    ],
  },
  {
    daysAgo: 2,
    channel: 'in_person',
    requester: { kind: 'staff', name: 'Фёдорова Татьяна (кл. рук. 4 «А»)', phone: '+7 900 600-70-80' },
    category: 'ATT.1',
    subject: 'Заменить «н» на пропуск по болезни за неделю',
    description: 'Ребёнок болел неделю, справку принесли. Как поменять «н» на пропуск по болезни сразу за все дни?',
    steps: [
      { at: 0, do: 'assign' },
      { at: 0.3, do: 'reply', body: 'В журнале посещаемости выделите дни и выберите «Уважительная причина — болезнь».' },
    ],
  },
  {
    daysAgo: 8,
    channel: 'email',
    requester: { kind: 'staff', name: 'Алексеева Наталья (завуч)', email: 'zavuch@school27.demo' },
    category: 'SCH.1',
    type: 'incident',
    subject: 'Импорт расписания: ошибка формата',
    description: 'Составили расписание в программе, а импорт в Портал выдаёт ошибку формата.',
    steps: [
      { at: 1, do: 'assign' },
      { at: 2, do: 'clarify', body: 'Пришлите, пожалуйста, файл и снимок экрана с ошибкой.' },
      { at: 50, do: 'requesterReply', body: 'Файл в формате XLSX, ошибка «неверный столбец “Кабинет”».' },
      { at: 52, do: 'note', body: 'Похоже на сбой Портала, готовлю обращение во 2-ю линию.' },
    ],
  },
  {
    daysAgo: 10,
    channel: 'in_person',
    requester: 'teacher',
    category: 'SCH.3',
    subject: 'Английский по подгруппам',
    description: 'У нас английский по подгруппам, а в журнале весь класс в одной группе. Как разделить?',
    steps: [
      { at: 0, do: 'assign' },
      { at: 0.2, do: 'resolve', body: 'Показали деление класса на группы в разделе «Учебный план».' },
      { at: 200, do: 'close' },
    ],
  },
  {
    daysAgo: 1.5,
    channel: 'web',
    requester: PARENT_CONTACT('Кравцова Юлия', '+7 999 777-88-99'),
    childClass: '3 «Б»',
    category: 'PD.1',
    type: 'pd_request_152fz',
    subject: 'Какие персональные данные ребёнка хранятся',
    description: 'Прошу сообщить, какие персональные данные моего ребёнка хранятся в электронном журнале и кому они передаются.',
    steps: [{ at: 2, do: 'assign' }],
  },
  {
    daysAgo: 3,
    channel: 'phone',
    requester: PARENT_CONTACT('Белов Игорь', '+7 901 888-99-00'),
    childClass: '9 «А»',
    category: 'OUT.2',
    type: 'out_of_scope',
    subject: 'Убрать двойку из журнала',
    description: 'Учитель занижает оценки моему ребёнку, уберите эту двойку из журнала.',
    steps: [
      {
        at: 1,
        do: 'reject',
        reason: 'incorrect_question',
        body: 'Оценку по существу выставляет учитель; спорные оценки рассматривает администрация школы. Обратитесь, пожалуйста, к заместителю директора.',
      },
    ],
  },
  {
    daysAgo: 0.5,
    channel: 'phone',
    requester: 'teacher',
    category: 'ACC.5',
    type: 'incident',
    subject: 'Журнал не открывается — «ошибка сервера»',
    description: 'С утра журнал не открывается ни у кого в учительской — «ошибка сервера».',
    steps: [
      { at: 0, do: 'assign' },
      { at: 0.1, do: 'start' },
      { at: 0.2, do: 'note', body: 'Нештатная ситуация: сообщено в Службу поддержки Портала по телефону.' },
    ],
  },
];

function contextFor(
  user: { id: string; email: string; fullName: string },
  role: 'consultant' | 'staff' | 'parent',
  orgs: DemoOrganizations,
): RequestContext {
  return {
    actor: {
      userId: user.id,
      email: user.email,
      fullName: user.fullName,
      locale: 'ru',
      sessionId: 'demo-seed',
      csrfToken: '',
      membership: {
        id: 'demo-seed',
        role,
        organizationId: orgs.school.id,
        organizationPath: orgs.school.path,
        organizationName: 'МБОУ СОШ №27',
        organizationShortName: 'МБОУ СОШ №27',
        organizationKind: 'school',
        organizationSlug: 'school-27',
        organizationTimeZone: 'Europe/Moscow',
      },
      memberships: [],
    },
    ip: null,
    requestId: 'demo-seed',
    locale: 'ru',
  };
}

async function demoUser(tx: Executor, email: string) {
  const user = await findUserByEmail(tx, email);
  if (!user) throw new Error(`demo user ${email} is missing`);
  return user;
}

/** The demo seed step (registered in src/server/seed/demo.ts). */
export async function seedDemoRequests(tx: Executor, orgs: DemoOrganizations, deps: Deps): Promise<void> {
  const consultant = await demoUser(tx, 'consultant@school27.demo');
  const parent = await demoUser(tx, 'parent@school27.demo');
  const teacher = await demoUser(tx, 'teacher@school27.demo');
  const staffCtx = contextFor(consultant, 'consultant', orgs);
  await loadDesk(tx, orgs.school.id);
  const categories = new Map((await listCategories(tx, orgs.school.id)).map((c) => [c.code, c.id]));
  const now = deps.clock.now().getTime();

  for (const demo of DEMO) {
    const registeredAt = Math.round((now - demo.daysAgo * DAY) / 60_000) * 60_000;
    const at = (hours: number) => ({ ...deps, clock: fixedClock(new Date(Math.min(registeredAt + hours * HOUR, now))) });
    const byUser = demo.requester === 'parent' ? parent : demo.requester === 'teacher' ? teacher : null;
    const requesterCtx = byUser ? contextFor(byUser, demo.requester === 'parent' ? 'parent' : 'staff', orgs) : systemContext();
    const selfService = demo.channel === 'web' && byUser !== null;
    const requester =
      typeof demo.requester === 'object'
        ? demo.requester
        : { kind: demo.requester === 'parent' ? ('parent' as const) : ('staff' as const), userId: byUser?.id };
    const { request } = await registerRequest(tx, at(0), selfService ? requesterCtx : staffCtx, {
      organizationId: orgs.school.id,
      channel: demo.channel,
      type: demo.type,
      categoryId: categories.get(demo.category) ?? null,
      subject: demo.subject,
      description: demo.description,
      requester,
      childClass: demo.childClass,
      wordingMode: selfService ? 'requester' : 'intake',
      registeredBy: selfService ? 'requester' : 'staff',
      notify: false,
    });
    for (const step of demo.steps) {
      const stepDeps = at(step.at);
      const row = await repo.lockRequest(tx, request.id);
      if (!row) throw new Error('demo request vanished');
      const loaded = { row, desk: await loadDesk(tx, orgs.school.id) };
      switch (step.do) {
        case 'assign':
          await assign(tx, stepDeps, staffCtx, loaded, consultant.id);
          break;
        case 'start':
        case 'close':
          await applyTransition(tx, stepDeps, staffCtx, loaded, 'staff', { action: step.do });
          break;
        case 'clarify':
          await applyTransition(tx, stepDeps, staffCtx, loaded, 'staff', { action: 'request_clarification', body: step.body });
          break;
        case 'resolve':
          await applyTransition(tx, stepDeps, staffCtx, loaded, 'staff', { action: 'resolve', body: step.body });
          break;
        case 'reject':
          await applyTransition(tx, stepDeps, staffCtx, loaded, 'staff', { action: 'reject', reason: step.reason, body: step.body });
          break;
        case 'reply':
        case 'note':
          await appendStaffMessage(tx, stepDeps, staffCtx, loaded, step.do, step.body, []);
          break;
        case 'requesterReply':
          await applyTransition(tx, stepDeps, requesterCtx, loaded, 'requester', { action: 'requester_reply', body: step.body });
          break;
      }
    }
  }
}
