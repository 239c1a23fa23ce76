/**
 * Texts of the section «Акты об уничтожении данных» on the «Персональные данные» tab (`privacy.acts.*`).
 */
export const ru = {
  'privacy.acts.title': 'Акты об уничтожении данных',
  'privacy.acts.lead':
    'Когда Опора обезличивает обращения — ночью по сроку хранения или по требованию человека, — это записывается в журнал. Выберите период и скачайте акт об уничтожении с выгрузкой из журнала (приказ Роскомнадзора № 179): его подписывают ответственные лица и хранят три года.',
  'privacy.acts.from': 'С',
  'privacy.acts.to': 'По',
  'privacy.acts.show': 'Показать',
  'privacy.acts.download': 'Скачать акт (PDF)',
  'privacy.acts.none': 'За этот период персональные данные не уничтожались — акт не нужен.',
  'privacy.acts.found':
    '{n, plural, one {# запись журнала} few {# записи журнала} many {# записей журнала} other {# записи журнала}}, обращений: {requests}.',
  'privacy.acts.requests': 'Обращения',
  'privacy.acts.reason.retention': 'Срок хранения',
  'privacy.acts.reason.subject_request': 'Требование человека',
  'privacy.acts.who.system': 'Автоматически',
  'privacy.acts.more': 'и ещё {n}',
  'privacy.error.actNothingErased': 'За этот период персональные данные не уничтожались: акт составлять не о чем',
  'privacy.error.actTooMany': 'За этот период слишком много записей для одного акта: выберите период короче',
  'privacy.error.period.invalidDate': 'Укажите дату в формате ГГГГ-ММ-ДД',
  'privacy.error.period.reversed': 'Конец периода раньше его начала',
  'privacy.error.period.tooLong': 'Один акт охватывает не больше года: выберите период короче',
} as const;
