/**
 * How a person's contacts and a child's class are checked wherever they are typed: the public
 * form in the browser and on the server, and the `opora init` command. Pure; callers trim first.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^[0-9+()\-.\s]+$/;
/** A class of a Russian school: 1–11, optionally a letter or a group name («5 Б», «10А», «11 «Б»»). */
const SCHOOL_CLASS = /^(?:[1-9]|1[01])(?:\s*[-–]?\s*[«"]?\s*[А-ЯЁа-яёA-Za-z]{1,3}\s*[»"]?)?$/u;

/** Something@somewhere.tld, without spaces (the mail server has the last word). */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

/** Digits with the usual separators (+, brackets, hyphens, dots, spaces), 10 to 15 digits in all. */
export function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return PHONE_CHARS.test(text) && digits >= 10 && digits <= 15;
}

/**
 * The digits to look for when a search is (part of) a phone number — at least 5 digits and only
 * the usual separators — else null. A leading 8 or +7 of a full Russian number is dropped, so
 * «8 (900) 123-45-67» finds «+7 900 123 45 67».
 */
export function phoneSearchDigits(text: string): string | null {
  if (!PHONE_CHARS.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  const national = digits.length === 11 && /^[78]/.test(digits) ? digits.slice(1) : digits;
  return national.length >= 5 ? national : null;
}

/** A school class: «5 Б», «10А», «11 «Б»», «7». */
export function isSchoolClass(text: string): boolean {
  return SCHOOL_CLASS.test(text);
}
