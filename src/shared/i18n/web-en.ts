/**
 * The English texts the web app shows, with exactly the keys of web-ru.ts. The web app loads this
 * module only when English is chosen.
 */
import * as calendar from './messages/en/calendar.ts';
import * as core from './messages/en/core.ts';
import * as intake from './messages/en/intake.ts';
import * as privacy from './messages/en/privacy.ts';
import * as requests from './messages/en/requests.ts';
import * as web from './messages/en/web.ts';
import * as workspace from './messages/en/workspace.ts';
import type { WebMessageKey } from './web-ru.ts';

export const webEn: Record<WebMessageKey, string> = {
  ...core.en,
  ...calendar.en,
  ...requests.en,
  ...intake.en,
  ...web.en,
  ...workspace.en,
  ...privacy.en,
};
