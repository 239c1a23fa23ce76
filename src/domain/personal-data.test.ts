import { describe, expect, it } from 'vitest';
import { emailKey, phoneKey } from './personal-data.ts';

describe('phoneKey', () => {
  it('gives one key for the ways a Russian number is written', () => {
    const keys = ['+7 (912) 345-67-89', '8 912 345 67 89', '9123456789', '8-912-345-67-89'].map(phoneKey);
    expect(new Set(keys)).toEqual(new Set(['9123456789']));
  });

  it('keeps a short number whole and refuses one too short to be a number', () => {
    expect(phoneKey('23-45-67')).toBeNull();
    expect(phoneKey('2-345-678')).toBe('2345678');
    expect(phoneKey('12-34')).toBeNull();
    expect(phoneKey('')).toBeNull();
  });
});

describe('emailKey', () => {
  it('trims and lower-cases', () => {
    expect(emailKey('  Ivanova@Mail.Example ')).toBe('ivanova@mail.example');
  });
});
