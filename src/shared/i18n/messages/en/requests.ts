/** English texts of `../requests.ts`: exactly its keys (checked by the type), the same {params}. */
import type { ru } from '../requests.ts';

export const en: Record<keyof typeof ru, string> = {
  'error.REQUEST_WORDING_UNCLEAR':
    'Please describe the difficulty more clearly: the consultant must understand what happened and what you wanted to do.',
  'error.CONSENT_REQUIRED': 'To send a request, please consent to the processing of personal data.',
  'error.ATTACHMENT_TOO_MANY': 'At most {max} files per message.',
  'error.INVALID_MULTIPART': 'The form with files could not be read: it arrived incomplete or damaged. Please send it again.',
  'error.ATTACHMENT_TOO_LARGE': 'The file "{name}" is larger than {maxMb} MB.',
  'error.ATTACHMENT_TYPE_NOT_ALLOWED': 'The file "{name}" was not accepted: only images (PNG, JPEG, WebP, GIF) and PDF can be attached.',

  'requests.error.invalidTransition': 'The action "{action}" is not available: the request is "{status}".',
  'requests.error.reopenWindowExpired':
    'The request was resolved more than {days} days ago and cannot be reopened. Please create a new request.',
  'requests.error.legalExtension.finished': 'The request has been dealt with already: there is no term to extend.',
  'requests.error.legalExtension.notAllowed':
    'The law allows no extension for this type of request. The answer term of a 59-FZ appeal (up to 30 days) and of a 152-FZ request (up to 5 working days) can be extended.',
  'requests.error.legalExtension.done': 'The answer term of this request has been extended already. The law allows it once.',
  'requests.field.extensionReasonRequired': 'Give the reason for the extension: the requester will be told.',
  'requests.legalExtension.law.59-FZ': 'Federal Law No. 59-FZ of 02.05.2006, art. 12 part 2',
  'requests.legalExtension.law.152-FZ': 'Federal Law No. 152-FZ of 27.07.2006, art. 20 part 3',
  'requests.mail.legalExtension.subject': 'The answer term of request {number} is extended to {legalDueAt}',
  'requests.mail.legalExtension.body':
    'Hello, {name}!\n\nThe answer term of your request {number} "{subject}" is extended to {legalDueAt} ({law}).\n\nReason: {message}',
  'requests.event.legal_term_extended': 'Legal answer term extended',
  'requests.error.noDesk': 'This organisation does not take requests.',
  'requests.error.anonymized':
    'The request is de-personalised: its personal data were erased and it can no longer be changed. If the person writes again, register a new request.',

  'requests.field.bodyRequired': 'Write the text of the message.',
  'requests.field.reasonRequired': 'Choose the reason for the rejection.',
  'requests.field.commentRequired': 'Write a comment for the requester: they will see it with the reason.',
  'requests.field.assigneeInvalid': 'Only a consultant, head or administrator of this organisation can be assigned.',
  'requests.field.categoryInvalid': 'This category does not exist in this organisation or is deactivated.',
  'requests.field.categoryParentInvalid': 'A subcategory can only be added to a top-level category of this organisation.',
  'requests.field.categoryCodeTaken': 'A category with this code already exists.',
  'requests.field.contactRequired': 'Give an e-mail address or a phone number so that we can answer.',
  'requests.field.requesterNotFound': 'There is no such staff member or parent in this organisation.',
  'requests.field.receivedInFuture': 'The date of receipt cannot be in the future.',
  'requests.field.consentRequired': 'Please confirm your consent to the processing of personal data.',
  'requests.field.prefixInvalid': 'The prefix is 1 to 10 letters or digits.',
  'requests.field.nothingToSend': 'Write a message or attach a file.',
  'requests.field.unsupportedAction': 'This action is not done here.',

  'requests.wording.subject_too_short': 'The subject is too short: say in a few words what the request is about.',
  'requests.wording.no_letters': 'Describe the difficulty in words.',
  'requests.wording.empty': 'Describe what you did, what you expected and what happened.',
  'requests.wording.too_short': 'Too short. Describe what you did, what you expected and what happened.',
  'requests.wording.vague':
    'It is unclear what the difficulty is. Name the Portal section, the class or lesson, and what exactly does not work.',
  'requests.wording.all_caps': 'The text is in capital letters, which makes it harder to read.',
  'requests.wording.repeated_characters': 'The text has many repeated characters.',
  'requests.wording.structure_incomplete': 'Please fill in this field too — it helps the consultant understand the task sooner.',
  'requests.wording.sensitive_data': 'The text seems to contain a SNILS or passport number. Do not give them unless necessary.',

  'requests.status.new': 'New',
  'requests.status.in_progress': 'In progress',
  'requests.status.waiting_for_requester': 'Waiting for the requester',
  'requests.status.resolved': 'Resolved',
  'requests.status.closed': 'Closed',
  'requests.status.rejected': 'Rejected',

  'requests.action.start': 'Start work',
  'requests.action.request_clarification': 'Ask for clarification',
  'requests.action.requester_reply': 'Reply',
  'requests.action.resolve': 'Resolve',
  'requests.action.close': 'Close',
  'requests.action.auto_close': 'Close automatically',
  'requests.action.reopen': 'Reopen',
  'requests.action.reject': 'Reject',

  'requests.channel.in_person': 'In person',
  'requests.channel.parent_meeting': 'Parent meeting',
  'requests.channel.phone': 'Phone',
  'requests.channel.email': 'E-mail',
  'requests.channel.web': 'School web site',

  'requests.requesterKind.staff': 'Staff member',
  'requests.requesterKind.parent': 'Parent (legal representative)',

  'requests.type.consultation': 'Consultation',
  'requests.type.incident': 'Incident / failure',
  'requests.type.data_change': 'Data change',
  'requests.type.training': 'Training',
  'requests.type.appeal_59fz': 'Appeal under 59-FZ',
  'requests.type.complaint_210fz': 'Complaint about a municipal service (210-FZ)',
  'requests.type.pd_request_152fz': 'Personal data subject request (152-FZ)',
  'requests.type.out_of_scope': 'Out of scope',

  'requests.rejectReason.insufficient_information': 'Not enough information to find and solve the problem',
  'requests.rejectReason.incorrect_question': 'The question is put incorrectly',
  'requests.rejectReason.non_constructive_or_late_replies': 'The discussion is non-constructive or information was not supplied in time',

  'requests.badge.on_track': 'On track',
  'requests.badge.due_soon': 'Due soon',
  'requests.badge.overdue': 'Overdue',
  'requests.badge.paused': 'Clock paused',
  'requests.badge.met': 'Deadline met',
  'requests.badge.missed': 'Deadline missed',

  'requests.view.mine': 'Mine',
  'requests.view.unassigned': 'Unassigned',
  'requests.view.open': 'Open',
  'requests.view.overdue': 'Overdue',
  'requests.view.waiting': 'Waiting',
  'requests.view.all': 'All',

  'requests.event.created': 'Request registered',
  'requests.event.status_changed': 'Status changed: {from} → {to}',
  'requests.event.reply': 'Consultant’s reply',
  'requests.event.note': 'Internal note',
  'requests.event.requester_reply': 'Message from the requester',
  'requests.event.assigned': 'Assignee set',
  'requests.event.unassigned': 'Assignee removed',
  'requests.event.classification_changed': 'Category or type changed',
  'requests.event.deadline_changed': 'Deadline recomputed',
  'requests.event.reminder_sent': 'Deadline reminder sent',
  'requests.event.escalated': 'Deadline missed: the head was told',
  'requests.event.anonymized': 'Personal data de-personalised',
  'requests.delivery.pending': 'E-mail queued',
  'requests.delivery.sent': 'E-mail sent',
  'requests.delivery.failed': 'E-mail not delivered',

  'privacy.error.criteriaRequired': 'Enter the person’s e-mail address or phone number',
  'privacy.error.phoneTooShort': 'The phone number has too few digits: at least seven are needed',

  'requests.unassigned': 'not assigned',
  'requests.noDeadline': 'clock paused',

  'requests.mail.signature': '— {org}\nOpora help desk',
  'requests.mail.statusLink': 'Status of the request and the conversation (a personal link, do not forward it):\n{link}',
  'requests.mail.ack.subject': 'Request {number} registered',
  'requests.mail.ack.body':
    'Hello, {name}!\n\nYour request "{subject}" was registered on {registeredAt} as number {number}.\nIt will be reviewed by {dueAt}.',
  'requests.mail.reply.subject': 'Reply to request {number}',
  'requests.mail.reply.body': 'Hello, {name}!\n\nThe consultant replied to your request {number} "{subject}":\n\n{message}',
  'requests.mail.clarification.subject': 'Clarification needed for request {number}',
  'requests.mail.clarification.body':
    'Hello, {name}!\n\nTo help with request {number} "{subject}", the consultant needs a clarification:\n\n{message}\n\nPlease answer through the link below. While we wait for your answer, the review deadline is paused.',
  'requests.mail.resolved.subject': 'Request {number} resolved',
  'requests.mail.resolved.body':
    'Hello, {name}!\n\nRequest {number} "{subject}" has been resolved.\n\n{message}\n\nIf the problem is not solved, reopen the request through the link below within {days} days.',
  'requests.mail.rejected.subject': 'Request {number} rejected',
  'requests.mail.rejected.body':
    'Hello, {name}!\n\nRequest {number} "{subject}" was rejected.\nReason: {reason}.\n\n{message}\n\nYou can send a new request describing the difficulty in more detail.',
  'requests.mail.reminder.subject': 'Request {number} is due {dueAt}',
  'requests.mail.reminder.body':
    'Hello, {name}!\n\nA reminder: request {number} "{subject}" is due {dueAt}.\nStatus: {status}. Assignee: {assignee}.\n\nOpen the request: {link}',
  'requests.mail.escalation.subject': 'Request {number} is overdue',
  'requests.mail.escalation.body':
    'Hello, {name}!\n\nRequest {number} "{subject}" was not reviewed in time ({dueAt}).\nStatus: {status}. Assignee: {assignee}.\n\nOpen the request: {link}',

  'requests.notify.created.title': 'New request {number}',
  'requests.notify.assigned.title': 'Request {number} was assigned to you',
  'requests.notify.requesterReply.title': 'The requester replied to request {number}',
  'requests.notify.reopened.title': 'Request {number} was reopened',
  'requests.notify.reminder.title': 'Request {number} is due {dueAt}',
  'requests.notify.escalation.title': 'Request {number} is overdue',
};
