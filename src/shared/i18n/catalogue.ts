/**
 * The one message catalogue: every text a user sees, on the server (errors, e-mails) and in the
 * web app. Areas are merged here; add an area by importing its file.
 */
import * as calendar from './messages/calendar.ts';
import * as core from './messages/core.ts';

export const ru = { ...core.ru, ...calendar.ru } as const;
export type MessageKey = keyof typeof ru;
export const en: Record<MessageKey, string> = { ...core.en, ...calendar.en };
