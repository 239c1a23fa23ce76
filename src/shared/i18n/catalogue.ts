/**
 * The one message catalogue: every text a user sees, on the server (errors, e-mails, the act's PDF,
 * the `opora` command) and in the web app. An area keeps its Russian texts in messages/<area>.ts
 * and its English ones in messages/en/<area>.ts; areas the web app shows are merged in web-ru.ts and
 * web-en.ts, the server's own areas are added here.
 */
import * as act from './messages/act.ts';
import * as cli from './messages/cli.ts';
import * as actEn from './messages/en/act.ts';
import * as cliEn from './messages/en/cli.ts';
import { webEn } from './web-en.ts';
import { webRu } from './web-ru.ts';

export const ru = {
  ...webRu,
  ...act.ru,
  ...cli.ru,
} as const;
export type MessageKey = keyof typeof ru;
export const en: Record<MessageKey, string> = {
  ...webEn,
  ...actEn.en,
  ...cliEn.en,
};
