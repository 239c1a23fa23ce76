/**
 * Vocabulary of the request engine: channels, requester kinds, request types with their legal
 * frame, the regulation's rejection reasons, and the default two-level category taxonomy every
 * new desk starts with (DOMAIN §3.1–3.2). Pure data; user-visible labels live in the i18n
 * catalogue (`requests.channel.*`, `requests.type.*`, …); category names are desk data (Russian).
 */

/** How a request reached the desk (regulation §3–4: in person, parent meeting, phone, e-mail, web site). */
export const CHANNELS = ['in_person', 'parent_meeting', 'phone', 'email', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who asks: a member of the school's staff or a parent / legal representative (regulation §3, §4). */
export const REQUESTER_KINDS = ['staff', 'parent'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

/**
 * Request types (DOMAIN §3.1). Each has the regulation's review term (7 days, the desk's policy)
 * and, where a law applies, a legal term stored separately; the earliest deadline wins.
 */
export const REQUEST_TYPES = [
  'consultation',
  'incident',
  'data_change',
  'training',
  'appeal_59fz',
  'complaint_210fz',
  'pd_request_152fz',
  'out_of_scope',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Rejection reasons of the regulation (§6: insufficient information, incorrect question, non-constructive discussion / late replies). */
export const REJECT_REASONS = ['insufficient_information', 'incorrect_question', 'non_constructive_or_late_replies'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface DefaultSubcategory {
  readonly code: string;
  readonly name: string;
  readonly defaultType?: RequestType;
}

export interface DefaultCategory {
  readonly code: string;
  readonly name: string;
  /** The regulation's consulting area this category covers, if any (§2 item 2). */
  readonly regulationArea?: 'timetable' | 'grades' | 'attendance' | 'lesson_planning' | 'lessons' | 'parents' | 'training';
  readonly defaultType?: RequestType;
  readonly children: readonly DefaultSubcategory[];
}

/**
 * The default taxonomy (DOMAIN §3.2): the regulation's five consulting areas (timetable, grades,
 * attendance, lesson planning, lessons), plus sign-in and access, family links, messages, reports,
 * training, personal data, appeals and out-of-scope questions. Seeded for every new desk; the head
 * or an admin renames, adds and deactivates entries afterwards.
 */
export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = [
  {
    code: 'ACC',
    name: 'Доступ и вход',
    children: [
      { code: 'ACC.1', name: 'Вход через Госуслуги (ЕСИА)' },
      { code: 'ACC.2', name: 'Восстановление доступа, блокировка' },
      { code: 'ACC.3', name: 'Учётная запись ребёнка (до 14 / с 14 лет)' },
      { code: 'ACC.4', name: 'Права и роли сотрудника', defaultType: 'data_change' },
      { code: 'ACC.5', name: 'Браузер, мобильное приложение, технический сбой', defaultType: 'incident' },
    ],
  },
  {
    code: 'FAM',
    name: 'Профиль и семья',
    regulationArea: 'parents',
    defaultType: 'data_change',
    children: [
      { code: 'FAM.1', name: 'Привязка ребёнка к родителю', defaultType: 'data_change' },
      { code: 'FAM.2', name: 'Второй родитель / законный представитель' },
      { code: 'FAM.3', name: 'Исправление ФИО, даты рождения, СНИЛС', defaultType: 'data_change' },
      { code: 'FAM.4', name: 'Прибытие, выбытие, перевод в другой класс', defaultType: 'data_change' },
    ],
  },
  {
    code: 'GRD',
    name: 'Оценки и журнал',
    regulationArea: 'grades',
    children: [
      { code: 'GRD.1', name: 'Выставление текущих отметок' },
      { code: 'GRD.2', name: 'Исправление отметки, период редактирования' },
      { code: 'GRD.3', name: 'Отметка не видна в дневнике' },
      { code: 'GRD.4', name: 'Средний и средневзвешенный балл, обозначения' },
      { code: 'GRD.5', name: 'Итоговые отметки и закрытие периода' },
    ],
  },
  {
    code: 'ATT',
    name: 'Посещаемость',
    regulationArea: 'attendance',
    children: [
      { code: 'ATT.1', name: 'Отметки отсутствия и их исправление' },
      { code: 'ATT.2', name: 'Сообщение родителя об отсутствии' },
      { code: 'ATT.3', name: 'Отчёты по пропускам' },
    ],
  },
  {
    code: 'SCH',
    name: 'Расписание и планирование',
    regulationArea: 'timetable',
    children: [
      { code: 'SCH.1', name: 'Импорт расписания' },
      { code: 'SCH.2', name: 'Замены уроков' },
      { code: 'SCH.3', name: 'Деление на группы' },
      { code: 'SCH.4', name: 'Тематическое планирование (КТП)' },
      { code: 'SCH.5', name: 'Учебные периоды и каникулы' },
    ],
  },
  {
    code: 'HW',
    name: 'Домашние задания и уроки',
    regulationArea: 'lessons',
    children: [
      { code: 'HW.1', name: 'Выдача ДЗ (класс, группа, ученик)' },
      { code: 'HW.2', name: 'Файлы и ссылки' },
      { code: 'HW.3', name: 'Тема урока, комментарии' },
      { code: 'HW.4', name: 'ДЗ не видно ученику' },
    ],
  },
  {
    code: 'MSG',
    name: 'Сообщения и уведомления',
    children: [
      { code: 'MSG.1', name: 'Переписка учитель—родитель' },
      { code: 'MSG.2', name: 'Уведомления не приходят' },
      { code: 'MSG.3', name: 'Объявления класса' },
    ],
  },
  {
    code: 'REP',
    name: 'Отчёты и выгрузки',
    children: [
      { code: 'REP.1', name: 'Печать/архив журнала' },
      { code: 'REP.2', name: 'Ведомости успеваемости' },
      { code: 'REP.3', name: 'Отчёты для администрации' },
    ],
  },
  {
    code: 'TRN',
    name: 'Обучение',
    regulationArea: 'training',
    defaultType: 'training',
    children: [
      { code: 'TRN.1', name: 'Вводное обучение нового сотрудника', defaultType: 'training' },
      { code: 'TRN.2', name: 'Групповое занятие', defaultType: 'training' },
      { code: 'TRN.3', name: 'Выступление на родительском собрании', defaultType: 'training' },
      { code: 'TRN.4', name: 'Индивидуальная консультация по графику' },
    ],
  },
  {
    code: 'PD',
    name: 'Персональные данные и безопасность',
    children: [
      { code: 'PD.1', name: 'Запрос субъекта ПДн', defaultType: 'pd_request_152fz' },
      { code: 'PD.2', name: 'Отзыв согласия', defaultType: 'pd_request_152fz' },
      { code: 'PD.3', name: 'Подозрение на взлом', defaultType: 'incident' },
      { code: 'PD.4', name: 'Возможная утечка', defaultType: 'incident' },
    ],
  },
  {
    code: 'APL',
    name: 'Обращения и жалобы',
    defaultType: 'appeal_59fz',
    children: [
      { code: 'APL.1', name: 'Жалоба на работу консультанта', defaultType: 'appeal_59fz' },
      { code: 'APL.2', name: 'Жалоба на услугу «электронный дневник»', defaultType: 'complaint_210fz' },
      { code: 'APL.3', name: 'Предложение по улучшению', defaultType: 'appeal_59fz' },
    ],
  },
  {
    code: 'OUT',
    name: 'Вне компетенции',
    defaultType: 'out_of_scope',
    children: [
      { code: 'OUT.1', name: 'Питание, пропуск, запись в 1 класс', defaultType: 'out_of_scope' },
      { code: 'OUT.2', name: 'Спор об оценке по существу (педагогический вопрос)', defaultType: 'out_of_scope' },
      { code: 'OUT.3', name: 'Вопросы не о Портале', defaultType: 'out_of_scope' },
    ],
  },
];

/** Type suggested for a (sub)category code of the default taxonomy; `consultation` otherwise. */
export function defaultTypeForCategory(code: string): RequestType {
  for (const category of DEFAULT_CATEGORIES) {
    if (category.code === code) return category.defaultType ?? 'consultation';
    const child = category.children.find((c) => c.code === code);
    if (child) return child.defaultType ?? category.defaultType ?? 'consultation';
  }
  return 'consultation';
}

/**
 * The default number prefix of a desk: the digits of its short name ("МБОУ СОШ №27" → "27"),
 * else "R". Numbers look like `27-26-00042` (prefix-YY-sequence).
 */
export function defaultNumberPrefix(shortName: string): string {
  const digits = shortName.match(/\d+/g)?.join('') ?? '';
  return digits.length > 0 ? digits.slice(0, 10) : 'R';
}
