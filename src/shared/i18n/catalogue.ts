/**
 * The one message catalogue: every text a user sees, on the server (errors, e-mails, the `opora`
 * command) and in the web app. Areas are merged here; add an area by importing its file.
 */
import * as calendar from './messages/calendar.ts';
import * as cli from './messages/cli.ts';
import * as core from './messages/core.ts';
import * as intake from './messages/intake.ts';
import * as privacy from './messages/privacy.ts';
import * as requests from './messages/requests.ts';
import * as web from './messages/web.ts';
import * as workspace from './messages/workspace.ts';

export const ru = {
  ...core.ru,
  ...calendar.ru,
  ...requests.ru,
  ...intake.ru,
  ...web.ru,
  ...workspace.ru,
  ...privacy.ru,
  ...cli.ru,
} as const;
export type MessageKey = keyof typeof ru;
export const en: Record<MessageKey, string> = {
  ...core.en,
  ...calendar.en,
  ...requests.en,
  ...intake.en,
  ...web.en,
  ...workspace.en,
  ...privacy.en,
  ...cli.en,
};
