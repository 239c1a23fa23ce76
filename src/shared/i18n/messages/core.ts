/**
 * Core messages: errors, fields, roles, organisation kinds, sign-in e-mails.
 * Each area of the product keeps its Russian messages in one file of this folder and their English
 * texts in en/ under the same name, with exactly the same keys (checked by the type) and {params}
 * (checked by catalogue.test.ts). Each language is its own module, so the web app loads only the
 * language it shows.
 * Plural forms: "{count, plural, one {…} few {…} many {…} other {…}}" (Intl.PluralRules categories).
 */
export const ru = {
  'app.name': 'Опора',
  'app.tagline': 'Помощь при переходе на электронный журнал',

  'error.VALIDATION': 'Проверьте введённые данные.',
  'error.INVALID_JSON': 'Тело запроса не является корректным JSON.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'Этот формат данных не поддерживается.',
  'error.PAYLOAD_TOO_LARGE': 'Слишком большой объём данных.',
  'error.NOT_FOUND': 'Не найдено.',
  'error.ROUTE_NOT_FOUND': 'Такого адреса нет.',
  'error.UNAUTHENTICATED': 'Войдите в систему.',
  'error.FORBIDDEN': 'Недостаточно прав для этого действия.',
  'error.CSRF': 'Сессия устарела. Обновите страницу и повторите действие.',
  'error.CONFLICT': 'Конфликт с текущим состоянием данных.',
  'error.INVALID_TRANSITION': 'Это действие недоступно в текущем состоянии.',
  'error.RATE_LIMITED': 'Слишком много запросов. Повторите через {seconds} с.',
  'error.INTERNAL': 'Внутренняя ошибка. Сообщите администратору код запроса {requestId}.',
  'error.INVALID_CREDENTIALS': 'Неверный адрес электронной почты или пароль.',
  'error.ACCOUNT_LOCKED': 'Слишком много неудачных попыток входа. Вход заблокирован до {until}.',
  'error.ACCOUNT_DISABLED': 'Учётная запись отключена. Обратитесь к администратору.',
  'error.RESET_TOKEN_INVALID': 'Ссылка для смены пароля недействительна или устарела. Запросите новую.',
  'error.WEAK_PASSWORD': 'Пароль должен содержать не менее 10 символов.',
  'error.EMAIL_TAKEN': 'Пользователь с таким адресом уже есть.',
  'error.SLUG_TAKEN': 'Такой короткий адрес уже занят.',
  'error.MEMBERSHIP_EXISTS': 'У пользователя уже есть эта роль в этой организации.',
  'error.ORG_PARENT_INVALID': 'Недопустимая вышестоящая организация.',
  'error.LAST_ADMIN': 'Нельзя удалить последнего администратора.',
  'error.INVALID_CHARACTERS':
    'В тексте есть недопустимый символ (нулевой байт). Уберите его, например перепечатав скопированный фрагмент, и отправьте ещё раз.',
  'error.userOutsideScope':
    'Этот человек состоит и в организациях, которые вам не подчинены: изменить его учётную запись (пароль, имя, доступ) может администратор, которому подчинены все они.',

  'field.required': 'Обязательное поле.',
  'field.invalid': 'Недопустимое значение.',
  'field.tooShort': 'Не короче {min} символов.',
  'field.tooLong': 'Не длиннее {max} символов.',
  'field.email': 'Введите адрес электронной почты.',
  'field.format': 'Неверный формат.',
  'field.timeZone': 'Неизвестный часовой пояс: укажите его как в базе IANA, например Europe/Moscow или Asia/Yekaterinburg.',
  'field.unknown': 'Неизвестное поле.',
  'field.type': 'Неверный тип значения.',
  'field.enum': 'Выберите одно из допустимых значений.',
  'field.range': 'Значение вне допустимого диапазона.',

  'role.head': 'Руководитель',
  'role.consultant': 'Консультант',
  'role.staff': 'Сотрудник',
  'role.parent': 'Родитель',
  'role.operator': 'Оператор Службы поддержки',
  'role.admin': 'Администратор',

  'orgKind.region': 'Регион',
  'orgKind.municipality': 'Муниципалитет',
  'orgKind.school': 'Школа',
  'orgKind.support_service': 'Служба поддержки',

  'mail.error.notConfigured': 'почтовый сервер не настроен (переменная SMTP_HOST)',
  'mail.passwordReset.subject': 'Опора: смена пароля',
  'mail.passwordReset.body':
    'Здравствуйте, {name}!\n\nЧтобы задать новый пароль, откройте ссылку (действует {minutes} мин.):\n{link}\n\nЕсли вы не запрашивали смену пароля, просто проигнорируйте это письмо.\n\n— Опора',

  'count.days': '{count, plural, one {# день} few {# дня} many {# дней} other {# дня}}',
  'count.requests': '{count, plural, one {# обращение} few {# обращения} many {# обращений} other {# обращения}}',
} as const;
