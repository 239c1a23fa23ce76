/** The proof of work: server signing and checking, and the browser's solver against node:crypto. */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NonceSearch, sha256 } from '../../../web/features/public-request/pow.ts';
import { issueChallenge, leadingZeroBits, parseChallenge, POW_TTL_MS, solveChallenge, solves, verifySolution } from './pow.ts';

const secret = randomBytes(32);
const org = '7b0f3a52-54a4-4f43-9a43-6f5e0b7f1c11';
const now = new Date('2026-11-20T10:00:00Z');

describe('the browser SHA-256', () => {
  it('matches node:crypto for every length around the block boundaries', () => {
    for (let length = 0; length < 200; length += 1) {
      const bytes = randomBytes(length);
      expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('finds the same first nonce as the server-side reference solver', () => {
    for (let i = 0; i < 5; i += 1) {
      const { challenge } = issueChallenge(secret, org, now, 10);
      const browser = new NonceSearch(challenge, 10).search(0, 1_000_000);
      expect(browser).toBe(solveChallenge(challenge, 10));
      expect(solves(challenge, browser!, 10)).toBe(true);
    }
  });

  it('searches in slices, returning null when a slice has no solution', () => {
    const { challenge } = issueChallenge(secret, org, now, 12);
    const search = new NonceSearch(challenge, 12);
    const expected = solveChallenge(challenge, 12);
    const index = parseInt(expected, 36);
    if (index > 0) expect(search.search(0, index)).toBeNull();
    expect(search.search(index, 10)).toBe(expected);
  });
});

describe('challenges', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0, 0x10, 0xff]))).toBe(19);
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });

  it('accepts a solved, signed, current challenge of the same school', () => {
    const issued = issueChallenge(secret, org, now, 8);
    const nonce = solveChallenge(issued.challenge, 8);
    const result = verifySolution(secret, { challenge: issued.challenge, nonce }, org, now, 8);
    expect(result.ok).toBe(true);
    expect(issued.expiresAt.getTime() - now.getTime()).toBe(POW_TTL_MS);
  });

  it('rejects forged, edited, expired, foreign, unsolved and too easy challenges', () => {
    const issued = issueChallenge(secret, org, now, 8);
    const nonce = solveChallenge(issued.challenge, 8);
    const check = (challenge: string, n = nonce, at = now, school = org, minimum = 8) => {
      const result = verifySolution(secret, { challenge, nonce: n }, school, at, minimum);
      return result.ok ? 'ok' : result.problem;
    };
    expect(check(issued.challenge)).toBe('ok');
    expect(check(issueChallenge(randomBytes(32), org, now, 8).challenge)).toBe('invalid');
    expect(check(issued.challenge.replace('.8.', '.1.'))).toBe('invalid');
    expect(check(issued.challenge.slice(0, -2))).toBe('invalid');
    expect(check('nonsense')).toBe('invalid');
    expect(check(issued.challenge, nonce, new Date(now.getTime() + POW_TTL_MS))).toBe('expired');
    expect(check(issued.challenge, nonce, now, '00000000-0000-4000-8000-000000000000')).toBe('wrong_school');
    expect(check(issued.challenge, 'not a nonce!')).toBe('unsolved');
    const wrong = Array.from({ length: 50 }, (_, i) => `z${i}`).find((n) => !solves(issued.challenge, n, 8))!;
    expect(check(issued.challenge, wrong)).toBe('unsolved');
    expect(check(issued.challenge, nonce, now, org, 9)).toBe('invalid');
    expect(parseChallenge(secret, issued.challenge)?.organizationId).toBe(org);
  });
});
