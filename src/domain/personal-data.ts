/**
 * Finding one person's data (152-FZ art. 14: the subject may ask what is processed about them).
 * Pure rules for the criteria a head types in: an e-mail as stored (lower case), and a phone
 * number however it was written — "+7 (912) 345-67-89", "8 912 345 67 89" and "9123456789" are
 * the same number, so phones are compared by their last ten digits.
 */

/** Digits a phone number must have to be looked up (fewer would match unrelated numbers). */
export const MIN_PHONE_DIGITS = 7;

/** The comparison key of a phone number, or null when it has too few digits. */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? digits.slice(-10) : null;
}

/** An e-mail as the tables store it. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
