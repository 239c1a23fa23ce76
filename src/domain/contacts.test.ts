/** The contact and class checks shared by the public form, its server and the `opora` command. */
import { describe, expect, it } from 'vitest';
import { isEmailAddress, isPhoneNumber, isSchoolClass, phoneSearchDigits } from './contacts.ts';

describe('contacts', () => {
  it('takes an e-mail address with a domain and no spaces', () => {
    expect(isEmailAddress('mama@example.ru')).toBe(true);
    expect(isEmailAddress('it.lead+opora@school27.mytishchi.ru')).toBe(true);
    for (const bad of ['mama', 'mama@example', '@example.ru', 'ma ma@example.ru', 'mama@exa mple.ru'])
      expect(isEmailAddress(bad), bad).toBe(false);
  });

  it('takes a phone of 10 to 15 digits with the usual separators', () => {
    expect(isPhoneNumber('+7 (495) 586-27-27')).toBe(true);
    expect(isPhoneNumber('8.916.123.45.67')).toBe(true);
    expect(isPhoneNumber('123456789')).toBe(false);
    expect(isPhoneNumber('1234567890123456')).toBe(false);
    expect(isPhoneNumber('+7 495 586-27-27 доб. 5')).toBe(false);
  });

  it('reads a search of five or more digits as (part of) a phone number, without the country prefix', () => {
    expect(phoneSearchDigits('8 (900) 111-22-33')).toBe('9001112233');
    expect(phoneSearchDigits('+7 900 111 22 33')).toBe('9001112233');
    expect(phoneSearchDigits('111-22-33')).toBe('1112233');
    expect(phoneSearchDigits('8 915 555-66')).toBe('91555566');
    expect(phoneSearchDigits('+7 915 55')).toBe('91555');
    expect(phoneSearchDigits('812 555 12')).toBe('81255512'); // St Petersburg's code, not a prefix
    expect(phoneSearchDigits('12345')).toBe('12345');
    expect(phoneSearchDigits('1234')).toBeNull();
    expect(phoneSearchDigits('Орлова')).toBeNull();
    expect(phoneSearchDigits('27-26-00042a')).toBeNull();
  });

  it('takes a class from 1 to 11 with an optional letter or group', () => {
    for (const good of ['5 Б', '10А', '11 «Б»', '7', '9-в', '3 Abc']) expect(isSchoolClass(good), good).toBe(true);
    for (const bad of ['12 А', '0', 'Б', '5 Бвгд', '5Б класс']) expect(isSchoolClass(bad), bad).toBe(false);
  });
});
