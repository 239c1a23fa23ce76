/** English texts of `../act.ts`: exactly its keys (checked by the type), the same {params}. */
import type { ru } from '../act.ts';

export const en: Record<keyof typeof ru, string> = {
  'act.title': 'ACT No. ____',
  'act.subtitle': 'of destruction of personal data',
  'act.period': 'for the period from {from} to {to}',
  'act.lead':
    'This act confirms the destruction of personal data processed in the information system, as required by Roskomnadzor order No. 179 of 28.10.2022.',
  'act.operator': '1. Personal data operator: {name}; address: {address}.',
  'act.operatorNoAddress': 'not given in the organisation’s card',
  'act.system':
    '2. Personal data information system: “Opora” — the record of staff’s and parents’ (legal representatives’) requests about the regional school portal.',
  'act.subjects':
    '3. Persons whose personal data were destroyed: the requesters of {n, plural, one {# request} other {# requests}} whose numbers the extract from the log lists (appendix). The requesters’ names and contacts are not given here: they were destroyed.',
  'act.categories': '4. Categories of personal data destroyed:',
  'act.category.name': 'the requester’s full name;',
  'act.category.contacts': 'the requester’s e-mail address and phone number;',
  'act.category.account': 'the link between the request and the requester’s account;',
  'act.category.childClass': 'the child’s class;',
  'act.category.wording': 'the subject and text of the request, the correspondence, the resolution and its explanations;',
  'act.category.files': 'attached files;',
  'act.category.emails': 'e-mails to the requester and the staff’s notifications about the request;',
  'act.category.links': 'the requester’s private links to the request’s page.',
  'act.method':
    '5. Method: erasure of the data in the information system’s database by its own software — texts replaced by a dash; files, e-mails, links and notifications deleted. The request’s number, dates, channel, type, topic and statuses are kept without personal data for the reports.',
  'act.backups':
    'Database backups made before the date of destruction hold these data until they are replaced on the backup schedule. The audit log (who worked on the requests and when, and for a data subject’s demand the e-mail or phone they gave) is kept as the event log.',
  'act.reasons': '6. Reasons for the destruction:',
  'act.reason.retention':
    'the purpose of processing was achieved: the retention period ({days}) after the request was closed or rejected has passed (art. 5 part 7, art. 21 part 4 of Federal Law No. 152-FZ of 27.07.2006);',
  'act.reason.subjectRequest': 'the data subject’s demand to destroy their data (art. 14, 21 of Federal Law No. 152-FZ of 27.07.2006).',
  'act.days': '{n, plural, one {# day} other {# days}}',
  'act.dates': '7. Date of destruction: {dates} (times in the organisation’s time zone, {zone}).',
  'act.dateRange': 'from {first} to {last}',
  'act.performers': '8. Destroyed by: {who}.',
  'act.performer.system': 'the information system automatically, on schedule (nightly housekeeping)',
  'act.performer.user': '{name} ({role})',
  'act.signatures': 'Persons responsible for the destruction of personal data:',
  'act.signature.position': '(position)',
  'act.signature.signature': '(signature)',
  'act.signature.name': '(name)',
  'act.signature.date': 'Signed on: ____ _______________ 20___',
  'act.log.title': 'Appendix. Extract from the event log',
  'act.log.lead':
    'Information system: “Opora”. Categories of data destroyed: as in item 4 of the act. Log entries: {n, plural, one {# entry} other {# entries}}.',
  'act.log.reason.retention': 'Retention period over ({days})',
  'act.log.reason.subjectRequest': 'Data subject’s demand',
  'act.log.who.system': 'Automatically',
  'act.log.requests': 'requests: {n}',
  'act.footer': 'Generated in Opora on {date}. Page {page} of {pages}.',
  'act.fileTitle': 'Act of destruction of personal data, {from} — {to}',
};
