/** English texts of `../privacy.ts`: exactly its keys (checked by the type), the same {params}. */
import type { ru } from '../privacy.ts';

export const en: Record<keyof typeof ru, string> = {
  'privacy.acts.title': 'Acts of destruction',
  'privacy.acts.lead':
    'When Opora de-personalises requests — at night when their retention period is over, or on a person’s demand — the log records it. Pick a period and download the act of destruction with its extract from the log (Roskomnadzor order No. 179): the responsible persons sign it and it is kept for three years.',
  'privacy.acts.from': 'From',
  'privacy.acts.to': 'To',
  'privacy.acts.show': 'Show',
  'privacy.acts.download': 'Download the act (PDF)',
  'privacy.acts.none': 'No personal data were destroyed in this period — no act is needed.',
  'privacy.acts.found': '{n, plural, one {# log entry} other {# log entries}}, requests: {requests}.',
  'privacy.acts.requests': 'Requests',
  'privacy.acts.reason.retention': 'Retention period',
  'privacy.acts.reason.subject_request': 'Person’s demand',
  'privacy.acts.who.system': 'Automatically',
  'privacy.acts.more': 'and {n} more',
  'privacy.error.actNothingErased': 'No personal data were destroyed in this period: there is nothing to put in an act',
  'privacy.error.actTooMany': 'This period has too many log entries for one act: pick a shorter period',
  'privacy.error.period.invalidDate': 'Enter the date as YYYY-MM-DD',
  'privacy.error.period.reversed': 'The period ends before it starts',
  'privacy.error.period.tooLong': 'One act covers at most a year: pick a shorter period',
};
