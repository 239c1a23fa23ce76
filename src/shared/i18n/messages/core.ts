/**
 * Core messages: errors, fields, roles, organisation kinds, sign-in e-mails.
 * Each area of the product keeps its messages in one file of this folder, Russian first; the
 * English object must have exactly the same keys (checked by its type).
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

  'field.required': 'Обязательное поле.',
  'field.invalid': 'Недопустимое значение.',
  'field.tooShort': 'Не короче {min} символов.',
  'field.tooLong': 'Не длиннее {max} символов.',
  'field.email': 'Введите адрес электронной почты.',
  'field.format': 'Неверный формат.',
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

export const en: Record<keyof typeof ru, string> = {
  'app.name': 'Opora',
  'app.tagline': 'Help with the move to the electronic grade journal',

  'error.VALIDATION': 'Please check the data you entered.',
  'error.INVALID_JSON': 'The request body is not valid JSON.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'This data format is not supported.',
  'error.PAYLOAD_TOO_LARGE': 'The data is too large.',
  'error.NOT_FOUND': 'Not found.',
  'error.ROUTE_NOT_FOUND': 'There is no such address.',
  'error.UNAUTHENTICATED': 'Please sign in.',
  'error.FORBIDDEN': 'You do not have permission to do this.',
  'error.CSRF': 'Your session is out of date. Reload the page and try again.',
  'error.CONFLICT': 'This conflicts with the current state of the data.',
  'error.INVALID_TRANSITION': 'This action is not available in the current state.',
  'error.RATE_LIMITED': 'Too many requests. Try again in {seconds} s.',
  'error.INTERNAL': 'Internal error. Give the administrator the request code {requestId}.',
  'error.INVALID_CREDENTIALS': 'Wrong e-mail address or password.',
  'error.ACCOUNT_LOCKED': 'Too many failed sign-in attempts. Sign-in is locked until {until}.',
  'error.ACCOUNT_DISABLED': 'The account is disabled. Contact the administrator.',
  'error.RESET_TOKEN_INVALID': 'The password reset link is invalid or has expired. Request a new one.',
  'error.WEAK_PASSWORD': 'The password must be at least 10 characters long.',
  'error.EMAIL_TAKEN': 'A user with this address already exists.',
  'error.SLUG_TAKEN': 'This short address is already taken.',
  'error.MEMBERSHIP_EXISTS': 'The user already has this role in this organisation.',
  'error.ORG_PARENT_INVALID': 'This parent organisation is not allowed.',
  'error.LAST_ADMIN': 'The last administrator cannot be removed.',

  'field.required': 'Required.',
  'field.invalid': 'Invalid value.',
  'field.tooShort': 'At least {min} characters.',
  'field.tooLong': 'At most {max} characters.',
  'field.email': 'Enter an e-mail address.',
  'field.format': 'Wrong format.',
  'field.unknown': 'Unknown field.',
  'field.type': 'Wrong type of value.',
  'field.enum': 'Choose one of the allowed values.',
  'field.range': 'Value out of range.',

  'role.head': 'Head',
  'role.consultant': 'Consultant',
  'role.staff': 'Staff',
  'role.parent': 'Parent',
  'role.operator': 'Support operator',
  'role.admin': 'Administrator',

  'orgKind.region': 'Region',
  'orgKind.municipality': 'Municipality',
  'orgKind.school': 'School',
  'orgKind.support_service': 'Support service',

  'mail.error.notConfigured': 'the mail server is not configured (SMTP_HOST)',
  'mail.passwordReset.subject': 'Opora: password reset',
  'mail.passwordReset.body':
    'Hello, {name}!\n\nTo set a new password, open this link (valid for {minutes} min):\n{link}\n\nIf you did not ask for a password reset, ignore this e-mail.\n\n— Opora',

  'count.days': '{count, plural, one {# day} other {# days}}',
  'count.requests': '{count, plural, one {# request} other {# requests}}',
};
