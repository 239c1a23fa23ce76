/**
 * The Russian texts the web app shows: every area but the server's own (the `opora` command's
 * messages, the act's PDF). The web app loads this module with its first page; catalogue.ts adds
 * the server's areas for the server.
 */
import * as calendar from './messages/calendar.ts';
import * as core from './messages/core.ts';
import * as intake from './messages/intake.ts';
import * as privacy from './messages/privacy.ts';
import * as requests from './messages/requests.ts';
import * as web from './messages/web.ts';
import * as workspace from './messages/workspace.ts';

export const webRu = {
  ...core.ru,
  ...calendar.ru,
  ...requests.ru,
  ...intake.ru,
  ...web.ru,
  ...workspace.ru,
  ...privacy.ru,
} as const;

/** A key of a text the web app shows. */
export type WebMessageKey = keyof typeof webRu;
