/**
 * Messages of the request engine: statuses, actions, channels, types, rejection reasons, deadline
 * badges, timeline events, wording hints, errors, e-mail templates and in-app notifications.
 * Russian; the English texts are in en/ with exactly the same keys.
 */
export const ru = {
  'error.REQUEST_WORDING_UNCLEAR': 'Опишите затруднение понятнее: консультант должен понять, что случилось и что вы хотели сделать.',
  'error.CONSENT_REQUIRED': 'Чтобы отправить обращение, нужно согласие на обработку персональных данных.',
  'error.ATTACHMENT_TOO_MANY': 'Не больше {max} файлов в одном сообщении.',
  'error.INVALID_MULTIPART': 'Не удалось прочитать отправленную форму с файлами: она пришла не полностью или повреждена. Отправьте её ещё раз.',
  'error.ATTACHMENT_TOO_LARGE': 'Файл «{name}» больше {maxMb} МБ.',
  'error.ATTACHMENT_TYPE_NOT_ALLOWED': 'Файл «{name}» не принят: можно прикладывать только изображения (PNG, JPEG, WebP, GIF) и PDF.',

  'requests.error.invalidTransition': 'Действие «{action}» недоступно: обращение в статусе «{status}».',
  'requests.error.reopenWindowExpired': 'Обращение решено больше {days} дн. назад, открыть его повторно нельзя. Создайте новое обращение.',
  'requests.error.legalExtension.finished': 'Обращение уже рассмотрено: продлевать срок ответа незачем.',
  'requests.error.legalExtension.notAllowed':
    'Для этого типа обращения закон не предусматривает продления срока. Продлить можно срок ответа на обращение по 59-ФЗ (до 30 дней) и на запрос по 152-ФЗ (до 5 рабочих дней).',
  'requests.error.legalExtension.done': 'Срок ответа по этому обращению уже продлевался. Закон позволяет продлить его один раз.',
  'requests.field.extensionReasonRequired': 'Укажите причину продления: она будет сообщена заявителю.',
  'requests.legalExtension.law.59-FZ': 'ч. 2 ст. 12 Федерального закона от 02.05.2006 № 59-ФЗ',
  'requests.legalExtension.law.152-FZ': 'ч. 3 ст. 20 Федерального закона от 27.07.2006 № 152-ФЗ',
  'requests.mail.legalExtension.subject': 'Срок ответа по обращению {number} продлён до {legalDueAt}',
  'requests.mail.legalExtension.body':
    'Здравствуйте, {name}!\n\nСрок ответа на ваше обращение {number} «{subject}» продлён до {legalDueAt} ({law}).\n\nПричина: {message}',
  'requests.event.legal_term_extended': 'Срок ответа по закону продлён',
  'requests.error.noDesk': 'Эта организация не принимает обращения.',
  'requests.error.anonymized':
    'Обращение обезличено: его персональные данные удалены, изменить его больше нельзя. Если человек обратится снова, зарегистрируйте новое обращение.',

  'requests.field.bodyRequired': 'Напишите текст сообщения.',
  'requests.field.reasonRequired': 'Выберите причину отказа.',
  'requests.field.commentRequired': 'Напишите комментарий для заявителя: он увидит его вместе с причиной.',
  'requests.field.assigneeInvalid': 'Назначить можно только консультанта, руководителя или администратора этой организации.',
  'requests.field.categoryInvalid': 'Такой категории нет в этой организации или она отключена.',
  'requests.field.categoryParentInvalid': 'Подкатегорию можно добавить только к категории верхнего уровня этой организации.',
  'requests.field.categoryCodeTaken': 'Категория с таким кодом уже есть.',
  'requests.field.contactRequired': 'Укажите e-mail или телефон, чтобы мы могли ответить.',
  'requests.field.requesterNotFound': 'Такого сотрудника или родителя нет в этой организации.',
  'requests.field.receivedInFuture': 'Дата поступления не может быть позже текущего момента.',
  'requests.field.consentRequired': 'Подтвердите согласие на обработку персональных данных.',
  'requests.field.prefixInvalid': 'Префикс — от 1 до 10 букв или цифр.',
  'requests.field.nothingToSend': 'Напишите сообщение или приложите файл.',
  'requests.field.unsupportedAction': 'Это действие выполняется не здесь.',

  'requests.wording.subject_too_short': 'Тема слишком короткая: в двух-трёх словах, о чём обращение.',
  'requests.wording.no_letters': 'Напишите словами, в чём затруднение.',
  'requests.wording.empty': 'Опишите, что вы делали, что ожидали увидеть и что произошло.',
  'requests.wording.too_short': 'Слишком коротко. Опишите, что вы делали, что ожидали увидеть и что произошло.',
  'requests.wording.vague': 'Непонятно, в чём затруднение. Укажите раздел Портала, класс или урок, и что именно не получается.',
  'requests.wording.all_caps': 'Текст набран заглавными буквами — так его труднее читать.',
  'requests.wording.repeated_characters': 'В тексте много повторяющихся символов.',
  'requests.wording.structure_incomplete': 'Заполните и это поле — так консультант быстрее поймёт задачу.',
  'requests.wording.sensitive_data': 'Похоже, в тексте есть СНИЛС или паспортные данные. Не указывайте их без необходимости.',

  'requests.status.new': 'Новое',
  'requests.status.in_progress': 'В работе',
  'requests.status.waiting_for_requester': 'Ждём ответа заявителя',
  'requests.status.resolved': 'Решено',
  'requests.status.closed': 'Закрыто',
  'requests.status.rejected': 'Отклонено',

  'requests.action.start': 'Взять в работу',
  'requests.action.request_clarification': 'Запросить уточнение',
  'requests.action.requester_reply': 'Ответить',
  'requests.action.resolve': 'Решить',
  'requests.action.close': 'Закрыть',
  'requests.action.auto_close': 'Закрыть автоматически',
  'requests.action.reopen': 'Открыть повторно',
  'requests.action.reject': 'Отклонить',

  'requests.channel.in_person': 'Личный приём',
  'requests.channel.parent_meeting': 'Родительское собрание',
  'requests.channel.phone': 'Телефон',
  'requests.channel.email': 'Электронная почта',
  'requests.channel.web': 'Сайт школы',

  'requests.requesterKind.staff': 'Сотрудник',
  'requests.requesterKind.parent': 'Родитель (законный представитель)',

  'requests.type.consultation': 'Консультация',
  'requests.type.incident': 'Инцидент / сбой',
  'requests.type.data_change': 'Изменение данных',
  'requests.type.training': 'Обучение',
  'requests.type.appeal_59fz': 'Обращение по 59-ФЗ',
  'requests.type.complaint_210fz': 'Жалоба на муниципальную услугу (210-ФЗ)',
  'requests.type.pd_request_152fz': 'Запрос субъекта персональных данных (152-ФЗ)',
  'requests.type.out_of_scope': 'Вне компетенции',

  'requests.rejectReason.insufficient_information': 'Недостаточно информации, чтобы найти и решить проблему',
  'requests.rejectReason.incorrect_question': 'Вопрос поставлен некорректно',
  'requests.rejectReason.non_constructive_or_late_replies': 'Обсуждение неконструктивно или сведения не предоставлены вовремя',

  'requests.badge.on_track': 'В срок',
  'requests.badge.due_soon': 'Срок скоро',
  'requests.badge.overdue': 'Просрочено',
  'requests.badge.paused': 'Срок приостановлен',
  'requests.badge.met': 'Срок соблюдён',
  'requests.badge.missed': 'Срок нарушен',

  'requests.view.mine': 'Мои',
  'requests.view.unassigned': 'Без исполнителя',
  'requests.view.open': 'Открытые',
  'requests.view.overdue': 'Просроченные',
  'requests.view.waiting': 'Ждём ответа',
  'requests.view.all': 'Все',

  'requests.event.created': 'Обращение зарегистрировано',
  'requests.event.status_changed': 'Статус изменён: {from} → {to}',
  'requests.event.reply': 'Ответ консультанта',
  'requests.event.note': 'Внутренняя заметка',
  'requests.event.requester_reply': 'Сообщение заявителя',
  'requests.event.assigned': 'Назначен исполнитель',
  'requests.event.unassigned': 'Исполнитель снят',
  'requests.event.classification_changed': 'Изменены категория или тип',
  'requests.event.deadline_changed': 'Срок пересчитан',
  'requests.event.reminder_sent': 'Отправлено напоминание о сроке',
  'requests.event.escalated': 'Срок нарушен: сообщено руководителю',
  'requests.event.anonymized': 'Персональные данные обезличены',
  'requests.delivery.pending': 'Письмо в очереди',
  'requests.delivery.sent': 'Письмо отправлено',
  'requests.delivery.failed': 'Письмо не доставлено',

  'privacy.error.criteriaRequired': 'Укажите адрес электронной почты или телефон человека',
  'privacy.error.phoneTooShort': 'В номере телефона слишком мало цифр: нужно не меньше семи',

  'requests.unassigned': 'не назначен',
  'requests.noDeadline': 'срок приостановлен',

  'requests.mail.signature': '— {org}\nСлужба помощи «Опора»',
  'requests.mail.statusLink': 'Статус обращения и переписка (ссылка личная, не пересылайте её):\n{link}',
  'requests.mail.ack.subject': 'Обращение {number} зарегистрировано',
  'requests.mail.ack.body':
    'Здравствуйте, {name}!\n\nВаше обращение «{subject}» зарегистрировано {registeredAt} под номером {number}.\nСрок рассмотрения — до {dueAt}.',
  'requests.mail.reply.subject': 'Ответ по обращению {number}',
  'requests.mail.reply.body': 'Здравствуйте, {name}!\n\nПо вашему обращению {number} «{subject}» консультант ответил:\n\n{message}',
  'requests.mail.clarification.subject': 'Нужно уточнение по обращению {number}',
  'requests.mail.clarification.body':
    'Здравствуйте, {name}!\n\nЧтобы помочь по обращению {number} «{subject}», консультанту нужно уточнение:\n\n{message}\n\nОтветьте, пожалуйста, по ссылке ниже. Пока мы ждём ответа, срок рассмотрения приостановлен.',
  'requests.mail.resolved.subject': 'Обращение {number} решено',
  'requests.mail.resolved.body':
    'Здравствуйте, {name}!\n\nОбращение {number} «{subject}» решено.\n\n{message}\n\nЕсли вопрос не решён, откройте обращение повторно по ссылке ниже в течение {days} дн.',
  'requests.mail.rejected.subject': 'Обращение {number} отклонено',
  'requests.mail.rejected.body':
    'Здравствуйте, {name}!\n\nОбращение {number} «{subject}» отклонено.\nПричина: {reason}.\n\n{message}\n\nВы можете подать новое обращение, описав затруднение подробнее.',
  'requests.mail.reminder.subject': 'Срок по обращению {number} истекает {dueAt}',
  'requests.mail.reminder.body':
    'Здравствуйте, {name}!\n\nНапоминаем: срок по обращению {number} «{subject}» истекает {dueAt}.\nСтатус: {status}. Исполнитель: {assignee}.\n\nОткрыть обращение: {link}',
  'requests.mail.escalation.subject': 'Просрочено обращение {number}',
  'requests.mail.escalation.body':
    'Здравствуйте, {name}!\n\nОбращение {number} «{subject}» не рассмотрено в срок ({dueAt}).\nСтатус: {status}. Исполнитель: {assignee}.\n\nОткрыть обращение: {link}',

  'requests.notify.created.title': 'Новое обращение {number}',
  'requests.notify.assigned.title': 'Вам назначено обращение {number}',
  'requests.notify.requesterReply.title': 'Заявитель ответил по обращению {number}',
  'requests.notify.reopened.title': 'Обращение {number} открыто повторно',
  'requests.notify.reminder.title': 'Срок по обращению {number} истекает {dueAt}',
  'requests.notify.escalation.title': 'Просрочено обращение {number}',
} as const;
