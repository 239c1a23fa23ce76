/** English texts of `../core.ts`: exactly its keys (checked by the type), the same {params}. */
import type { ru } from '../core.ts';

export const en: Record<keyof typeof ru, string> = {
  'app.name': 'Opora',
  'app.tagline': 'Help with the move to the electronic grade journal',

  'error.VALIDATION': 'Please check the data you entered.',
  'error.INVALID_JSON': 'The request body is not valid JSON.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'This data format is not supported.',
  'error.PAYLOAD_TOO_LARGE': 'The data is too large.',
  'error.NOT_FOUND': 'Not found.',
  'error.ROUTE_NOT_FOUND': 'There is no such address.',
  'error.UNAUTHENTICATED': 'Please sign in.',
  'error.FORBIDDEN': 'You do not have permission to do this.',
  'error.CSRF': 'Your session is out of date. Reload the page and try again.',
  'error.CONFLICT': 'This conflicts with the current state of the data.',
  'error.INVALID_TRANSITION': 'This action is not available in the current state.',
  'error.RATE_LIMITED': 'Too many requests. Try again in {seconds} s.',
  'error.INTERNAL': 'Internal error. Give the administrator the request code {requestId}.',
  'error.INVALID_CREDENTIALS': 'Wrong e-mail address or password.',
  'error.ACCOUNT_LOCKED': 'Too many failed sign-in attempts. Sign-in is locked until {until}.',
  'error.ACCOUNT_DISABLED': 'The account is disabled. Contact the administrator.',
  'error.RESET_TOKEN_INVALID': 'The password reset link is invalid or has expired. Request a new one.',
  'error.WEAK_PASSWORD': 'The password must be at least 10 characters long.',
  'error.EMAIL_TAKEN': 'A user with this address already exists.',
  'error.SLUG_TAKEN': 'This short address is already taken.',
  'error.MEMBERSHIP_EXISTS': 'The user already has this role in this organisation.',
  'error.ORG_PARENT_INVALID': 'This parent organisation is not allowed.',
  'error.LAST_ADMIN': 'The last administrator cannot be removed.',
  'error.INVALID_CHARACTERS':
    'The text contains a character that cannot be stored (a null byte). Remove it, for example by retyping the pasted part, and send again.',
  'error.userOutsideScope':
    'This person also belongs to organisations outside your scope: their account (password, name, access) can be changed by an administrator over all of them.',

  'field.required': 'Required.',
  'field.invalid': 'Invalid value.',
  'field.tooShort': 'At least {min} characters.',
  'field.tooLong': 'At most {max} characters.',
  'field.email': 'Enter an e-mail address.',
  'field.format': 'Wrong format.',
  'field.timeZone': 'Unknown time zone: give it as in the IANA database, e.g. Europe/Moscow or Asia/Yekaterinburg.',
  'field.unknown': 'Unknown field.',
  'field.type': 'Wrong type of value.',
  'field.enum': 'Choose one of the allowed values.',
  'field.range': 'Value out of range.',

  'role.head': 'Head',
  'role.consultant': 'Consultant',
  'role.staff': 'Staff',
  'role.parent': 'Parent',
  'role.operator': 'Support operator',
  'role.admin': 'Administrator',

  'orgKind.region': 'Region',
  'orgKind.municipality': 'Municipality',
  'orgKind.school': 'School',
  'orgKind.support_service': 'Support service',

  'mail.error.notConfigured': 'the mail server is not configured (SMTP_HOST)',
  'mail.passwordReset.subject': 'Opora: password reset',
  'mail.passwordReset.body':
    'Hello, {name}!\n\nTo set a new password, open this link (valid for {minutes} min):\n{link}\n\nIf you did not ask for a password reset, ignore this e-mail.\n\n— Opora',

  'count.days': '{count, plural, one {# day} other {# days}}',
  'count.requests': '{count, plural, one {# request} other {# requests}}',
};
