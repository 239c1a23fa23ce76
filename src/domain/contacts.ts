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
 * the usual separators — else null. The country prefix is dropped (+7, or an 8 written apart as
 * in «8 (900) …», or either in front of 10 more digits), so «8 915 555-66» finds «+7 915 555-66-77».
 */
export function phoneSearchDigits(text: string): string | null {
  const written = text.trim();
  if (!PHONE_CHARS.test(written)) return null;
  const digits = written.replace(/\D/g, '');
  const prefixed = /^\+7/.test(written) || /^8[\s(-]/.test(written) || (digits.length === 11 && /^[78]/.test(digits));
  const national = prefixed ? digits.slice(1) : digits;
  return national.length >= 5 ? national : null;
}

/** A school class: «5 Б», «10А», «11 «Б»», «7». */
export function isSchoolClass(text: string): boolean {
  return SCHOOL_CLASS.test(text);
}
