/**
 * Proof of work for the public form, without third parties: the server hands out a signed,
 * expiring challenge; the browser searches a nonce such that sha256(challenge + nonce) starts
 * with `difficulty` zero bits (about 2^difficulty hashes, a fraction of a second in a Web Worker);
 * the server checks the signature, the expiry, the school and the hash, and spends the challenge
 * (intake.service.ts records it, so each is accepted once).
 *
 * Challenge text: `v1.<organizationId>.<expiresAtMs>.<difficulty>.<id>.<hmac>`, where the HMAC
 * (SHA-256, base64url) covers everything before it. Nothing is stored when a challenge is issued.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from '../../lib/tokens.ts';

/** Zero bits required: 2^18 ≈ 262 000 hashes on average, well under a second on a phone. */
export const POW_DIFFICULTY = 18;
/** How long a challenge may be used: long enough to fill in the form while it is being solved. */
export const POW_TTL_MS = 30 * 60_000;
export const NONCE_PATTERN = /^[0-9a-z]{1,32}$/;

export interface IssuedChallenge {
  challenge: string;
  difficulty: number;
  expiresAt: Date;
}

export interface ParsedChallenge {
  id: string;
  organizationId: string;
  expiresAt: Date;
  difficulty: number;
}

export type PowProblem = 'invalid' | 'expired' | 'wrong_school' | 'unsolved';

const sign = (secret: Buffer, payload: string): string => createHmac('sha256', secret).update(payload).digest('base64url');

export function issueChallenge(secret: Buffer, organizationId: string, now: Date, difficulty = POW_DIFFICULTY): IssuedChallenge {
  const expiresAt = new Date(now.getTime() + POW_TTL_MS);
  const payload = ['v1', organizationId, String(expiresAt.getTime()), String(difficulty), randomBytes(16).toString('base64url')].join('.');
  return { challenge: `${payload}.${sign(secret, payload)}`, difficulty, expiresAt };
}

/** The challenge's fields when its signature is valid; null otherwise (forged, truncated, edited). */
export function parseChallenge(secret: Buffer, challenge: string): ParsedChallenge | null {
  const parts = challenge.split('.');
  if (parts.length !== 6 || parts[0] !== 'v1') return null;
  const [, organizationId = '', expires = '', difficulty = '', id = '', signature = ''] = parts;
  if (!safeEqual(signature, sign(secret, parts.slice(0, 5).join('.')))) return null;
  const expiresAt = Number(expires);
  const bits = Number(difficulty);
  if (!Number.isSafeInteger(expiresAt) || !Number.isInteger(bits) || bits < 1 || bits > 64) return null;
  return { id, organizationId, expiresAt: new Date(expiresAt), difficulty: bits };
}

export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function solves(challenge: string, nonce: string, difficulty: number): boolean {
  return (
    leadingZeroBits(
      createHash('sha256')
        .update(challenge + nonce)
        .digest(),
    ) >= difficulty
  );
}

/**
 * Checks a solution (not whether the challenge was spent before). `minimumDifficulty` guards
 * against a challenge signed with a lower difficulty than the current policy.
 */
export function verifySolution(
  secret: Buffer,
  input: { challenge: string; nonce: string },
  organizationId: string,
  now: Date,
  minimumDifficulty = POW_DIFFICULTY,
): { ok: true; challenge: ParsedChallenge } | { ok: false; problem: PowProblem } {
  const parsed = parseChallenge(secret, input.challenge);
  if (!parsed || parsed.difficulty < minimumDifficulty) return { ok: false, problem: 'invalid' };
  if (parsed.organizationId !== organizationId) return { ok: false, problem: 'wrong_school' };
  if (parsed.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
  if (!NONCE_PATTERN.test(input.nonce) || !solves(input.challenge, input.nonce, parsed.difficulty))
    return { ok: false, problem: 'unsolved' };
  return { ok: true, challenge: parsed };
}

/** Finds a nonce (tests and tools; the browser has its own solver in web/features/public-request/pow.ts). */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let n = 0; ; n += 1) {
    const nonce = n.toString(36);
    if (solves(challenge, nonce, difficulty)) return nonce;
  }
}
