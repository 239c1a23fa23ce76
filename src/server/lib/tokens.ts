import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random URL-safe token (256 bits): 43 characters of base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored hashed, so a copy of the database does not reveal live sessions or links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A token as `newToken` writes it, standing alone (not part of a longer run of such characters). */
const TOKEN_IN_TEXT = /(?<![\w-])[\w-]{43}(?![\w-])/g;

/**
 * The text with every token cut out: an e-mail's stored copy, once sent, keeps no live private
 * link (status page, password reset) — the recipient's copy is the only one.
 */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_TEXT, '[…]');
}
